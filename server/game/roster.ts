// Who is in the room: joining, coming back, leaving and being kicked.
import { seatGet, seatPush } from './seat-table.js';
import { fail, type ErrorCode } from '../../shared/errors.js';
import { nicknameKey } from './nickname-key.js';
import { playerSummary } from './payloads.js';
import { closeIfEveryoneAnswered, type Step } from './round.js';
import { playerIdForSeat, replaceAt, seatOf } from './state.js';
import { isTeamGame, teamForJoiner, withMembers, withTeamRanking } from './teams.js';
import type { Effect, GameError, GameState, PlayerState, RoundState } from './types.js';

export type Outcome = Step & { error?: GameError; playerId?: string };

export function reject(state: GameState, code: ErrorCode): Outcome {
  return { state, effects: [], error: fail(code).error };
}

export function addPlayer(state: GameState, nickname: string, now: number): Outcome {
  const { phase, settings } = state;
  if (phase === 'podium' || phase === 'ended') return reject(state, 'GAME_FINISHED');
  if (state.locked) return reject(state, 'ROOM_LOCKED');
  if (phase !== 'lobby' && !settings.allowLateJoin) return reject(state, 'LATE_JOIN_CLOSED');
  if (state.activeCount >= settings.playerCap) return reject(state, 'ROOM_FULL');
  // The edge normalises nicknames; this only guards against a caller that forgot to.
  if (typeof nickname !== 'string' || nickname.trim() === '' || nickname.length > 100) {
    return reject(state, 'NICKNAME_INVALID');
  }
  const key = nicknameKey(nickname);
  // A linear scan: a lookup map would have to be copied on every join, which costs more.
  // Kicked players keep their nickname so they cannot come straight back under it.
  if (state.players.some((p) => p.key === key)) return reject(state, 'NICKNAME_TAKEN');

  const seat = state.players.length;
  const placed = isTeamGame(state) ? teamForJoiner(state) : null;
  const player: PlayerState = {
    id: playerIdForSeat(seat),
    seat,
    nickname,
    key,
    connected: true,
    kicked: false,
    joinedAt: now,
    score: 0,
    streak: 0,
    correctCount: 0,
    totalAnswerMs: 0,
    team: placed ? placed.team : null,
  };
  let round = state.round;
  if (round) {
    // Keep answers as long as players; a late joiner may still answer the open question.
    round = { ...round, answers: seatPush(round.answers, null) };
    if (phase === 'answering') round.pending += 1;
  }
  const next: GameState = {
    ...state,
    players: [...state.players, player],
    activeCount: state.activeCount + 1,
    round,
    ...(placed ? { teams: placed.teams } : {}),
  };
  const effects: Effect[] = [
    { type: 'persist', what: 'player', playerId: player.id, nickname, seat, joinedAt: now, kicked: false, team: player.team },
    {
      type: 'sendToHost',
      event: 'player:joined',
      payload: { player: playerSummary(player), rejoined: false, total: next.activeCount },
    },
  ];
  return { state: next, effects, playerId: player.id };
}

/** Pending count change when a player's presence flips during the answer window. */
function pendingAfter(state: GameState, seat: number, delta: 1 | -1): RoundState | null {
  const round = state.round;
  if (!round || state.phase !== 'answering' || seatGet(round.answers, seat) !== null) return round;
  return { ...round, pending: round.pending + delta };
}

export function reconnect(state: GameState, playerId: string): Outcome {
  const seat = seatOf(state, playerId);
  if (seat < 0) return reject(state, 'UNKNOWN_PLAYER');
  const player = state.players[seat];
  if (player.kicked) return reject(state, 'KICKED');
  // A second tab of a connected player changes nothing; the room still sends it a view.
  if (player.connected) return { state, effects: [] };
  const back = { ...player, connected: true };
  const next: GameState = {
    ...state,
    players: replaceAt(state.players, seat, back),
    round: pendingAfter(state, seat, 1),
  };
  const effects: Effect[] = [
    {
      type: 'sendToHost',
      event: 'player:joined',
      payload: { player: playerSummary(back), rejoined: true, total: next.activeCount },
    },
  ];
  return { state: next, effects };
}

export function disconnect(state: GameState, playerId: string): Outcome {
  const seat = seatOf(state, playerId);
  if (seat < 0) return reject(state, 'UNKNOWN_PLAYER');
  const player = state.players[seat];
  // Kicked players' sockets are dropped on purpose; already-offline is a duplicate event.
  if (player.kicked || !player.connected) return { state, effects: [] };
  const next: GameState = {
    ...state,
    players: replaceAt(state.players, seat, { ...player, connected: false }),
    round: pendingAfter(state, seat, -1),
  };
  const effects: Effect[] = [
    {
      type: 'sendToHost',
      event: 'player:left',
      payload: { playerId, reason: 'disconnected', total: next.activeCount },
    },
  ];
  // The last player who had not answered left: nobody is left to wait for.
  return closeIfEveryoneAnswered({ state: next, effects });
}

/** Ranks as if `seat` had never been ranked: a rank counts the players with a higher score, so
 *  only the players ranked below it move up one. */
function withoutRank(rankOf: readonly number[], seat: number): number[] {
  const gone = rankOf[seat] ?? 0;
  return rankOf.map((rank, s) => (s === seat ? 0 : gone > 0 && rank > gone ? rank - 1 : rank));
}

export function kick(state: GameState, playerId: string): Outcome {
  const seat = seatOf(state, playerId);
  if (seat < 0) return reject(state, 'UNKNOWN_PLAYER');
  const player = state.players[seat];
  if (player.kicked) return { state, effects: [] };
  // An answer they gave to the open question leaves its counts with them: the reveal counts
  // the players still in the game, as the results do.
  const given = state.phase === 'answering' && state.round ? seatGet(state.round.answers, seat) : null;
  const pending = player.connected ? pendingAfter(state, seat, -1) : state.round;
  const round =
    given && pending
      ? { ...pending, counts: replaceAt(pending.counts, given.optionIndex, pending.counts[given.optionIndex] - 1), answered: pending.answered - 1 }
      : pending;
  let next: GameState = {
    ...state,
    players: replaceAt(state.players, seat, { ...player, kicked: true, connected: false }),
    activeCount: state.activeCount - 1,
    round,
  };
  // The team keeps a gap that the next joiner fills; a team left empty drops off the ranking.
  if (player.team !== null) {
    next = { ...next, teams: withMembers(next.teams, player.team, -1) };
    if (state.teamRanking.length > 0) next = withTeamRanking(next);
  }
  if (state.rankOf[seat]) {
    // Drop the seat from the ranking; the others keep their order, so no re-sort is needed.
    const ranking = state.ranking.filter((s) => s !== seat);
    next = { ...next, ranking, rankOf: withoutRank(state.rankOf, seat), prevRankOf: withoutRank(state.prevRankOf, seat) };
  }
  const effects: Effect[] = [
    { type: 'sendToPlayer', playerId, event: 'player:kicked', payload: { message: fail('KICKED').error.message } },
    { type: 'evict', playerId },
    { type: 'sendToHost', event: 'player:left', payload: { playerId, reason: 'kicked', total: next.activeCount } },
    ...(given && round
      ? [{ type: 'sendToHost' as const, event: 'answers:count' as const, payload: { questionId: state.questions[round.index].id, answered: round.answered, total: next.activeCount } }]
      : []),
    {
      type: 'persist',
      what: 'player',
      playerId,
      nickname: player.nickname,
      seat,
      joinedAt: player.joinedAt,
      kicked: true,
      team: player.team,
    },
  ];
  return closeIfEveryoneAnswered({ state: next, effects });
}
