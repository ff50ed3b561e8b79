// The rating rule (answer → FSRS grade) and tonight's review ranking, both pure and seeded;
// and the database's chance-of-recall sum checked against ts-fsrs's forgetting curve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetting_curve, Rating } from 'ts-fsrs';
import { ratingFor } from '../server/memory/rating.js';
import { rankTonight, type Candidate, type FactStat } from '../server/memory/select.js';
import { review, scheduler } from '../server/memory/scheduler.js';
import { factStats } from '../server/memory/tonight.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

describe('rating rule', () => {
  it('grades by correctness and the share of the time taken', () => {
    expect(ratingFor('wrong', 1_000, 20)).toBe(Rating.Again);
    expect(ratingFor('no-answer', null, 20)).toBe(Rating.Again);
    expect(ratingFor('correct', 0, 20)).toBe(Rating.Easy);
    expect(ratingFor('correct', 4_999, 20)).toBe(Rating.Easy);
    expect(ratingFor('correct', 5_000, 20)).toBe(Rating.Good);
    expect(ratingFor('correct', 14_999, 20)).toBe(Rating.Good);
    expect(ratingFor('correct', 15_000, 20)).toBe(Rating.Hard);
    expect(ratingFor('correct', 20_400, 20)).toBe(Rating.Hard);
  });
});

const facts: Candidate[] = Array.from({ length: 20 }, (_, i) => ({ factId: `f${i}`, term: `T${i}`, fact: `fact ${i}`, topic: ['A'] }));
const stat = (s: Partial<FactStat>): FactStat => ({ seen: 6, due: 0, recall: 0.95, misses: 0, ...s });

describe("tonight's review", () => {
  const stats = new Map<string, FactStat>([
    ['f0', stat({ due: 4, recall: 0.7 })],
    ['f1', stat({ misses: 2, recall: 0.85 })],
    ['f2', stat({ due: 6, misses: 3, recall: 0.4 })],
    ['f3', stat({})],
    ['f4', stat({ due: 1 })],
  ]);

  it('puts the most due and most missed first, keeps a share for new facts, and says why', () => {
    const picks = rankTonight(facts, stats, { members: 6, newShare: 0.4, count: 5, seed: 's' });
    expect(picks).toHaveLength(20);
    expect(picks.slice(0, 3).map((p) => p.factId)).toEqual(['f2', 'f0', 'f1']);
    expect(picks[0]!.why).toBe('due for 6 of 6 · missed 3 times · recall 40%');
    expect(picks[1]!.why).toBe('due for 4 of 6 · recall 70%');
    expect(picks[2]!.why).toBe('missed twice');
    expect(picks.slice(3, 5).every((p) => p.why === 'new to the group')).toBe(true);
    // After the first five: the other met facts, then the remaining new ones.
    expect(picks.slice(5, 7).map((p) => p.factId)).toEqual(['f4', 'f3']);
  });

  it('is deterministic for a seed and varies the new facts with it', () => {
    const a = rankTonight(facts, stats, { members: 6, newShare: 0.4, count: 5, seed: 'one' });
    expect(rankTonight(facts, stats, { members: 6, newShare: 0.4, count: 5, seed: 'one' })).toEqual(a);
    const b = rankTonight(facts, stats, { members: 6, newShare: 0.4, count: 5, seed: 'two' });
    expect(b.slice(3).map((p) => p.factId)).not.toEqual(a.slice(3).map((p) => p.factId));
  });

  it('fills from the other sort when one runs short', () => {
    expect(rankTonight(facts, new Map(), { members: 0, newShare: 0.2, count: 5, seed: 's' }).slice(0, 5).every((p) => p.reasons[0]!.kind === 'new')).toBe(true);
    const onlyMet = rankTonight(facts.slice(0, 5), stats, { members: 6, newShare: 0.5, count: 5, seed: 's' });
    expect(onlyMet.map((p) => p.factId)).toEqual(['f2', 'f0', 'f1', 'f4', 'f3']);
  });
});

describe('chance of recall summed in the database', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('matches ts-fsrs', async () => {
    const prisma = tdb.db.prisma;
    const deck = await prisma.deck.create({ data: { name: 'D' } });
    const at = new Date('2026-11-01T19:00:00Z');
    const card = review(review(null, Rating.Good, at), Rating.Hard, new Date('2026-11-04T19:00:00Z'));
    const member = await prisma.member.create({ data: {} });
    await prisma.factMemory.create({ data: { memberId: member.id, factId: 'x', deckId: deck.id, misses: 0, ...card } });
    const now = new Date('2026-11-20T07:30:00Z');
    const stats = await factStats(prisma, deck.id, [member.id], now);
    const days = (now.getTime() - card.lastReview!.getTime()) / 86_400_000;
    expect(stats.get('x')!.recall).toBeCloseTo(forgetting_curve(scheduler.parameters.w, days, card.stability), 6);
    expect(stats.get('x')).toMatchObject({ seen: 1, due: card.due <= now ? 1 : 0, misses: 0 });
  });
});
