// Scoring rules. Shared so the client can explain a score ("+200 streak bonus") with the
// very same arithmetic the server used.
import type { ScoringMode } from './game-types.js';

export const SCORING = {
  maxPoints: 1000,
  /** Answers faster than this earn the full points: nobody can react faster anyway. */
  instantMs: 500,
  streakStep: 100,
  streakBonusCap: 500,
} as const;

export interface PointsInput {
  correct: boolean;
  /** Time since answers opened, paused time excluded. */
  elapsedMs: number;
  /** The question's answer time. */
  totalMs: number;
  /** Consecutive correct answers before this one. */
  streakBefore: number;
  mode: ScoringMode;
}

export interface PointsOutcome {
  points: number;
  streak: number;
}

/** Bonus for the n-th correct answer in a row: none for the 1st, +100 for the 2nd, … up to +500. */
export function streakBonus(streak: number): number {
  if (streak < 2) return 0;
  return Math.min((streak - 1) * SCORING.streakStep, SCORING.streakBonusCap);
}

/** Speed part only: 1000 falling linearly to 500 at the deadline. */
export function speedPoints(elapsedMs: number, totalMs: number): number {
  if (elapsedMs < SCORING.instantMs || totalMs <= 0) return SCORING.maxPoints;
  // Answers inside the grace window can be a little past the deadline; they score as at it.
  const fraction = Math.min(elapsedMs, totalMs) / totalMs;
  return Math.round(SCORING.maxPoints * (1 - fraction / 2));
}

export function pointsFor(input: PointsInput): PointsOutcome {
  if (!input.correct) return { points: 0, streak: 0 };
  const streak = input.streakBefore + 1;
  if (input.mode === 'accuracy') return { points: 1, streak };
  return { points: speedPoints(input.elapsedMs, input.totalMs) + streakBonus(streak), streak };
}

export interface RankKey {
  score: number;
  /** Sum of answer times; a missed question counts as its full time. */
  totalAnswerMs: number;
  /** Order of joining; makes the order total and stable. */
  joinOrder: number;
}

/** Score descending, then faster total answer time, then earlier join. */
export function compareRank(a: RankKey, b: RankKey): number {
  return b.score - a.score || a.totalAnswerMs - b.totalAnswerMs || a.joinOrder - b.joinOrder;
}

/** Standard competition ranks ("1224") for scores listed best first: equal scores share a
 *  rank, and the next lower score's rank counts everyone above it (50, 30, 30, 10 → 1, 2, 2, 4). */
/** The first `size` of a ranking (ids best first, `rankOf[id]` their shared ranks) and everyone
 *  tied with the last of them, so a tie is never cut in two; at most twice `size`. */
export function topWithTies(ranking: readonly number[], rankOf: readonly number[], size: number): number[] {
  let n = Math.min(size, ranking.length);
  if (n > 0) {
    const last = rankOf[ranking[n - 1]];
    while (n < ranking.length && n < size * 2 && rankOf[ranking[n]] === last) n++;
  }
  return ranking.slice(0, n);
}

export function competitionRanks(scoresBestFirst: readonly number[]): number[] {
  const ranks: number[] = [];
  scoresBestFirst.forEach((score, i) => ranks.push(i > 0 && score === scoresBestFirst[i - 1] ? ranks[i - 1] : i + 1));
  return ranks;
}

export interface Ranked<T> {
  player: T;
  /** 1-based; shared by equal scores (see competitionRanks). */
  rank: number;
}

/** A new array, best first by compareRank, with each player's rank. Only the score decides
 *  the rank: answer time and join order just keep the order of tied players stable. */
export function rankPlayers<T extends RankKey>(players: readonly T[]): Ranked<T>[] {
  const sorted = [...players].sort(compareRank);
  const ranks = competitionRanks(sorted.map((p) => p.score));
  return sorted.map((player, i) => ({ player, rank: ranks[i] }));
}

/** One team member's outcome of a question (no answer: 0 points, not correct). */
export interface MemberOutcome {
  points: number;
  /** The member's own streak bonus, included in `points`: team play has a team streak instead. */
  bonus: number;
  correct: boolean;
}

export interface TeamPointsInput {
  members: readonly MemberOutcome[];
  /** Questions in a row the team's majority got right, before this one. */
  streakBefore: number;
  mode: ScoringMode;
}

export interface TeamPointsOutcome {
  points: number;
  bonus: number;
  streak: number;
  majorityRight: boolean;
}

/** A team's points for a question: the mean of its members' points without their own streak
 *  bonuses, so a small team is not beaten by a big one for its size, plus a team streak
 *  bonus when more than half of the members were right. With accuracy scoring the mean
 *  (a fraction of one point) counts in hundredths: the share of the team that was right. */
export function teamPointsFor({ members, streakBefore, mode }: TeamPointsInput): TeamPointsOutcome {
  if (members.length === 0) return { points: 0, bonus: 0, streak: streakBefore, majorityRight: false };
  let sum = 0;
  let right = 0;
  for (const m of members) {
    sum += m.points - m.bonus;
    if (m.correct) right++;
  }
  const majorityRight = right * 2 > members.length;
  const streak = majorityRight ? streakBefore + 1 : 0;
  const bonus = majorityRight && mode === 'speed' ? streakBonus(streak) : 0;
  const scale = mode === 'accuracy' ? 100 : 1;
  return { points: Math.round((sum / members.length) * scale) + bonus, bonus, streak, majorityRight };
}
