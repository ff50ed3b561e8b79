// Loads what tonight's review needs and ranks the deck's facts with select.ts. The members'
// memory comes summed per fact from the MemoryIndex (memory-index.ts), which keeps each deck's
// memory in the server until it changes; test/memory-select.test.ts checks its chance of
// recall against ts-fsrs.
import { randomBytes } from 'node:crypto';
import type { ReviewPick, TonightReview } from '../../shared/memory-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import { curationExclusions } from '../bank/curation.js';
import { deckBankRef } from '../bank/load-bank.js';
import { termKey } from '../questions/canonical.js';
import { inTopics } from '../questions/generate.js';
import { memberName } from './members.js';
import type { MemoryIndex } from './memory-index.js';
import { orderTonight, toPick, type Candidate, type Ranked } from './select.js';

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
  /** Every fact that can be asked, best first (review.picks are its first `count`). */
  ranked: string[];
  /** The same, with what the members hold of each (for picksOf). */
  order: Ranked[];
}

export class UnknownMembersError extends Error {}

export async function tonightReview(prisma: PrismaClient, memory: MemoryIndex, req: TonightRequest, now = new Date()): Promise<TonightRanking> {
  const seed = req.seed ?? randomBytes(6).toString('hex');
  const members = await expectedMembers(prisma, req.deckId, req.members);
  const [candidates, stats] = await Promise.all([
    eligibleFacts(prisma, req.deckId, req.topics),
    memory.stats(req.deckId, members.map((m) => m.id), now),
  ]);
  const order = orderTonight(candidates, stats, { members: members.length, newShare: req.newShare, count: req.count, seed });
  return {
    review: { members, membersFrom: req.members ? 'chosen' : 'recent', seed, picks: order.slice(0, req.count).map((r) => toPick(r, members.length)) },
    ranked: order.map((r) => r.c.factId),
    order,
  };
}

/** The picks behind the questions a game made from the ranking, in the questions' order: what
 *  the preview shows is what the game asks (a fact that made no question of the chosen kinds
 *  gave its place to the next one). */
export function picksOf(ranking: TonightRanking, factIds: readonly (string | null)[]): ReviewPick[] {
  const byFact = new Map(ranking.order.map((r) => [r.c.factId, r]));
  const members = ranking.review.members.length;
  return factIds.flatMap((id) => {
    const r = id ? byFact.get(id) : undefined;
    return r ? [toPick(r, members)] : [];
  });
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

interface FactRow {
  id: string;
  term: string;
  fact: string;
  topic: string[];
  /** The term's key for "not a term" (computed once per revision when the fact has no Term). */
  termKey: string;
}

/** The decks' facts by bank revision (which moves with every import, edit and deletion), so a
 *  preview does not read thousands of facts again while the notes stay as they are. */
const factsByRevision = new Map<string, Promise<FactRow[]>>();
const REVISIONS_KEPT = 8;

async function deckFacts(prisma: PrismaClient, deckId: string): Promise<FactRow[]> {
  const ref = await deckBankRef(prisma, deckId);
  if (!ref) return [];
  const kept = factsByRevision.get(ref.ref.key);
  if (kept) return kept;
  const load = prisma
    .$queryRawUnsafe<{ id: string; term: string; fact: string; topic: string[]; termKey: string | null }[]>(
      `SELECT f."id", f."term", f."fact", COALESCE(t."path", ARRAY[]::text[]) AS "topic", tm."key" AS "termKey"
       FROM "Fact" f LEFT JOIN "Topic" t ON t."id" = f."topicId" LEFT JOIN "Term" tm ON tm."id" = f."termId"
       WHERE f."deckId" = $1
       ORDER BY f."fileId", f."ord"`,
      deckId,
    )
    .then((rows) => rows.map((r) => ({ ...r, termKey: r.termKey ?? termKey(r.term) })));
  factsByRevision.set(ref.ref.key, load);
  load.catch(() => factsByRevision.delete(ref.ref.key));
  while (factsByRevision.size > REVISIONS_KEPT) factsByRevision.delete(factsByRevision.keys().next().value!);
  return load;
}

/** The deck's facts that games may ask: the host's curation applies, as it does to games. */
async function eligibleFacts(prisma: PrismaClient, deckId: string, topics: string[][]): Promise<Candidate[]> {
  const exclude = await curationExclusions(prisma, deckId);
  const flagged = new Set(exclude.facts);
  const notTerms = new Set(exclude.terms);
  const rows = await deckFacts(prisma, deckId);
  return rows
    .filter((r) => !flagged.has(r.id) && !notTerms.has(r.termKey) && inTopics(r as never, topics))
    .map((r) => ({ factId: r.id, term: r.term, fact: r.fact, topic: r.topic }));
}
