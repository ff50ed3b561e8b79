// Team play: balancing players into teams as they join, the host moving a player in the
// lobby, team points when a question closes, and where each team stands. Teams are part of
// the reducer's state; the arithmetic of a team's points is in shared/scoring.ts.
import { seatGet } from './seat-table.js';
import { fail } from '../../shared/errors.js';
import { TEAM_RULES, teamIdentity, type GameSettings, type TeamEntry, type TeamStanding } from '../../shared/game-types.js';
import { competitionRanks, teamPointsFor, topWithTies, type MemberOutcome } from '../../shared/scoring.js';
import { replaceAt, seatOf } from './state.js';
import type { Effect, GameState, PlayerState, RoundState, TeamRoundResult, TeamState } from './types.js';

export function isTeamGame(state: GameState): boolean {
  return state.settings.teams !== undefined;
}

function newTeam(index: number): TeamState {
  return { index, members: 0, score: 0, streak: 0 };
}

/** A fixed number of teams exists from the start; teams of N open one by one. */
export function initialTeams(settings: GameSettings): TeamState[] {
  const setup = settings.teams;
  if (!setup || setup.by === 'size') return [];
  return Array.from({ length: setup.count }, (_, i) => newTeam(i));
}

/** How long team talk lasts in this game (0: answers open straight after reading). */
export function talkMs(state: GameState): number {
  return state.settings.teams ? (state.settings.teamTalkSeconds ?? 0) * 1000 : 0;
}

/** The team a new player joins: the one with the fewest members (the first of those), so a
 *  kicked player's gap is the next to fill. With teams of N, a new team opens once every team
 *  has N members. Returns the teams too, since opening one adds it. */
export function teamForJoiner(state: GameState): { teams: TeamState[]; team: number } {
  const setup = state.settings.teams!;
  let teams = state.teams;
  let smallest = -1;
  for (const t of teams) if (smallest < 0 || t.members < teams[smallest].members) smallest = t.index;
  const full = smallest < 0 || (setup.by === 'size' && teams[smallest].members >= setup.size);
  if (full && teams.length < TEAM_RULES.teamsMax) {
    smallest = teams.length;
    teams = [...teams, newTeam(smallest)];
  }
  return { teams: withMembers(teams, smallest, 1), team: smallest };
}

export function withMembers(teams: readonly TeamState[], index: number, delta: number): TeamState[] {
  return replaceAt(teams, index, { ...teams[index], members: teams[index].members + delta });
}

type Outcome = { state: GameState; effects: Effect[]; error?: ReturnType<typeof fail>['error'] };

/** The host puts a player on another team; only in the lobby, so nobody changes side mid-game. */
export function moveTeam(state: GameState, playerId: string, team: number): Outcome {
  const reject = (code: Parameters<typeof fail>[0]): Outcome => ({ state, effects: [], error: fail(code).error });
  if (!isTeamGame(state)) return reject('NOT_TEAM_GAME');
  if (state.phase !== 'lobby') return reject('WRONG_PHASE');
  const seat = seatOf(state, playerId);
  if (seat < 0 || state.players[seat].kicked) return reject('UNKNOWN_PLAYER');
  if (!Number.isInteger(team) || team < 0 || team >= state.teams.length) return reject('UNKNOWN_TEAM');
  const player = state.players[seat];
  if (player.team === team) return { state, effects: [] };
  const teams = withMembers(withMembers(state.teams, player.team!, -1), team, 1);
  const next: GameState = { ...state, teams, players: replaceAt(state.players, seat, { ...player, team }) };
  const effects: Effect[] = [
    { type: 'persist', what: 'team', playerId, team },
    { type: 'sendToHost', event: 'player:moved', payload: { playerId, team } },
    { type: 'sendToPlayer', playerId, event: 'team:assigned', payload: { team: teamStanding(next, team) } },
  ];
  return { state: next, effects };
}

/** Team points for a closed question, from the members' answers (none: 0 points, wrong). */
export function scoreTeams(state: GameState, round: RoundState): { teams: TeamState[]; results: TeamRoundResult[] } {
  const members: MemberOutcome[][] = state.teams.map(() => []);
  for (const p of state.players) {
    if (p.kicked || p.team === null) continue;
    const answer = seatGet(round.answers, p.seat) ?? null;
    members[p.team].push(answer ? { points: answer.points, bonus: answer.bonus, correct: answer.correct } : { points: 0, bonus: 0, correct: false });
  }
  const mode = state.settings.scoring;
  const results: TeamRoundResult[] = [];
  const teams = state.teams.map((t) => {
    const outcome = teamPointsFor({ members: members[t.index], streakBefore: t.streak, mode });
    results.push({ points: outcome.points, bonus: outcome.bonus, majorityRight: outcome.majorityRight });
    return members[t.index].length === 0 ? t : { ...t, score: t.score + outcome.points, streak: outcome.streak };
  });
  return { teams, results };
}

/** Teams with members, best first: score, then team order. Equal scores share a rank. */
export function withTeamRanking(state: GameState): GameState {
  if (!isTeamGame(state)) return state;
  const ranked = state.teams.filter((t) => t.members > 0).sort((a, b) => b.score - a.score || a.index - b.index);
  const ranks = competitionRanks(ranked.map((t) => t.score));
  const teamRankOf = new Array<number>(state.teams.length).fill(0);
  ranked.forEach((t, i) => (teamRankOf[t.index] = ranks[i]));
  return { ...state, teamRanking: ranked.map((t) => t.index), teamRankOf };
}

/** Where a team stands, in O(1) from the ranking (as a player's standing is worked out). */
export function teamStanding(state: GameState, index: number): TeamStanding {
  const team = state.teams[index];
  const rank = state.teamRankOf[index] || null;
  const base = { team: index, name: teamIdentity(index).name, score: team.score, streak: team.streak, teamCount: state.teamRanking.length };
  if (rank === null) return { ...base, rank, tied: false, gapToAbove: null, aboveName: null };
  const first = state.teamRanking[rank - 1];
  const second = state.teamRanking[rank];
  const tied = first !== index || (second !== undefined && state.teamRankOf[second] === rank);
  const above = rank > 1 ? state.teams[state.teamRanking[rank - 2]] : null;
  return {
    ...base,
    rank,
    tied,
    gapToAbove: above ? above.score - team.score : null,
    aboveName: above ? teamIdentity(above.index).name : null,
  };
}

/** The first `size` teams of the ranking, each with its best scorer (the ranking lists
 *  players best first, so the first member met is the best). */
export function teamEntries(state: GameState, size: number): TeamEntry[] {
  const shown = topWithTies(state.teamRanking, state.teamRankOf, size);
  const best = new Map<number, PlayerState>();
  for (const seat of state.ranking) {
    const p = state.players[seat];
    if (p.team !== null && !best.has(p.team)) best.set(p.team, p);
    if (best.size === state.teamRanking.length) break;
  }
  return shown.map((index) => {
    const t = state.teams[index];
    const top = best.get(index);
    return {
      team: index,
      name: teamIdentity(index).name,
      score: t.score,
      rank: state.teamRankOf[index],
      streak: t.streak,
      members: t.members,
      best: top ? { playerId: top.id, nickname: top.nickname, score: top.score } : null,
    };
  });
}
