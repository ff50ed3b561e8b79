// Builders for everything clients see. Both the reducer's effects and the views use them,
// so a player who reconnects sees exactly what the room was sent.
//
// Public question objects are built field by field, never by spreading a ServerQuestion:
// TypeScript would accept the extra `answerIndex` of a spread object, and it would then
// be serialised to every player.
import { seatGet } from './seat-table.js';
import { GAME_RULES, TEAM_RULES } from '../../shared/game-types.js';
import { topWithTies } from '../../shared/scoring.js';
import { isTeamGame, teamEntries, teamStanding } from './teams.js';
import type {
  LeaderboardEntry,
  LeaderboardPayload,
  PlayerResult,
  PlayerSummary,
  PodiumPayload,
  PublicQuestion,
  QuestionPrompt,
  RevealPayload,
  Standing,
} from '../../shared/game-types.js';
import type { GameState, PlayerState, RoundState } from './types.js';

export function questionPrompt(state: GameState, index: number): QuestionPrompt {
  const q = state.questions[index];
  return {
    id: q.id,
    index,
    count: state.questions.length,
    kind: q.kind,
    prompt: q.prompt,
    optionCount: q.options.length,
    // Until the reveal only the part of the path that cannot name the answer.
    topic: (q.shownTopic ?? q.topic).slice(),
    seconds: state.settings.secondsPerQuestion,
  };
}

export function publicQuestion(state: GameState, index: number): PublicQuestion {
  return { ...questionPrompt(state, index), options: state.questions[index].options.slice() };
}

/** Button labels for players' devices in 'host-only' display (the projector shows the text). */
export const OPTION_LABELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** A prompt as a device sees it in 'host-only' display: where we are, but no text. */
export function devicePrompt(q: QuestionPrompt): QuestionPrompt {
  return { ...q, topic: q.topic.slice(), prompt: '' };
}

/** Options become plain labels; True/False stay as they are, since they are labels already. */
export function deviceQuestion(q: PublicQuestion): PublicQuestion {
  const options = q.kind === 'true-false' ? q.options.slice() : OPTION_LABELS.slice(0, q.options.length);
  return { ...devicePrompt(q), options };
}

/** Only call once the round is closed: this is where the answer leaves the server. */
export function revealPayload(state: GameState, round: RoundState): RevealPayload {
  const q = state.questions[round.index];
  return {
    questionId: q.id,
    index: round.index,
    correctIndex: q.answerIndex,
    counts: round.counts.slice(),
    answered: round.answered,
    players: round.turnout!.players,
    noAnswer: round.turnout!.noAnswer,
    explanation: q.explanation,
    source: { file: q.file, line: q.line, topic: q.topic.slice() },
    skipped: round.skipped,
  };
}

function entry(state: GameState, seat: number): LeaderboardEntry {
  const p = state.players[seat];
  return { playerId: p.id, nickname: p.nickname, score: p.score, rank: state.rankOf[seat], streak: p.streak };
}

/** The first `size` places and everyone tied with the last of them: two players tied 3rd
 *  both stand on the podium. */
function topEntries(state: GameState, size: number): LeaderboardEntry[] {
  return topWithTies(state.ranking, state.rankOf, size).map((seat) => entry(state, seat));
}

export function leaderboardPayload(state: GameState): LeaderboardPayload {
  return {
    afterIndex: state.round?.index ?? -1,
    count: state.questions.length,
    top: topEntries(state, GAME_RULES.leaderboardSize),
    totalPlayers: state.ranking.length,
    ...(isTeamGame(state) ? { teams: teamEntries(state, TEAM_RULES.boardSize) } : {}),
  };
}

export function podiumPayload(state: GameState): PodiumPayload {
  return {
    top: topEntries(state, GAME_RULES.podiumSize),
    totalPlayers: state.ranking.length,
    ...(isTeamGame(state) ? { teams: teamEntries(state, GAME_RULES.podiumSize) } : {}),
  };
}

/** A player's place, worked out from the ranking in O(1). With shared ranks, the players of
 *  rank r start at position r - 1 of the ranking, so the one just before that position is the
 *  nearest player with a higher score, and a tie shows at the group's first two positions. */
export function standing(state: GameState, seat: number): Standing {
  const p = state.players[seat];
  const rank = state.rankOf[seat] || null;
  if (rank === null) return { score: p.score, streak: p.streak, rank, tied: false, moved: null, gapToAbove: null, aboveNickname: null };
  const first = state.ranking[rank - 1];
  const second = state.ranking[rank];
  const tied = first !== seat || (second !== undefined && state.rankOf[second] === rank);
  const before = state.prevRankOf[seat] || 0;
  const above = rank > 1 ? state.players[state.ranking[rank - 2]] : null;
  return {
    score: p.score,
    streak: p.streak,
    rank,
    tied,
    moved: before > 0 ? before - rank : null,
    gapToAbove: above ? above.score - p.score : null,
    aboveNickname: above ? above.nickname : null,
  };
}

/** One player's outcome of the closed round; null if they joined after it closed. */
export function playerResult(state: GameState, seat: number): PlayerResult | null {
  const round = state.round;
  if (!round || round.seatsAtClose === null || seat >= round.seatsAtClose) return null;
  const answer = seatGet(round.answers, seat) ?? null;
  const counted = answer !== null && !round.skipped;
  const team = state.players[seat].team;
  const teamResult = team !== null && round.teamResults ? round.teamResults[team] : null;
  return {
    questionId: state.questions[round.index].id,
    optionIndex: answer ? answer.optionIndex : null,
    correct: answer ? answer.correct : false,
    points: counted ? answer.points : 0,
    bonus: counted ? answer.bonus : 0,
    skipped: round.skipped,
    ...standing(state, seat),
    ...(teamResult ? { teamResult: { ...teamResult, standing: teamStanding(state, team!) } } : {}),
  };
}

export function playerSummary(p: PlayerState): PlayerSummary {
  const summary: PlayerSummary = { playerId: p.id, nickname: p.nickname, connected: p.connected, score: p.score };
  if (p.team !== null) summary.team = p.team;
  return summary;
}
