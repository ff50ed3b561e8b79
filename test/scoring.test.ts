import { describe, expect, it } from 'vitest';
import { compareRank, competitionRanks, pointsFor, rankPlayers, speedPoints, streakBonus, topWithTies } from '../shared/scoring.js';

const T = 20_000;
const speed = (correct: boolean, elapsedMs: number, streakBefore = 0) =>
  pointsFor({ correct, elapsedMs, totalMs: T, streakBefore, mode: 'speed' });

describe('speed points', () => {
  it('gives the full 1000 below half a second', () => {
    expect(speedPoints(0, T)).toBe(1000);
    expect(speedPoints(499, T)).toBe(1000);
  });

  it('falls linearly from 1000 to 500 from 0.5 s on', () => {
    // 500 ms of 20 s: 1000 * (1 - 0.025 / 2) = 987.5, rounded half up.
    expect(speedPoints(500, T)).toBe(988);
    expect(speedPoints(5_000, T)).toBe(875);
    expect(speedPoints(10_000, T)).toBe(750);
    expect(speedPoints(T, T)).toBe(500);
  });

  it('scores answers in the grace window as if given at the deadline', () => {
    expect(speedPoints(T + 250, T)).toBe(500);
  });
});

describe('streaks', () => {
  it('adds 100 per correct answer in a row from the second, capped at 500', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(streakBonus)).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
  });

  it('counts the bonus on top of the speed points', () => {
    expect(speed(true, 0, 0)).toEqual({ points: 1000, streak: 1 });
    expect(speed(true, 0, 1)).toEqual({ points: 1100, streak: 2 });
    expect(speed(true, 10_000, 2)).toEqual({ points: 950, streak: 3 });
    expect(speed(true, 0, 5)).toEqual({ points: 1500, streak: 6 });
    expect(speed(true, 0, 9)).toEqual({ points: 1500, streak: 10 });
  });

  it('scores nothing for a wrong answer and resets the streak', () => {
    expect(speed(false, 100, 4)).toEqual({ points: 0, streak: 0 });
  });
});

describe('accuracy mode', () => {
  it('gives one point per correct answer, whatever the time or streak', () => {
    const acc = (correct: boolean, elapsedMs: number, streakBefore: number) =>
      pointsFor({ correct, elapsedMs, totalMs: T, streakBefore, mode: 'accuracy' });
    expect(acc(true, 0, 0)).toEqual({ points: 1, streak: 1 });
    expect(acc(true, 19_000, 7)).toEqual({ points: 1, streak: 8 });
    expect(acc(false, 0, 7)).toEqual({ points: 0, streak: 0 });
  });
});

describe('ranking', () => {
  it('orders by score, then total answer time, then join order', () => {
    const players = [
      { name: 'late joiner, same as d', score: 900, totalAnswerMs: 4_000, joinOrder: 4 },
      { name: 'slow', score: 900, totalAnswerMs: 9_000, joinOrder: 0 },
      { name: 'top', score: 2_000, totalAnswerMs: 50_000, joinOrder: 3 },
      { name: 'fast', score: 900, totalAnswerMs: 4_000, joinOrder: 2 },
    ];
    expect(rankPlayers(players).map((r) => r.player.name)).toEqual(['top', 'fast', 'late joiner, same as d', 'slow']);
    expect(players[0].name).toBe('late joiner, same as d'); // input left alone
    expect(compareRank(players[3], players[0])).toBeLessThan(0);
  });

  it('gives equal scores the same rank, whatever their times (standard competition ranking)', () => {
    const players = [
      { name: 'd', score: 10, totalAnswerMs: 1_000, joinOrder: 3 },
      { name: 'b', score: 30, totalAnswerMs: 2_000, joinOrder: 1 },
      { name: 'a', score: 50, totalAnswerMs: 9_000, joinOrder: 0 },
      { name: 'c', score: 30, totalAnswerMs: 5_000, joinOrder: 2 },
    ];
    expect(rankPlayers(players).map((r) => [r.player.name, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('ranks scores listed best first: 1224, and everyone first when all are equal', () => {
    expect(competitionRanks([50, 30, 30, 10])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
    expect(competitionRanks([9, 9, 5, 5, 5, 1])).toEqual([1, 1, 3, 3, 3, 6]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('the top of a ranking', () => {
  // Ids 10..15 best first; rankOf is indexed by id.
  const ranking = [10, 11, 12, 13, 14, 15];
  const rankOf = (ranks: number[]) => {
    const out: number[] = [];
    ranking.forEach((id, i) => (out[id] = ranks[i]));
    return out;
  };

  it('cuts after `size` entries when the last of them is not tied', () => {
    expect(topWithTies(ranking, rankOf([1, 2, 3, 4, 5, 6]), 3)).toEqual([10, 11, 12]);
  });

  it('keeps everyone tied with the last entry shown, up to twice `size`', () => {
    expect(topWithTies(ranking, rankOf([1, 2, 3, 3, 5, 6]), 3)).toEqual([10, 11, 12, 13]);
    expect(topWithTies(ranking, rankOf([1, 1, 1, 1, 1, 1]), 2)).toEqual([10, 11, 12, 13]);
  });

  it('returns what there is when the ranking is short', () => {
    expect(topWithTies([10], rankOf([1, 2, 3, 4, 5, 6]), 3)).toEqual([10]);
    expect(topWithTies([], [], 3)).toEqual([]);
  });
});
