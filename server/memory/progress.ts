// The progress pages: the deck's (for the host's screen) and a member's own (for their phone).
// Accuracy comes from the review log, so it is the members' accuracy (players who sent a
// device key or a study name), night by night and per top-level topic of the notes.
import { MASTERED_STABILITY_DAYS, type DeckProgress, type DueFact, type MemberPage, type TopicNight } from '../../shared/memory-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { memberName } from './members.js';
import { recallAt } from './scheduler.js';

/** Nights shown on a chart. */
const NIGHTS_MAX = 20;
const MISSED_MAX = 20;
const DUE_MAX = 200;

interface NightRow { gameId: string; top: string | null; asked: number; correct: number }

async function topicNights(prisma: PrismaClient, deckId: string, memberId: string | null) {
  const rows = await prisma.$queryRawUnsafe<(NightRow & { createdAt: Date })[]>(
    `SELECT r."gameId", q."topic"[1] AS "top", g."createdAt", count(*)::int AS "asked",
       count(*) FILTER (WHERE r."rating" > 1)::int AS "correct"
     FROM "ReviewLog" r
     JOIN "GameQuestion" q ON q."gameId" = r."gameId" AND q."index" = r."questionIndex"
     JOIN "Game" g ON g."id" = r."gameId"
     WHERE r."deckId" = $1 AND ($2::text IS NULL OR r."memberId" = $2)
     GROUP BY r."gameId", q."topic"[1], g."createdAt"
     ORDER BY g."createdAt"`,
    deckId,
    memberId,
  );
  const byTopic = new Map<string, TopicNight[]>();
  for (const r of rows) {
    const topic = r.top ?? 'Other';
    if (!byTopic.has(topic)) byTopic.set(topic, []);
    byTopic.get(topic)!.push({ gameId: r.gameId, date: r.createdAt.toISOString(), asked: r.asked, correct: r.correct, accuracy: r.correct / r.asked });
  }
  for (const nights of byTopic.values()) nights.splice(0, Math.max(0, nights.length - NIGHTS_MAX));
  return byTopic;
}

export async function deckProgress(prisma: PrismaClient, deckId: string): Promise<DeckProgress> {
  const deck = await prisma.deck.findUnique({ where: { id: deckId }, select: { name: true } });
  if (!deck) throw new HttpError(404, 'UNKNOWN_DECK');
  const [games, byTopic, factTopics, mastered, missed] = await Promise.all([
    prisma.game.findMany({
      where: { deckId, reviews: { some: {} } },
      orderBy: { createdAt: 'desc' },
      take: NIGHTS_MAX,
      select: { id: true, code: true, createdAt: true },
    }),
    topicNights(prisma, deckId, null),
    prisma.$queryRawUnsafe<{ top: string | null; facts: number }[]>(
      `SELECT t."path"[1] AS "top", count(*)::int AS "facts"
       FROM "Fact" f LEFT JOIN "Topic" t ON t."id" = f."topicId" WHERE f."deckId" = $1 GROUP BY 1`,
      deckId,
    ),
    prisma.$queryRawUnsafe<{ top: string | null; mastered: number }[]>(
      `SELECT t."path"[1] AS "top", count(*)::int AS "mastered"
       FROM (SELECT "factId" FROM "FactMemory" WHERE "deckId" = $1 GROUP BY "factId" HAVING bool_and("stability" > $2)) m
       JOIN "Fact" f ON f."id" = m."factId" AND f."deckId" = $1 LEFT JOIN "Topic" t ON t."id" = f."topicId"
       GROUP BY 1`,
      deckId,
      MASTERED_STABILITY_DAYS,
    ),
    prisma.$queryRawUnsafe<{ factId: string; misses: number; members: number; term: string; fact: string; topic: string[]; file: string; line: number }[]>(
      `SELECT m."factId", m."misses", m."members", f."term", f."fact", COALESCE(t."path", ARRAY[]::text[]) AS "topic",
         s."name" AS "file", f."lineStart" AS "line"
       FROM (SELECT "factId", sum("misses")::int AS "misses", count(*) FILTER (WHERE "misses" > 0)::int AS "members"
             FROM "FactMemory" WHERE "deckId" = $1 GROUP BY "factId" HAVING sum("misses") > 0) m
       JOIN "Fact" f ON f."id" = m."factId" AND f."deckId" = $1
       JOIN "SourceFile" s ON s."id" = f."fileId"
       LEFT JOIN "Topic" t ON t."id" = f."topicId"
       ORDER BY m."misses" DESC, m."members" DESC, f."term" LIMIT $2`,
      deckId,
      MISSED_MAX,
    ),
  ]);
  const masteredOf = new Map(mastered.map((m) => [m.top ?? 'Other', m.mastered]));
  const topics = factTopics
    .map((t) => t.top ?? 'Other')
    .sort((a, b) => a.localeCompare(b))
    .map((topic) => ({
      topic,
      nights: byTopic.get(topic) ?? [],
      facts: factTopics.filter((t) => (t.top ?? 'Other') === topic).reduce((n, t) => n + t.facts, 0),
      mastered: masteredOf.get(topic) ?? 0,
    }));
  return {
    deckId,
    deckName: deck.name,
    nights: games.reverse().map((g) => ({ gameId: g.id, code: g.code, date: g.createdAt.toISOString() })),
    topics,
    missed: missed.map((m) => ({
      factId: m.factId,
      term: m.term,
      fact: m.fact,
      topic: m.topic,
      misses: m.misses,
      members: m.members,
      source: { file: m.file, line: m.line },
    })),
    masteredStabilityDays: MASTERED_STABILITY_DAYS,
  };
}

/** The member's due facts in one deck, soonest due first (facts no longer in the notes left out). */
export async function dueFacts(prisma: PrismaClient, memberId: string, deckId: string, now = new Date()): Promise<DueFact[]> {
  const rows = await prisma.factMemory.findMany({ where: { memberId, deckId, due: { lte: now } }, orderBy: { due: 'asc' }, take: DUE_MAX });
  const facts = await prisma.fact.findMany({
    where: { deckId, id: { in: rows.map((r) => r.factId) } },
    select: { id: true, term: true, fact: true, topic: { select: { path: true } } },
  });
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.flatMap((r) => {
    const f = byId.get(r.factId);
    if (!f) return [];
    return [{ factId: r.factId, term: f.term, fact: f.fact, topic: f.topic?.path ?? [], due: r.due.toISOString(), recall: recallAt(r, now), misses: r.misses }];
  });
}

export async function memberPage(prisma: PrismaClient, memberId: string, now = new Date()): Promise<MemberPage> {
  const member = await prisma.member.findUnique({ where: { id: memberId }, select: { id: true, studyName: true, nicknames: true } });
  if (!member) throw new HttpError(404, 'NOT_FOUND', 'No such member.');
  const decks = await prisma.$queryRawUnsafe<{ deckId: string; deckName: string }[]>(
    `SELECT d."id" AS "deckId", d."name" AS "deckName" FROM "Deck" d
     WHERE EXISTS (SELECT 1 FROM "FactMemory" m WHERE m."deckId" = d."id" AND m."memberId" = $1) ORDER BY d."name"`,
    memberId,
  );
  return {
    member: { id: member.id, name: memberName(member), studyName: member.studyName, nicknames: member.nicknames },
    decks: await Promise.all(
      decks.map(async (d) => ({
        ...d,
        due: await dueFacts(prisma, memberId, d.deckId, now),
        topics: [...(await topicNights(prisma, d.deckId, memberId)).entries()].map(([topic, nights]) => ({ topic, nights })),
      })),
    ),
  };
}
