// Prisma at the edge of the live rooms: creating a game with its frozen questions, and the
// batched writes a running game produces. Every write is idempotent (explicit ids, skip
// duplicates, plain updates), so a batch that failed half-way can simply be sent again.
import { randomUUID } from 'node:crypto';
import type { GameSettings } from '../../shared/game-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import type { SourcedQuestion } from './question-source.js';

/** Player rows are keyed by game and seat, so the protocol's `p3` maps to `<gameId>-p3`. */
export function playerRowId(gameId: string, playerId: string): string {
  return `${gameId}-${playerId}`;
}

export function questionRowId(gameId: string, index: number): string {
  return `${gameId}-q${index}`;
}

export interface NewGameRow {
  id: string;
  code: string;
  deckId: string | null;
  deckName: string;
  settings: GameSettings;
  seed: string;
  hostTokenHash: string;
  questions: SourcedQuestion[];
}

export interface PlayerRow {
  id: string;
  nickname: string;
  nicknameKey: string;
  sessionTokenHash: string;
  joinedAt: Date;
  joinedAtQuestion: number;
}

export interface AnswerRow {
  questionId: string;
  playerId: string;
  optionIndex: number;
  elapsedMs: number;
  correct: boolean;
  points: number;
  createdAt: Date;
}

/** 'lobby' → 'playing' → 'finished' (podium reached) or 'ended-by-host'. */
export type GameStatus = 'lobby' | 'playing' | 'finished' | 'ended-by-host';

/** Everything one flush writes, already merged; applied in dependency order. */
export interface WriteBatch {
  players: PlayerRow[];
  kicks: { id: string; at: Date }[];
  answers: AnswerRow[];
  skipped: number[];
  /** Questions whose answers opened (results count only asked questions). */
  asked: { index: number; at: Date }[];
  standings: { id: string; score: number; rank: number }[];
  game: { status?: GameStatus; startedAt?: Date; endedAt?: Date };
}

export interface GameStore {
  createGame(game: NewGameRow): Promise<void>;
  write(gameId: string, batch: WriteBatch): Promise<void>;
  /** Status of the latest recent game with that code, for "finished" vs "unknown". */
  recentStatusByCode(code: string): Promise<string | null>;
  /** Status of the game a session token belonged to, once its room left memory. */
  statusBySession(tokenHash: string): Promise<string | null>;
  statusByGame(gameId: string): Promise<string | null>;
}

/** TIMESTAMP(3) columns hold UTC wall-clock time, as Prisma writes them. */
function utcTimestamp(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}

/** Codes are only unique among live rooms, so old games are ignored after this long. */
const CODE_MEMORY_MS = 24 * 60 * 60 * 1000;

export function prismaGameStore(prisma: PrismaClient): GameStore {
  return {
    async createGame(g) {
      await prisma.game.create({
        data: {
          id: g.id,
          code: g.code,
          deckId: g.deckId,
          deckName: g.deckName,
          settings: g.settings as object,
          seed: g.seed,
          status: 'lobby' satisfies GameStatus,
          hostTokenHash: g.hostTokenHash,
          questions: {
            create: g.questions.map((q, index) => ({
              id: questionRowId(g.id, index),
              index,
              qid: q.id,
              kind: q.kind,
              prompt: q.prompt,
              options: q.options,
              answerIndex: q.answerIndex,
              topic: q.topic,
              factId: q.factId,
              file: q.file,
              line: q.line,
              explanation: q.explanation,
            })),
          },
        },
      });
    },

    async write(gameId, b) {
      // Players before answers (foreign key); the game row last, so a reader that sees
      // status 'finished' also sees every answer and standing.
      // Players and answers go in with one raw INSERT … SELECT FROM unnest(…) each: Prisma's
      // createMany compiles and handles the whole batch on the event loop (30–115 ms per
      // 500 rows in docs/performance.md), this costs a few ms. Works on PostgreSQL and PGlite.
      if (b.players.length) {
        const p = b.players;
        // Explicit ids; DO NOTHING on any conflict (id or game+nickname) = skipDuplicates.
        await prisma.$executeRawUnsafe(
          `INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "sessionTokenHash", "joinedAt", "joinedAtQuestion")
           SELECT v.id, $2, v.nickname, v.key, v.token, v.joined, v.q
           FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::int[])
             AS v(id, nickname, key, token, joined, q)
           ON CONFLICT DO NOTHING`,
          p.map((r) => r.id),
          gameId,
          p.map((r) => r.nickname),
          p.map((r) => r.nicknameKey),
          p.map((r) => r.sessionTokenHash),
          p.map((r) => utcTimestamp(r.joinedAt)),
          p.map((r) => r.joinedAtQuestion),
        );
      }
      for (const k of b.kicks) {
        await prisma.player.updateMany({ where: { id: k.id, kickedAt: null }, data: { kickedAt: k.at } });
      }
      if (b.answers.length) {
        const a = b.answers;
        // Opaque random ids as before (Prisma's default); a retried batch is still idempotent
        // because a player answers a question once: ON CONFLICT on (questionId, playerId).
        await prisma.$executeRawUnsafe(
          `INSERT INTO "Answer" ("id", "gameId", "questionId", "playerId", "optionIndex", "elapsedMs", "correct", "points", "createdAt")
           SELECT v.id, $2, v.question, v.player, v.option, v.elapsed, v.correct, v.points, v.created
           FROM unnest($1::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::bool[], $8::int[], $9::timestamp(3)[])
             AS v(id, question, player, option, elapsed, correct, points, created)
           ON CONFLICT ("questionId", "playerId") DO NOTHING`,
          a.map(() => randomUUID()),
          gameId,
          a.map((r) => r.questionId),
          a.map((r) => r.playerId),
          a.map((r) => r.optionIndex),
          a.map((r) => r.elapsedMs),
          a.map((r) => r.correct),
          a.map((r) => r.points),
          a.map((r) => utcTimestamp(r.createdAt)),
        );
      }
      for (const a of b.asked) {
        await prisma.gameQuestion.updateMany({ where: { gameId, index: a.index, askedAt: null }, data: { askedAt: a.at } });
      }
      if (b.skipped.length) {
        await prisma.gameQuestion.updateMany({ where: { gameId, index: { in: b.skipped } }, data: { skipped: true } });
      }
      if (b.standings.length) {
        // One statement for the whole room instead of one UPDATE per player.
        const ids = b.standings.map((s) => s.id);
        const scores = b.standings.map((s) => s.score);
        const ranks = b.standings.map((s) => s.rank);
        await prisma.$executeRaw`
          UPDATE "Player" AS p SET "score" = v.score, "finalRank" = v.rank
          FROM unnest(${ids}::text[], ${scores}::int[], ${ranks}::int[]) AS v(id, score, rank)
          WHERE p."id" = v.id`;
      }
      if (Object.keys(b.game).length) await prisma.game.update({ where: { id: gameId }, data: b.game });
    },

    async recentStatusByCode(code) {
      const game = await prisma.game.findFirst({
        where: { code, createdAt: { gte: new Date(Date.now() - CODE_MEMORY_MS) } },
        orderBy: { createdAt: 'desc' },
        select: { status: true },
      });
      return game?.status ?? null;
    },

    async statusBySession(tokenHash) {
      const player = await prisma.player.findFirst({
        where: { sessionTokenHash: tokenHash },
        select: { game: { select: { status: true } } },
      });
      return player?.game.status ?? null;
    },

    async statusByGame(gameId) {
      const game = await prisma.game.findUnique({ where: { id: gameId }, select: { status: true } });
      return game?.status ?? null;
    },
  };
}
