// The rating rule (answer → FSRS grade) and tonight's review ranking, both pure and seeded;
// and the memory index's chance-of-recall sum checked against ts-fsrs's forgetting curve, with
// the index reading the deck again after each change of its memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetting_curve, Rating } from 'ts-fsrs';
import { ratingFor } from '../server/memory/rating.js';
import { rankTonight, type Candidate, type FactStat } from '../server/memory/select.js';
import { review, scheduler } from '../server/memory/scheduler.js';
import { bumpMemoryVersion, MemoryIndex } from '../server/memory/memory-index.js';
import { writeStates } from '../server/memory/record.js';
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

describe('chance of recall summed by the memory index', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('matches ts-fsrs, sums members, and reads the deck again once its memory changed', async () => {
    const prisma = tdb.db.prisma;
    const deck = await prisma.deck.create({ data: { name: 'D' } });
    const at = new Date('2026-11-01T19:00:00Z');
    const card = review(review(null, Rating.Good, at), Rating.Hard, new Date('2026-11-04T19:00:00Z'));
    const never = review(null, Rating.Again, at);
    const [ana, bo, cy] = await Promise.all([0, 1, 2].map(() => prisma.member.create({ data: {} })));
    await prisma.factMemory.createMany({
      data: [
        { memberId: ana.id, factId: 'x', deckId: deck.id, misses: 0, ...card },
        { memberId: bo.id, factId: 'x', deckId: deck.id, misses: 2, ...never },
        { memberId: cy.id, factId: 'y', deckId: deck.id, misses: 1, ...never },
      ],
    });
    const index = new MemoryIndex(prisma);
    const now = new Date('2026-11-20T07:30:00Z');
    const days = (now.getTime() - card.lastReview!.getTime()) / 86_400_000;
    const alone = await index.stats(deck.id, [ana.id], now);
    expect(alone.get('x')!.recall).toBeCloseTo(forgetting_curve(scheduler.parameters.w, days, card.stability), 6);
    expect(alone.get('x')).toMatchObject({ seen: 1, due: card.due <= now ? 1 : 0, misses: 0 });
    expect(alone.has('y')).toBe(false);

    const daysBo = (now.getTime() - never.lastReview!.getTime()) / 86_400_000;
    const both = await index.stats(deck.id, [ana.id, bo.id], now);
    expect(both.get('x')!.seen).toBe(2);
    expect(both.get('x')!.misses).toBe(2);
    expect(both.get('x')!.recall).toBeCloseTo(
      (forgetting_curve(scheduler.parameters.w, days, card.stability) + forgetting_curve(scheduler.parameters.w, daysBo, never.stability)) / 2,
      6,
    );

    // A change written with its version bump (as recording a game does) is seen at once.
    await prisma.$transaction(async (tx) => {
      await writeStates(tx, deck.id, new Map([[`${ana.id}|y`, { ...card, misses: 3 }]]));
      await bumpMemoryVersion(tx, [deck.id]);
    });
    const after = await index.stats(deck.id, [ana.id, cy.id], now);
    expect(after.get('y')).toMatchObject({ seen: 2, misses: 4 });
    // Without a bump the kept copy stands (the version is the only thing read).
    await prisma.factMemory.deleteMany({ where: { memberId: cy.id } });
    expect((await index.stats(deck.id, [cy.id], now)).get('y')?.seen).toBe(1);
    await bumpMemoryVersion(prisma, [deck.id]);
    expect((await index.stats(deck.id, [cy.id], now)).has('y')).toBe(false);
  });
});
