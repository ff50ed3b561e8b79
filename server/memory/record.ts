// Turning a finished game's counted answers into the members' memory. It runs once per game,
// after the game's last write (the podium, or the host ending it), away from the live room:
// answers are acknowledged as before and nothing here is on their path. A game is marked when
// recorded (Game.memoryAt), in the same transaction as its reviews, so recording twice is
// harmless; start-up records whatever a stop left unrecorded (see MemoryRecorder.catchUp).
// The counting rules are the report's (results/counting.ts): a skipped or unasked question is
// no review, a missing answer of a player who was there is Again. Kicked players count nothing.
import { randomUUID } from 'node:crypto';
import type { Grade } from 'ts-fsrs';
import { Rating } from 'ts-fsrs';
import type { PrismaClient, Prisma } from '../db/generated/client.js';
import { buildGrid } from '../results/counting.js';
import { bumpMemoryVersion } from './memory-index.js';
import { resolveMember } from './members.js';
import { ratingFor } from './rating.js';
import { review, type MemoryState } from './scheduler.js';

type Tx = Prisma.TransactionClient;

export interface RecordSummary {
  /** Null when the deck was deleted since. */
  deckId: string | null;
  members: number;
  reviews: number;
}

interface PendingReview {
  memberId: string;
  factId: string;
  questionIndex: number;
  grade: Grade;
  elapsedMs: number | null;
  at: Date;
}

const ENDED = ['finished', 'ended-by-host', 'interrupted'];
/** Players whose answers are read per query when a game is recorded. */
const ANSWER_SLICE = 200;
/** Reviews scheduled per turn of the event loop. */
const REVIEWS_PER_TURN = 500;

/** Records one game if it ended and is not recorded yet; null when there was nothing to do. */
export async function recordGameMemory(prisma: PrismaClient, gameId: string, now = new Date()): Promise<RecordSummary | null> {
  return prisma.$transaction(
    async (tx) => {
      // The mark first: a concurrent recorder of the same game waits on this row, then skips it.
      const marked = await tx.game.updateMany({
        where: { id: gameId, memoryAt: null, status: { in: ENDED } },
        data: { memoryAt: now },
      });
      if (marked.count === 0) return null;
      // One query at a time: a transaction is one connection (a select with nested relations
      // would send its parts at once).
      const row = await tx.game.findUniqueOrThrow({ where: { id: gameId }, select: { deckId: true, settings: true, endedAt: true } });
      const questions = await tx.gameQuestion.findMany({
        where: { gameId },
        select: { id: true, index: true, skipped: true, askedAt: true, factId: true },
        orderBy: { index: 'asc' },
      });
      // Only players who said who they are (a device key or a study name) have a memory: the
      // others' answers are never read, and a game without any is done here. The answers are
      // read a slice of players at a time, so a 2,000-player game does not hold the event loop
      // for one huge result (games that record members time their questions, so a question's
      // status does not depend on the answers left unread).
      const players = await tx.player.findMany({
        where: { gameId, kickedAt: null, OR: [{ deviceKeyHash: { not: null } }, { studyName: { not: null } }] },
        select: { id: true, nickname: true, joinedAtQuestion: true, kickedAt: true, deviceKeyHash: true, studyName: true },
        orderBy: { joinedAt: 'asc' },
      });
      if (players.length === 0) return { deckId: row.deckId, members: 0, reviews: 0 };
      const answers: { questionId: string; playerId: string; correct: boolean; createdAt: Date; elapsedMs: number }[] = [];
      for (let i = 0; i < players.length; i += ANSWER_SLICE) {
        const slice = players.slice(i, i + ANSWER_SLICE).map((p) => p.id);
        answers.push(
          ...(await tx.answer.findMany({
            where: { gameId, playerId: { in: slice } },
            select: { questionId: true, playerId: true, correct: true, createdAt: true, elapsedMs: true },
          })),
        );
      }
      const game = { ...row, questions, players, answers };
      if (!game.deckId) return { deckId: null, members: 0, reviews: 0 };
      const seconds = (game.settings as { secondsPerQuestion?: number }).secondsPerQuestion ?? 20;
      const grid = buildGrid(game.questions, game.players, game.answers);
      const pending: PendingReview[] = [];
      const counted = new Set<string>();
      for (const [p, player] of game.players.entries()) {
        if (player.kickedAt) continue;
        const memberId = await resolveMember(tx, player, now);
        // Two players of one game as the same member (a shared device, a study name typed
        // twice): only the first to join counts, so nobody's answers land on another's memory.
        if (!memberId || counted.has(memberId)) continue;
        counted.add(memberId);
        await tx.player.update({ where: { id: player.id }, data: { memberId } });
        game.questions.forEach((q, i) => {
          const cell = grid.cells[p]![i]!;
          if (!cell.counted || !q.factId) return;
          const status = cell.status === 'correct' || cell.status === 'wrong' ? cell.status : 'no-answer';
          pending.push({
            memberId,
            factId: q.factId,
            questionIndex: q.index,
            grade: ratingFor(status, cell.answer?.elapsedMs ?? null, seconds),
            elapsedMs: cell.answer?.elapsedMs ?? null,
            at: cell.answer?.createdAt ?? q.askedAt ?? game.endedAt ?? now,
          });
        });
      }
      await applyReviews(tx, game.deckId, gameId, pending);
      if (pending.length > 0) await bumpMemoryVersion(tx, [game.deckId]);
      return { deckId: game.deckId, members: counted.size, reviews: pending.length };
    },
    { timeout: 60_000 },
  );
}

/** Memory rows before and after the reviews, written in a few statements. */
async function applyReviews(tx: Tx, deckId: string, gameId: string, pending: PendingReview[]): Promise<void> {
  if (pending.length === 0) return;
  const memberIds = [...new Set(pending.map((r) => r.memberId))];
  const factIds = [...new Set(pending.map((r) => r.factId))];
  const existing = await tx.factMemory.findMany({ where: { memberId: { in: memberIds }, factId: { in: factIds } } });
  const states = new Map<string, MemoryState & { misses: number }>();
  for (const row of existing) states.set(`${row.memberId}|${row.factId}`, row);
  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  for (const [i, r] of pending.entries()) {
    // A big game has tens of thousands of reviews: let the rooms' timers and answers through.
    if (i > 0 && i % REVIEWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const key = `${r.memberId}|${r.factId}`;
    const before = states.get(key) ?? null;
    const after = review(before, r.grade, r.at);
    states.set(key, { ...after, misses: (before?.misses ?? 0) + (r.grade === Rating.Again ? 1 : 0) });
    logs.push({
      id: randomUUID(),
      memberId: r.memberId,
      factId: r.factId,
      deckId,
      gameId,
      questionIndex: r.questionIndex,
      rating: r.grade,
      elapsedMs: r.elapsedMs,
      reviewedAt: r.at,
      stability: after.stability,
      due: after.due,
    });
  }
  await writeStates(tx, deckId, states);
  await tx.reviewLog.createMany({ data: logs, skipDuplicates: true });
}

/** Upserts memory rows: one INSERT … ON CONFLICT per chunk (works on PostgreSQL and PGlite). */
export async function writeStates(tx: Tx, deckId: string, states: Map<string, MemoryState & { misses: number }>): Promise<void> {
  const rows = [...states.entries()].map(([key, m]) => {
    const [memberId, factId] = key.split('|') as [string, string];
    return { memberId, factId, ...m };
  });
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    const col = <T>(pick: (r: (typeof chunk)[number]) => T) => chunk.map(pick);
    await tx.$executeRawUnsafe(
      `INSERT INTO "FactMemory" ("memberId", "factId", "deckId", "due", "stability", "difficulty", "scheduledDays",
         "learningSteps", "reps", "lapses", "state", "lastReview", "misses")
       SELECT v.m, v.f, $3, v.due, v.s, v.d, v.sd, v.ls, v.reps, v.lapses, v.state, v.lr, v.misses
       FROM unnest($1::text[], $2::text[], $4::timestamp(3)[], $5::float8[], $6::float8[], $7::int[], $8::int[], $9::int[],
         $10::int[], $11::int[], $12::timestamp(3)[], $13::int[])
         AS v(m, f, due, s, d, sd, ls, reps, lapses, state, lr, misses)
       ON CONFLICT ("memberId", "factId") DO UPDATE SET "deckId" = EXCLUDED."deckId", "due" = EXCLUDED."due",
         "stability" = EXCLUDED."stability", "difficulty" = EXCLUDED."difficulty", "scheduledDays" = EXCLUDED."scheduledDays",
         "learningSteps" = EXCLUDED."learningSteps", "reps" = EXCLUDED."reps", "lapses" = EXCLUDED."lapses",
         "state" = EXCLUDED."state", "lastReview" = EXCLUDED."lastReview", "misses" = EXCLUDED."misses"`,
      col((r) => r.memberId),
      col((r) => r.factId),
      deckId,
      col((r) => utc(r.due)),
      col((r) => r.stability),
      col((r) => r.difficulty),
      col((r) => r.scheduledDays),
      col((r) => r.learningSteps),
      col((r) => r.reps),
      col((r) => r.lapses),
      col((r) => r.state),
      col((r) => (r.lastReview ? utc(r.lastReview) : null)),
      col((r) => r.misses),
    );
  }
}

/** timestamp(3) columns hold UTC wall time (as game-store.ts writes them). */
function utc(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}
