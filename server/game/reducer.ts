// The game rules as a pure function: (state, command, now) -> { state, effects, error? }.
// No clock, randomness, timers or I/O in here: `now` is the caller's monotonic clock, and
// timers, sends and writes come back as effects for the live room to carry out.
// An invalid command returns the very same state object and a typed error; nothing throws.
import { seatGet } from './seat-table.js';
import { fail } from '../../shared/errors.js';
import { canAdvance, enterPhase, setAutoAdvance } from './advance.js';
import { leaderboardPayload, podiumPayload } from './payloads.js';
import { addPlayer, disconnect, kick, reconnect, reject, type Outcome } from './roster.js';
import { afterReading, beginQuestion, closeRound, openAnswers, recordAnswer, withRanking } from './round.js';
import { moveTeam } from './teams.js';
import { GRACE_MS, remainingMs, seatOf } from './state.js';
import type { Command, Effect, EndReason, FinalStanding, GameState, ReduceResult } from './types.js';

export { createGame } from './state.js';

/** Commands that still make sense once the game is over. */
const AFTER_END = new Set<Command['type']>(['tick', 'disconnect', 'resumePlayer', 'connect']);

export function reduce(state: GameState, command: Command, now: number): ReduceResult {
  let outcome: Outcome;
  try {
    const over = state.phase === 'ended' && !AFTER_END.has(command.type);
    outcome = over ? reject(state, 'GAME_FINISHED') : dispatch(state, command, now);
  } catch {
    // A bug must not take the room down: keep the old state and report it.
    return { state, effects: [], error: fail('INTERNAL').error };
  }
  if (outcome.error || outcome.state === state) return outcome;
  const entered = enterPhase(state, outcome.state, now);
  return {
    ...outcome,
    state: entered.state,
    effects: [...boundaryEffects(state, entered.state, now), ...outcome.effects, ...entered.effects],
  };
}

/** Timer and phase bookkeeping derived from the change, so no command can forget them. */
function boundaryEffects(before: GameState, after: GameState, now: number): Effect[] {
  const effects: Effect[] = [];
  if (after.timerAt !== before.timerAt) effects.push({ type: 'schedule', at: after.timerAt });
  if (after.phase !== before.phase || after.round?.index !== before.round?.index) {
    const round = after.phase === 'lobby' ? null : after.round;
    effects.push({
      type: 'persist',
      what: 'phase',
      phase: after.phase,
      questionIndex: round ? round.index : null,
      questionId: round ? after.questions[round.index].id : null,
      skipped: round ? round.skipped : false,
      at: now,
    });
  }
  return effects;
}

function dispatch(state: GameState, command: Command, now: number): Outcome {
  switch (command.type) {
    case 'addPlayer':
      return addPlayer(state, command.nickname, now);
    case 'resumePlayer':
    case 'connect':
      return reconnect(state, command.playerId);
    case 'disconnect':
      return disconnect(state, command.playerId);
    case 'kick':
      return kick(state, command.playerId);
    case 'moveTeam':
      return moveTeam(state, command.playerId, command.team);
    case 'lock':
    case 'unlock':
      return { state: { ...state, locked: command.type === 'lock' }, effects: [] };
    case 'start':
      if (state.phase !== 'lobby') return reject(state, 'WRONG_PHASE');
      if (state.activeCount === 0) return reject(state, 'NO_PLAYERS');
      return beginQuestion(state, 0, now);
    case 'next':
      return next(state, now);
    case 'skip':
      if (state.phase !== 'reading' && state.phase !== 'talk' && state.phase !== 'answering') return reject(state, 'WRONG_PHASE');
      return closeRound(state, true);
    case 'pause':
      return pause(state, now);
    case 'resume':
      return resume(state, now);
    case 'setAutoAdvance':
      return setAutoAdvance(state, command.seconds, now);
    case 'submitAnswer':
      return submitAnswer(state, command, now);
    case 'tick':
      return tick(state, now);
    case 'end':
      return end(state, state.phase === 'podium' ? 'finished' : 'ended-by-host', now);
    default:
      return reject(state, 'BAD_PAYLOAD');
  }
}

function next(state: GameState, now: number): Outcome {
  const round = state.round;
  if (state.phase === 'reveal' && round) {
    // After the last question the podium replaces the leaderboard. Moving on ends a pause
    // (one that held the reveal's auto-advance).
    if (round.index + 1 >= state.questions.length) {
      const podium: GameState = { ...state, phase: 'podium', timerAt: null, pausedAt: null };
      return {
        state: podium,
        effects: [
          { type: 'broadcast', event: 'podium:show', payload: podiumPayload(podium) },
          finalEffect(podium, 'finished', now),
        ],
      };
    }
    const board: GameState = { ...state, phase: 'leaderboard', pausedAt: null };
    const payload = leaderboardPayload(board);
    return { state: board, effects: [{ type: 'broadcast', event: 'leaderboard:show', payload }] };
  }
  if (state.phase === 'leaderboard' && round) return beginQuestion(state, round.index + 1, now);
  if (state.phase === 'podium') return end(state, 'finished', now);
  return reject(state, 'WRONG_PHASE');
}

function end(state: GameState, reason: EndReason, now: number): Outcome {
  let ended: GameState = { ...state, phase: 'ended', endReason: reason, timerAt: null, pausedAt: null };
  const effects: Effect[] = [];
  // Reaching the podium already wrote the final standings. Otherwise rank again so that
  // players who joined since the last reveal appear, unless no question was ever closed
  // (ended from the lobby or during the first question): then there are no standings.
  if (state.phase !== 'podium') {
    const round = state.round;
    const played = round !== null && (round.index > 0 || round.seatsAtClose !== null);
    if (played) ended = withRanking(ended);
    effects.push(finalEffect(ended, reason, now));
  }
  effects.push({ type: 'broadcast', event: 'room:closed', payload: { reason, gameId: state.gameId } });
  return { state: ended, effects };
}

function finalEffect(state: GameState, reason: EndReason, now: number): Effect {
  const standings: FinalStanding[] = state.ranking.map((seat) => {
    const p = state.players[seat];
    return {
      playerId: p.id,
      nickname: p.nickname,
      rank: state.rankOf[seat],
      score: p.score,
      correctCount: p.correctCount,
      totalAnswerMs: p.totalAnswerMs,
    };
  });
  return { type: 'persist', what: 'final', reason, standings, at: now };
}

/** A question's clock stops, or the wait of a reveal or leaderboard that would move on by itself. */
function pause(state: GameState, now: number): Outcome {
  if (state.pausedAt !== null) return reject(state, 'GAME_PAUSED');
  const clockRuns = state.phase === 'reading' || state.phase === 'talk' || state.phase === 'answering' || state.advanceAt !== null;
  if (!clockRuns) return reject(state, 'WRONG_PHASE');
  const paused: GameState = { ...state, pausedAt: now, timerAt: null };
  const payload = { remainingMs: remainingMs(paused, now) };
  return { state: paused, effects: [{ type: 'broadcast', event: 'game:paused', payload }] };
}

/** The clock restarts where it stopped: every pending moment moves by the paused time. */
function resume(state: GameState, now: number): Outcome {
  const round = state.round;
  if (state.pausedAt === null || !round) return reject(state, 'WRONG_PHASE');
  const pausedFor = Math.max(0, now - state.pausedAt);
  if (canAdvance(state)) {
    const advanceAt = state.advanceAt === null ? null : state.advanceAt + pausedFor;
    const resumed: GameState = { ...state, pausedAt: null, advanceAt, timerAt: advanceAt };
    return { state: resumed, effects: [{ type: 'broadcast', event: 'game:resumed', payload: { remainingMs: remainingMs(resumed, now) } }] };
  }
  const readingEndsAt = state.phase === 'reading' ? round.readingEndsAt + pausedFor : round.readingEndsAt;
  const talkEndsAt = state.phase === 'talk' && round.talkEndsAt !== null ? round.talkEndsAt + pausedFor : round.talkEndsAt;
  const deadline = state.phase === 'answering' && round.deadline !== null ? round.deadline + pausedFor : round.deadline;
  const pausedMs = state.phase === 'answering' ? round.pausedMs + pausedFor : round.pausedMs;
  const timerAt = state.phase === 'reading' ? readingEndsAt : state.phase === 'talk' ? talkEndsAt : deadline! + GRACE_MS;
  const resumed: GameState = {
    ...state,
    pausedAt: null,
    round: { ...round, readingEndsAt, talkEndsAt, deadline, pausedMs },
    timerAt,
  };
  const payload = { remainingMs: remainingMs(resumed, now) };
  return { state: resumed, effects: [{ type: 'broadcast', event: 'game:resumed', payload }] };
}

/** Timers can fire late or a little early: the clock decides, not the timer. */
function tick(state: GameState, now: number): Outcome {
  if (state.timerAt === null || state.pausedAt !== null) return { state, effects: [] };
  // Early: same state; ask the room to arm the timer again for the real moment.
  if (now < state.timerAt) return { state, effects: [{ type: 'schedule', at: state.timerAt }] };
  if (state.phase === 'reading') return afterReading(state, now);
  if (state.phase === 'talk') return openAnswers(state, now);
  if (state.phase === 'answering') return closeRound(state, false);
  if (canAdvance(state)) return next(state, now);
  return { state, effects: [] };
}

type Submit = Extract<Command, { type: 'submitAnswer' }>;

function submitAnswer(state: GameState, { playerId, questionId, optionIndex }: Submit, now: number): Outcome {
  const seat = seatOf(state, playerId);
  if (seat < 0) return reject(state, 'UNKNOWN_PLAYER');
  if (state.players[seat].kicked) return reject(state, 'KICKED');
  const round = state.round;
  if (!round || state.phase === 'lobby' || state.phase === 'podium') return reject(state, 'WRONG_PHASE');
  const question = state.questions[round.index];
  if (questionId !== question.id) return reject(state, 'WRONG_QUESTION');
  if (state.phase === 'reading') return reject(state, 'WRONG_PHASE');
  // The options are on the phones during team talk, but answers are not open yet.
  if (state.phase === 'talk') return reject(state, 'TEAM_TALK');
  if (state.phase !== 'answering') return reject(state, 'TOO_LATE');
  if (!Number.isInteger(optionIndex) || optionIndex < 0 || optionIndex >= question.options.length) {
    return reject(state, 'BAD_OPTION');
  }
  if (seatGet(round.answers, seat) !== null) return reject(state, 'ALREADY_ANSWERED');
  if (state.pausedAt !== null) return reject(state, 'GAME_PAUSED');
  // Arrival time against the deadline, whether or not the closing timer has fired yet.
  if (round.deadline === null || now > round.deadline + GRACE_MS) return reject(state, 'TOO_LATE');
  return recordAnswer(state, seat, optionIndex, now);
}
