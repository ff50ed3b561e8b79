// Loads what tonight's review needs from the database and ranks the deck's facts with
// select.ts. The members' memory is summed up per fact inside the database (one row per fact
// instead of one per member × fact), so a deck of thousands of facts and a group of fifty
// members is one quick query. The chance of recall there is FSRS's forgetting curve with the
// scheduler's own decay and factor (ts-fsrs computeDecayFactor); test/memory-select.test.ts
// checks it against ts-fsrs.
import { randomBytes } from 'node:crypto';
import { computeDecayFactor } from 'ts-fsrs';
import type { ReviewPick, TonightReview } from '../../shared/memory-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import { curationExclusions } from '../bank/curation.js';
import { termKey } from '../questions/canonical.js';
import { inTopics } from '../questions/generate.js';
import { memberName } from './members.js';
import { scheduler } from './scheduler.js';
import { rankTonight, type Candidate, type FactStat } from './select.js';

/** "Those who played this deck in its last games": this many games back. */
export const RECENT_GAMES = 3;

export interface TonightRequest {
  deckId: string;
  count: number;
  topics: string[][];
  /** The expected members; absent: those of the deck's last games. */
  members?: string[];
  newShare: number;
  seed?: string;
}

export interface TonightRanking {
  review: TonightReview;
  /** Every fact that can be asked, best first (review.picks is its first `count`). */
  ranked: ReviewPick[];
}

export class UnknownMembersError extends Error {}

export async function tonightReview(prisma: PrismaClient, req: TonightRequest, now = new Date()): Promise<TonightRanking> {
  const seed = req.seed ?? randomBytes(6).toString('hex');
  const members = await expectedMembers(prisma, req.deckId, req.members);
  const [candidates, stats] = await Promise.all([
    eligibleFacts(prisma, req.deckId, req.topics),
    factStats(prisma, req.deckId, members.map((m) => m.id), now),
  ]);
  const ranked = rankTonight(candidates, stats, { members: members.length, newShare: req.newShare, count: req.count, seed });
  return {
    review: { members, membersFrom: req.members ? 'chosen' : 'recent', seed, picks: ranked.slice(0, req.count) },
    ranked,
  };
}

async function expectedMembers(prisma: PrismaClient, deckId: string, chosen: string[] | undefined) {
  const select = { id: true, studyName: true, nicknames: true } as const;
  let rows;
  if (chosen) {
    rows = await prisma.member.findMany({ where: { id: { in: chosen } }, select, orderBy: { createdAt: 'asc' } });
    if (rows.length !== new Set(chosen).size) throw new UnknownMembersError('unknown member');
  } else {
    const games = await prisma.game.findMany({
      where: { deckId, memoryAt: { not: null } },
      orderBy: { createdAt: 'desc' },
      take: RECENT_GAMES,
      select: { id: true },
    });
    rows = await prisma.member.findMany({
      where: { players: { some: { gameId: { in: games.map((g) => g.id) } } } },
      select,
      orderBy: { createdAt: 'asc' },
    });
  }
  return rows.map((m) => ({ id: m.id, name: memberName(m) }));
}

/** The deck's facts that games may ask: the host's curation applies, as it does to games. */
async function eligibleFacts(prisma: PrismaClient, deckId: string, topics: string[][]): Promise<Candidate[]> {
  const exclude = await curationExclusions(prisma, deckId);
  const flagged = new Set(exclude.facts);
  const notTerms = new Set(exclude.terms);
  const rows = await prisma.$queryRawUnsafe<{ id: string; term: string; fact: string; topic: string[]; termKey: string | null }[]>(
    `SELECT f."id", f."term", f."fact", COALESCE(t."path", ARRAY[]::text[]) AS "topic", tm."key" AS "termKey"
     FROM "Fact" f LEFT JOIN "Topic" t ON t."id" = f."topicId" LEFT JOIN "Term" tm ON tm."id" = f."termId"
     WHERE f."deckId" = $1
     ORDER BY f."fileId", f."ord"`,
    deckId,
  );
  return rows
    .filter((r) => !flagged.has(r.id) && !notTerms.has(r.termKey ?? termKey(r.term)) && inTopics(r as never, topics))
    .map((r) => ({ factId: r.id, term: r.term, fact: r.fact, topic: r.topic }));
}

export async function factStats(prisma: PrismaClient, deckId: string, memberIds: string[], now: Date): Promise<Map<string, FactStat>> {
  const stats = new Map<string, FactStat>();
  if (memberIds.length === 0) return stats;
  const { decay, factor } = computeDecayFactor(scheduler.parameters.w);
  const rows = await prisma.$queryRawUnsafe<{ factId: string; seen: number; due: number; recall: number; misses: number }[]>(
    `SELECT "factId", count(*)::int AS "seen",
       count(*) FILTER (WHERE "due" <= $3::timestamp(3))::int AS "due",
       avg(CASE WHEN "state" = 0 OR "lastReview" IS NULL THEN 0
         ELSE power(1 + $4::float8 * GREATEST(extract(epoch FROM ($3::timestamp(3) - "lastReview")) / 86400, 0) / "stability", $5::float8)
       END)::float8 AS "recall",
       sum("misses")::int AS "misses"
     FROM "FactMemory" WHERE "deckId" = $1 AND "memberId" = ANY($2::text[])
     GROUP BY "factId"`,
    deckId,
    memberIds,
    now.toISOString().slice(0, 23).replace('T', ' '),
    factor,
    decay,
  );
  for (const r of rows) stats.set(r.factId, { seen: r.seen, due: r.due, recall: r.recall, misses: r.misses });
  return stats;
}
