// Batched, ordered, retried persistence for one room. The game never waits for the
// database except at one point: before a question's reveal is sent, `flushForReveal`
// makes every answer acknowledged during that question durable. Elsewhere writes are
// coalesced (a 200-player answer burst becomes one INSERT) and go out shortly after.
// A failed batch goes back to the front of the queue and is retried with back-off; the
// ops are idempotent, so writing one twice is harmless. Nothing here ever throws.
import type { Logger } from '../logger.js';
import type { AnswerRow, GameStore, PlayerRow, WriteBatch } from './game-store.js';

export type WriteOp =
  | { kind: 'player'; row: PlayerRow }
  | { kind: 'kick'; id: string; at: Date }
  | { kind: 'answer'; row: AnswerRow }
  | { kind: 'skipped'; index: number }
  | { kind: 'asked'; index: number; at: Date }
  | { kind: 'standings'; rows: WriteBatch['standings'] }
  | { kind: 'game'; patch: WriteBatch['game'] };

export interface WriterOptions {
  /** How long a write may wait for others to join its batch. */
  delayMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
  /** Back-off after consecutive failures (the last value repeats). */
  retryDelaysMs?: number[];
  /** Attempts before a reveal goes ahead without the database (the writes keep retrying). */
  revealAttempts?: number;
  /** Longest a reveal waits for a database that neither answers nor fails. */
  revealWaitMs?: number;
}

const DEFAULTS: Required<WriterOptions> = {
  delayMs: 300,
  maxBatch: 500,
  retryDelaysMs: [100, 250, 1_000, 3_000, 10_000, 30_000],
  revealAttempts: 3,
  revealWaitMs: 5_000,
};

export function mergeOps(ops: readonly WriteOp[]): WriteBatch {
  const batch: WriteBatch = { players: [], kicks: [], answers: [], skipped: [], asked: [], standings: [], game: {} };
  for (const op of ops) {
    if (op.kind === 'player') batch.players.push(op.row);
    else if (op.kind === 'kick') batch.kicks.push({ id: op.id, at: op.at });
    else if (op.kind === 'answer') batch.answers.push(op.row);
    else if (op.kind === 'skipped') batch.skipped.push(op.index);
    else if (op.kind === 'asked') batch.asked.push({ index: op.index, at: op.at });
    else if (op.kind === 'standings') batch.standings = op.rows;
    else Object.assign(batch.game, op.patch);
  }
  return batch;
}

export class RoomWriter {
  private pending: WriteOp[] = [];
  private writing: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly opts: Required<WriterOptions>;

  constructor(
    private readonly store: GameStore,
    private readonly gameId: string,
    private readonly logger: Logger,
    opts: WriterOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(op: WriteOp): void {
    this.pending.push(op);
    if (this.pending.length >= this.opts.maxBatch) void this.flush();
    else this.arm(this.opts.delayMs);
  }

  /** Writes everything queued so far. Resolves true once it is stored, false on failure. */
  async flush(): Promise<boolean> {
    // One batch at a time keeps the order of writes the order of events.
    while (this.writing) await this.writing;
    if (this.pending.length === 0) return true;
    this.clearTimer();
    const ops = this.pending.splice(0);
    this.writing = this.writeOnce(ops);
    try {
      return await this.writing;
    } finally {
      this.writing = null;
    }
  }

  /** Durability point of a question: a few quick attempts, then the game goes on (the
   *  writes stay queued and keep being retried in the background). */
  async flushForReveal(): Promise<boolean> {
    const attempts = async () => {
      for (let attempt = 1; ; attempt++) {
        if (await this.flush()) return true;
        if (attempt >= this.opts.revealAttempts) return false;
        await sleep(this.retryDelay(attempt));
      }
    };
    // A hung connection must not freeze the game on its reveal.
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.opts.revealWaitMs);
      timer.unref();
    });
    try {
      return await Promise.race([attempts(), giveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Shutdown: last attempts, then stop the background timer. */
  async close(): Promise<boolean> {
    const done = await this.flushForReveal();
    this.clearTimer();
    return done;
  }

  private async writeOnce(ops: WriteOp[]): Promise<boolean> {
    try {
      await this.store.write(this.gameId, mergeOps(ops));
      this.failures = 0;
      return true;
    } catch (err) {
      this.failures++;
      this.logger.error({ err, gameId: this.gameId, ops: ops.length, failures: this.failures }, 'game write failed; will retry');
      this.pending.unshift(...ops);
      this.arm(this.retryDelay(this.failures));
      return false;
    }
  }

  private retryDelay(failures: number): number {
    const delays = this.opts.retryDelaysMs;
    return delays[Math.min(failures, delays.length) - 1] ?? 1_000;
  }

  private arm(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
    // Pending writes do not hold the process open; shutdown flushes them explicitly.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
