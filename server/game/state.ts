// Building a new game and small read helpers over the state.
import { GAME_RULES, type GameSettings } from '../../shared/game-types.js';
import { initialTeams } from './teams.js';
import type { GameState, PlayerState, ServerQuestion } from './types.js';

export interface NewGame {
  gameId: string;
  code: string;
  settings: GameSettings;
  /** Already chosen and ordered by the caller (shuffling needs randomness). */
  questions: ServerQuestion[];
}

export function createGame({ gameId, code, settings, questions }: NewGame): GameState {
  return {
    gameId,
    code,
    settings: { ...settings, questionCount: questions.length },
    questions,
    phase: 'lobby',
    locked: false,
    timerAt: null,
    pausedAt: null,
    advanceAt: null,
    players: [],
    activeCount: 0,
    round: null,
    ranking: [],
    rankOf: [],
    prevRankOf: [],
    teams: initialTeams(settings),
    teamRanking: [],
    teamRankOf: [],
    endReason: null,
  };
}

export function playerIdForSeat(seat: number): string {
  return `p${seat + 1}`;
}

/** The seat a player id names ('p3' → 2), or -1 for anything that is not a player id. */
export function seatOfId(playerId: string): number {
  const match = /^p([1-9]\d{0,6})$/.exec(playerId);
  return match ? Number(match[1]) - 1 : -1;
}

/** Seat of a player id, or -1. Ids encode the seat, so this is O(1) with no lookup map. */
export function seatOf(state: GameState, playerId: string): number {
  const seat = seatOfId(playerId);
  return seat < state.players.length ? seat : -1;
}

export function findPlayer(state: GameState, playerId: string): PlayerState | undefined {
  const seat = seatOf(state, playerId);
  return seat < 0 ? undefined : state.players[seat];
}

export function questionMs(state: GameState): number {
  return state.settings.secondsPerQuestion * 1000;
}

/** Time left in the current reading, team talk or answering window, or before a reveal or leaderboard
 *  moves on by itself; frozen while paused. */
export function remainingMs(state: GameState, now: number): number {
  const round = state.round;
  if (!round) return 0;
  const clock = state.pausedAt ?? now;
  if (state.phase === 'reading') return Math.max(0, round.readingEndsAt - clock);
  if (state.phase === 'talk' && round.talkEndsAt !== null) return Math.max(0, round.talkEndsAt - clock);
  if (state.phase === 'answering' && round.deadline !== null) return Math.max(0, round.deadline - clock);
  if (state.advanceAt !== null) return Math.max(0, state.advanceAt - clock);
  return 0;
}

/** The answer window closes this long after the announced deadline. */
export const GRACE_MS = GAME_RULES.answerGraceMs;

/** Copy of an array with one element replaced (keeps the state immutable without spreads
 *  of keyed objects, which cost far more than an array copy at 2,000 players). */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}
