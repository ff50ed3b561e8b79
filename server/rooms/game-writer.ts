// Batched, ordered, retried persistence for every live game of the process. A game never
// waits for the database except at one point: before a question's reveal is sent,
// `flushForReveal` makes every answer acknowledged during that question durable.
// Elsewhere writes are coalesced and go out shortly after. One writer serves all rooms, so
// 200 rooms whose questions close in the same second make one batch of a few statements
// (see game-store.ts), not 200 round trips competing with the rooms' timers. One batch is
// written at a time, which keeps each game's writes in the order they happened.
// A failed batch is retried game by game, so one game's bad write cannot hold back the
// others; a game whose write failed keeps its ops at the front of its queue and retries
// with back-off. The ops are idempotent, so writing one twice is harmless. Nothing here
// ever throws.
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger.js';
import type { Snapshot } from '../game/restore.js';
import type { AnswerRow, GameStore, GameWrite, PlayerRow, WriteBatch } from './game-store.js';

export type WriteOp =
  | { kind: 'player'; row: PlayerRow }
  | { kind: 'kick'; id: string; at: Date }
  /** The host moved a player to another team (the lobby only). */
  | { kind: 'team'; id: string; team: number }
  | { kind: 'answer'; row: AnswerRow }
  | { kind: 'skipped'; index: number }
  | { kind: 'asked'; index: number; at: Date }
  | { kind: 'standings'; rows: WriteBatch['standings'] }
  | { kind: 'game'; patch: WriteBatch['game'] }
  /** The room's state to restore from; of several in one batch, the last one is written. */
  | { kind: 'snapshot'; snapshot: Snapshot; at: Date; fence?: number | null };

export interface WriterOptions {
  /** How long a write may wait for others to join its batch. */
  delayMs?: number;
  /** This many ops waiting (all games together) are written at once. */
  maxBatch?: number;
  /** Back-off of a game after consecutive failures (the last value repeats). */
  retryDelaysMs?: number[];
  /** Attempts before a reveal goes ahead without the database (the writes keep retrying). */
  revealAttempts?: number;
  /** Longest a reveal waits for a database that neither answers nor fails. */
  revealWaitMs?: number;
}

const DEFAULTS: Required<WriterOptions> = {
  delayMs: 300,
  maxBatch: 2_000,
  retryDelaysMs: [100, 250, 1_000, 3_000, 10_000, 30_000],
  revealAttempts: 3,
  revealWaitMs: 5_000,
};

/** What one room sees of the writer: its own game's queue. */
export interface RoomWriter {
  add(op: WriteOp): void;
  /** Resolves true once everything this game queued so far is stored, false on failure. */
  flush(): Promise<boolean>;
  /** Durability point of a question: a few quick attempts, then the game goes on (the
   *  writes stay queued and keep being retried in the background). */
  flushForReveal(): Promise<boolean>;
  /** The room leaves memory: its last attempts (what still fails keeps retrying). */
  close(): Promise<boolean>;
  /** Resolves true once everything this game queued so far is stored, however many retries
   *  that takes: acks wait on it (an answer is acknowledged only once it is stored). The
   *  write goes out at the next turn of the event loop with whatever else is waiting then
   *  (group commit). False only if the writer stops first. */
  whenStored(): Promise<boolean>;
}

export function mergeOps(ops: readonly WriteOp[]): WriteBatch {
  const batch: WriteBatch = { players: [], kicks: [], teamMoves: [], answers: [], skipped: [], asked: [], standings: [], game: {}, snapshot: null };
  for (const op of ops) {
    if (op.kind === 'player') batch.players.push(op.row);
    else if (op.kind === 'kick') batch.kicks.push({ id: op.id, at: op.at });
    else if (op.kind === 'team') batch.teamMoves!.push({ id: op.id, team: op.team });
    else if (op.kind === 'answer') batch.answers.push(op.row);
    else if (op.kind === 'skipped') batch.skipped.push(op.index);
    else if (op.kind === 'asked') batch.asked.push({ index: op.index, at: op.at });
    else if (op.kind === 'standings') batch.standings = op.rows;
    else if (op.kind === 'snapshot') batch.snapshot = { value: op.snapshot, at: op.at, fence: op.fence ?? null };
    else Object.assign(batch.game, op.patch);
  }
  return batch;
}

interface GameQueue {
  ops: WriteOp[];
  /** Ops handed in, and ops stored, since the game's first write (stored in order). */
  added: number;
  stored: number;
  /** When the queued ops are due to be written (null: nothing queued). */
  dueAt: number | null;
  /** A reveal or a close is waiting: write at the next chance, back-off or not. */
  urgent: boolean;
  failures: number;
  waiters: { upTo: number; resolve(stored: boolean): void }[];
  /** Waiters that outlast failures (acks): resolved when stored, or false at shutdown. */
  durable: { upTo: number; resolve(stored: boolean): void }[];
}

interface Taken {
  gameId: string;
  queue: GameQueue;
  ops: WriteOp[];
}

export class GameWriter {
  private readonly queues = new Map<string, GameQueue>();
  private queued = 0;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private soon = false;
  private stopped = false;
  private readonly opts: Required<WriterOptions>;

  constructor(
    private readonly store: GameStore,
    private readonly logger: Logger,
    opts: WriterOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Ops waiting to be written, all games together. */
  get pendingCount(): number {
    return this.queued;
  }

  forGame(gameId: string): RoomWriter {
    return {
      add: (op) => this.add(gameId, op),
      flush: () => this.flushGame(gameId),
      flushForReveal: () => this.flushForReveal(gameId),
      close: () => this.flushForReveal(gameId),
      whenStored: () => this.whenStored(gameId),
    };
  }

  add(gameId: string, op: WriteOp): void {
    let queue = this.queues.get(gameId);
    if (!queue) {
      queue = { ops: [], added: 0, stored: 0, dueAt: null, urgent: false, failures: 0, waiters: [], durable: [] };
      this.queues.set(gameId, queue);
    }
    queue.ops.push(op);
    queue.added++;
    this.queued++;
    queue.dueAt ??= this.now() + this.opts.delayMs;
    if (this.queued >= this.opts.maxBatch) this.writeSoon();
    else this.wakeAt(queue.dueAt);
  }

  /** Resolves true once every op of the game handed in so far is stored; false if the
   *  write that carried them failed (they stay queued and are retried). */
  flushGame(gameId: string): Promise<boolean> {
    const queue = this.queues.get(gameId);
    if (!queue || queue.stored >= queue.added) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      queue.waiters.push({ upTo: queue.added, resolve });
      queue.urgent = true;
      this.writeSoon();
    });
  }

  whenStored(gameId: string): Promise<boolean> {
    const queue = this.queues.get(gameId);
    if (!queue || queue.stored >= queue.added) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      queue.durable.push({ upTo: queue.added, resolve });
      // After a failure the back-off decides when to try again; otherwise write now.
      if (queue.failures === 0) {
        queue.urgent = true;
        this.writeSoon();
      }
    });
  }

  async flushForReveal(gameId: string): Promise<boolean> {
    const attempts = async () => {
      for (let attempt = 1; ; attempt++) {
        if (await this.flushGame(gameId)) return true;
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

  /** Shutdown, after the rooms closed: one last attempt for everything, then no more
   *  background retries (the database is about to close). */
  async close(): Promise<boolean> {
    const games = [...this.queues.keys()];
    const stored = await Promise.all(games.map((gameId) => this.flushForReveal(gameId)));
    this.stopped = true;
    this.clearTimer();
    for (const queue of this.queues.values()) {
      for (const w of queue.durable.splice(0)) w.resolve(false);
    }
    return stored.every(Boolean);
  }

  // ---- batching ---------------------------------------------------------------------

  /** Urgent writes wait one turn of the event loop, so every room whose question closes
   *  in the same turn joins the same batch. */
  private writeSoon(): void {
    if (this.soon) return;
    this.soon = true;
    setImmediate(() => {
      this.soon = false;
      this.pump();
    });
  }

  private wakeAt(at: number): void {
    if (this.stopped || this.writing || at >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - this.now()));
    // Pending writes do not hold the process open; shutdown flushes them explicitly.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private pump(): void {
    if (this.writing) return; // the running loop takes what is due when its batch is done
    this.clearTimer();
    this.writing = (async () => {
      for (let batch = this.takeDue(); batch.length > 0; batch = this.takeDue()) await this.write(batch);
    })()
      // write() handles the store's failures; this is only a last guard for the process.
      .catch((err: unknown) => this.logger.error({ err }, 'game writer failed'))
      .finally(() => {
        this.writing = null;
        this.rearm();
      });
  }

  private takeDue(): Taken[] {
    const now = this.now();
    const overflow = this.queued >= this.opts.maxBatch;
    const taken: Taken[] = [];
    for (const [gameId, queue] of this.queues) {
      if (queue.ops.length === 0) continue;
      const due = queue.urgent || (queue.dueAt !== null && queue.dueAt <= now) || (overflow && queue.failures === 0);
      if (!due || (this.stopped && !queue.urgent)) continue;
      const ops = queue.ops;
      queue.ops = [];
      queue.dueAt = null;
      queue.urgent = false;
      this.queued -= ops.length;
      taken.push({ gameId, queue, ops });
    }
    return taken;
  }

  private rearm(): void {
    let next = Infinity;
    for (const queue of this.queues.values()) {
      if (queue.urgent && queue.ops.length > 0) return this.writeSoon();
      if (queue.dueAt !== null) next = Math.min(next, queue.dueAt);
    }
    if (next < Infinity) this.wakeAt(next);
  }

  private async write(batch: Taken[]): Promise<void> {
    try {
      await this.store.write(batch.map(toGameWrite));
      for (const t of batch) this.stored(t);
      return;
    } catch (err) {
      if (batch.length === 1) return this.failed(batch[0]!, err);
    }
    // Several games failed together: find out which, so the others are not held back.
    for (const t of batch) {
      try {
        await this.store.write([toGameWrite(t)]);
        this.stored(t);
      } catch (err) {
        this.failed(t, err);
      }
    }
  }

  private stored(t: Taken): void {
    const queue = t.queue;
    queue.failures = 0;
    queue.stored += t.ops.length;
    // Acks first, so an answer's ack goes out before the reveal that waited for the same write.
    queue.durable = settle(queue.durable, queue.stored);
    queue.waiters = settle(queue.waiters, queue.stored);
    queue.urgent = queue.waiters.length + queue.durable.length > 0;
    this.forgetIfIdle(t.gameId, queue);
  }

  private failed(t: Taken, err: unknown): void {
    const queue = t.queue;
    queue.failures++;
    this.logger.error({ err, gameId: t.gameId, ops: t.ops.length, failures: queue.failures }, 'game write failed; will retry');
    queue.ops = [...t.ops, ...queue.ops];
    this.queued += t.ops.length;
    // Acks are waiting: keep trying every second at most, so they go out soon after the
    // database is back.
    const delay = this.retryDelay(queue.failures);
    queue.dueAt = this.now() + (queue.durable.length > 0 ? Math.min(delay, 1_000) : delay);
    for (const w of queue.waiters) w.resolve(false);
    queue.waiters = [];
    queue.urgent = false;
  }

  private forgetIfIdle(gameId: string, queue: GameQueue): void {
    // Only called when this game's batch has just been stored: nothing of it is in flight.
    if (queue.ops.length === 0 && queue.waiters.length === 0 && queue.durable.length === 0) this.queues.delete(gameId);
  }

  private retryDelay(failures: number): number {
    const delays = this.opts.retryDelaysMs;
    return delays[Math.min(failures, delays.length) - 1] ?? 1_000;
  }
}

function toGameWrite(t: Taken): GameWrite {
  return { gameId: t.gameId, ...mergeOps(t.ops) };
}

/** Resolves the waiters whose ops are all stored; returns the others. */
function settle(waiters: GameQueue['waiters'], stored: number): GameQueue['waiters'] {
  return waiters.filter((w) => {
    if (w.upTo > stored) return true;
    w.resolve(true);
    return false;
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
