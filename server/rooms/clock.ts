// The live room's sense of time, injected so tests can drive a game without waiting.
// `now()` is monotonic (it never jumps with NTP or DST changes), which is what deadlines
// need; wall-clock time is only used for database timestamps.
import { performance } from 'node:perf_hooks';

export interface RoomClock {
  /** Monotonic milliseconds; only differences between two readings mean anything. */
  now(): number;
  /** Runs `fn` once `now()` has reached `at` (or a little later). Returns a cancel function. */
  schedule(at: number, fn: () => void): () => void;
}

export function systemClock(): RoomClock {
  // Whole milliseconds: remainingMs and answer times travel and are stored as integers.
  const now = () => Math.floor(performance.now());
  return {
    now,
    schedule(at, fn) {
      // setTimeout may fire a millisecond early or much later under load; the reducer
      // compares the clock with the deadline itself, so either is harmless.
      const timer = setTimeout(fn, Math.max(0, at - now()));
      // A pending question timer must not keep a stopping process alive.
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
