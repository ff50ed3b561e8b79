// Auto-advance: a reveal, and then the leaderboard (or the podium after the last question),
// moves on by itself `autoAdvanceSeconds` after it appeared. The moment is `advanceAt` on
// the room clock and the room's single timer points at it; a pause freezes it like a
// question's deadline, and any step to another phase drops it.
import { isAutoAdvanceSeconds } from '../../shared/game-types.js';
import type { AutoAdvanceStatePayload } from '../../shared/protocol.js';
import { reject, type Outcome } from './roster.js';
import type { Step } from './round.js';
import { remainingMs } from './state.js';
import type { Effect, GameState } from './types.js';

/** The phases that can wait to move on by themselves. */
export function canAdvance(state: GameState): boolean {
  return state.phase === 'reveal' || state.phase === 'leaderboard';
}

/** Time left before the game moves on by itself, frozen while paused; null when it will not. */
export function advanceRemainingMs(state: GameState, now: number): number | null {
  return state.advanceAt === null ? null : remainingMs(state, now);
}

/** Bookkeeping for a change of phase (or of question): a reveal or leaderboard starts its
 *  wait if auto-advance is on; any other phase has none. */
export function enterPhase(before: GameState, after: GameState, now: number): Step {
  if (after.phase === before.phase && after.round?.index === before.round?.index) return { state: after, effects: [] };
  if (canAdvance(after) && after.settings.autoAdvanceSeconds > 0) {
    const advanceAt = now + after.settings.autoAdvanceSeconds * 1000;
    const waiting: GameState = { ...after, advanceAt, timerAt: advanceAt };
    return { state: waiting, effects: [stateEffect(waiting, now)] };
  }
  return { state: after.advanceAt === null ? after : { ...after, advanceAt: null }, effects: [] };
}

/** The host changes the setting. During a reveal or leaderboard the wait starts again with the
 *  new length (from the pause, if paused), or stops when turned off. The same value again
 *  changes nothing. */
export function setAutoAdvance(state: GameState, seconds: number, now: number): Outcome {
  if (!isAutoAdvanceSeconds(seconds)) return reject(state, 'BAD_PAYLOAD');
  if (seconds === state.settings.autoAdvanceSeconds) return { state, effects: [] };
  let next: GameState = { ...state, settings: { ...state.settings, autoAdvanceSeconds: seconds } };
  if (canAdvance(next)) {
    const advanceAt = seconds > 0 ? (state.pausedAt ?? now) + seconds * 1000 : null;
    next = { ...next, advanceAt, timerAt: state.pausedAt === null ? advanceAt : null };
  }
  return { state: next, effects: [stateEffect(next, now)] };
}

function stateEffect(state: GameState, now: number): Effect {
  const payload: AutoAdvanceStatePayload = {
    seconds: state.settings.autoAdvanceSeconds,
    remainingMs: advanceRemainingMs(state, now),
  };
  return { type: 'sendToHost', event: 'autoAdvance:state', payload };
}
