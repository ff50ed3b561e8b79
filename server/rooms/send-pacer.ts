// One queue of outgoing sends for every live room of the process. When many rooms move at
// once (200 classes whose questions all close in the same second), their broadcasts would
// otherwise run back to back in one turn of the event loop, and every question timer due
// in the meantime would fire late; a 2,000-player room's broadcast is several sends of
// PLAYER_SLICE_SIZE players, and those should not run back to back either.
// The pacer lets a send run straight away while little has been sent since the loop last
// came round; past `budgetMs` it queues sends and runs the queue in arrival order, at most
// `budgetMs` per turn of the event loop (a turn runs in the loop's check phase), so due
// timers and network reads get their chance in between. A room awaits each of its sends,
// so its own messages keep their order; with one quiet room nothing is ever queued.
import { performance } from 'node:perf_hooks';

export interface SendPacerOptions {
  /** Sending time allowed per turn of the event loop (one send is never cut short). */
  budgetMs?: number;
  /** Monotonic milliseconds; tests inject a fake one. */
  now?: () => number;
}

interface Job {
  send(): void;
  resolve(): void;
  reject(error: unknown): void;
}

export class SendPacer {
  private queue: Job[] = [];
  private head = 0;
  /** Sending time of the last turn: sends wait for the next turn until it is under budget. */
  private turnSpent = 0;
  /** Sending time of sends that ran straight away since the last turn. */
  private directSpent = 0;
  private scheduled = false;
  private readonly budgetMs: number;
  private readonly now: () => number;

  constructor(opts: SendPacerOptions = {}) {
    this.budgetMs = opts.budgetMs ?? 4;
    this.now = opts.now ?? (() => performance.now());
  }

  /** Sends waiting for their turn. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Runs `send` now if the budget allows and nothing is waiting, else in its turn.
   *  Resolves once it ran; rejects with what it threw. */
  run(send: () => void): Promise<void> {
    if (this.pending === 0 && this.turnSpent + this.directSpent < this.budgetMs) {
      const started = this.now();
      try {
        send();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      } finally {
        this.directSpent += this.now() - started;
        this.schedule();
      }
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ send, resolve, reject });
      this.schedule();
    });
  }

  // An immediate queued from inside the check phase runs on the next loop turn, after due
  // timers and I/O: that is what makes a turn boundary.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.turn);
  }

  private readonly turn = (): void => {
    this.scheduled = false;
    if (this.directSpent > 0 && this.directSpent >= this.budgetMs && this.pending > 0) {
      // This loop turn already sent its share (straight away, earlier in the same turn):
      // the queue waits one more turn, so timers run in between.
      this.directSpent = 0;
      this.turnSpent = 0;
      this.schedule();
      return;
    }
    const started = this.now();
    const budget = this.budgetMs - this.directSpent;
    let ran = 0;
    while (this.head < this.queue.length) {
      const job = this.queue[this.head++]!;
      ran++;
      try {
        job.send();
        job.resolve();
      } catch (error) {
        job.reject(error);
      }
      if (this.now() - started >= budget) break;
    }
    this.turnSpent = ran > 0 ? this.now() - started : 0;
    this.directSpent = 0;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024) {
      // A long-lived busy queue does not keep every job it has run.
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    // Another turn while sends wait, or to lift the block this turn's sending put on
    // sends that would run straight away.
    if (this.pending > 0 || this.turnSpent > 0) this.schedule();
  };
}
