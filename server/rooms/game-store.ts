// Prisma at the edge of the live rooms: creating a game with its frozen questions, and the
// batched writes a running game produces. Every write is idempotent (explicit ids, skip
// duplicates, plain updates), so a batch that failed half-way can simply be sent again.
import { randomUUID } from 'node:crypto';
import type { GameSettings } from '../../shared/game-types.js';
import type { Snapshot, StoredAnswer } from '../game/restore.js';
import { seatOfId } from '../game/state.js';
import type { ServerQuestion } from '../game/types.js';
import type { PrismaClient } from '../db/generated/client.js';
import type { SourcedQuestion } from './question-source.js';

/** Player rows are keyed by game and seat, so the protocol's `p3` maps to `<gameId>-p3`. */
export function playerRowId(gameId: string, playerId: string): string {
  return `${gameId}-${playerId}`;
}

/** The protocol's player id (`p3`) of a player row id. */
export function playerIdOfRow(gameId: string, rowId: string): string {
  return rowId.slice(`${gameId}-`.length);
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
  /** Team play: the team the player joined; absent or null in individual play. */
  team?: number | null;
  /** Who the player's phone says they are (absent or null: nothing was sent). */
  deviceKeyHash?: string | null;
  studyName?: string | null;
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

/** 'lobby' → 'playing' → 'finished' (podium reached) or 'ended-by-host'; 'interrupted' when
 *  its server was down for too long to bring the game back. */
export type GameStatus = 'lobby' | 'playing' | 'finished' | 'ended-by-host' | 'interrupted';

/** Everything one flush writes, already merged; applied in dependency order. */
export interface WriteBatch {
  players: PlayerRow[];
  kicks: { id: string; at: Date }[];
  /** Players the host moved to another team, in the order of the moves. */
  teamMoves?: { id: string; team: number }[];
  answers: AnswerRow[];
  skipped: number[];
  /** Questions whose answers opened (results count only asked questions). */
  asked: { index: number; at: Date }[];
  standings: { id: string; score: number; rank: number }[];
  game: { status?: GameStatus; startedAt?: Date; endedAt?: Date };
  /** The room's latest state, written after everything else of the batch. */
  /** `fence`: the writing owner's fencing token (several processes); the snapshot is stored
   *  only if no newer owner stored one. Null: one process, always stored. */
  snapshot?: { value: Snapshot; at: Date; fence?: number | null } | null;
}

/** A game the database says is not over, with what it takes to bring it back. */
export interface UnfinishedGame {
  id: string;
  code: string;
  status: string;
  settings: GameSettings;
  hostTokenHash: string;
  snapshot: unknown;
  questions: ServerQuestion[];
  /** Every player row: the protocol id (`p3`) and the session token's hash. */
  sessions: { playerId: string; tokenHash: string }[];
  /** Answers to the question the snapshot was on (the only ones it may not hold yet). */
  answers: StoredAnswer[];
  /** Wall-clock time the game was last known alive (its last snapshot or answer). */
  lastAliveAt: Date;
}

/** One game's share of a write. */
export interface GameWrite extends WriteBatch {
  gameId: string;
}

export interface GameStore {
  createGame(game: NewGameRow): Promise<void>;
  /** Writes the batches of one or more games; throws if any statement failed. Every
   *  statement is idempotent, so the whole write can simply be repeated. */
  write(batches: readonly GameWrite[]): Promise<void>;
  /** Status of the latest recent game with that code, for "finished" vs "unknown". */
  recentStatusByCode(code: string): Promise<string | null>;
  /** Status of the game a session token belonged to, once its room left memory. */
  statusBySession(tokenHash: string): Promise<string | null>;
  statusByGame(gameId: string): Promise<string | null>;
  /** Games in the lobby or playing, for a server that starts up. */
  /** With `only`, just those games (a process taking over one game from a dead owner). */
  loadUnfinished(only?: readonly string[]): Promise<UnfinishedGame[]>;
  /** Closes a game that cannot be brought back; standings as of its last snapshot. */
  interrupt(gameId: string, standings: WriteBatch['standings'], at: Date): Promise<void>;
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
              shownTopic: q.shownTopic ?? q.topic,
              factId: q.factId,
              file: q.file,
              line: q.line,
              explanation: q.explanation,
            })),
          },
        },
      });
    },

    async write(batches) {
      // One statement per kind of row for all the games of the batch, each an
      // INSERT … SELECT FROM unnest(…) or UPDATE … FROM unnest(…): the cost of a batch hardly
      // depends on how many rooms it serves. (Prisma's createMany/updateMany compile and
      // handle every call on the event loop, 30–115 ms per 500 rows in docs/performance.md.)
      // Order: players before answers (foreign key); the game rows last, so a reader that
      // sees status 'finished' also sees every answer and standing. Works on PostgreSQL
      // and PGlite.
      const all = <T>(pick: (b: GameWrite) => T[]) => batches.flatMap(pick);
      const players = all((b) => b.players.map((r) => ({ ...r, gameId: b.gameId })));
      if (players.length) {
        // Explicit ids; DO NOTHING on any conflict (id or game+nickname) = skipDuplicates.
        await prisma.$executeRawUnsafe(
          `INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "sessionTokenHash", "joinedAt", "joinedAtQuestion", "team", "deviceKeyHash", "studyName")
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::int[], $8::int[], $9::text[], $10::text[])
           ON CONFLICT DO NOTHING`,
          players.map((r) => r.id),
          players.map((r) => r.gameId),
          players.map((r) => r.nickname),
          players.map((r) => r.nicknameKey),
          players.map((r) => r.sessionTokenHash),
          players.map((r) => utcTimestamp(r.joinedAt)),
          players.map((r) => r.joinedAtQuestion),
          players.map((r) => r.team ?? null),
          players.map((r) => r.deviceKeyHash ?? null),
          players.map((r) => r.studyName ?? null),
        );
      }
      const kicks = all((b) => b.kicks);
      if (kicks.length) {
        await prisma.$executeRawUnsafe(
          `UPDATE "Player" AS p SET "kickedAt" = v.at
           FROM unnest($1::text[], $2::timestamp(3)[]) AS v(id, at)
           WHERE p."id" = v.id AND p."kickedAt" IS NULL`,
          kicks.map((k) => k.id),
          kicks.map((k) => utcTimestamp(k.at)),
        );
      }
      // Only the last move of a player counts; moves come in order, so the last one wins.
      const moved = new Map(all((b) => b.teamMoves ?? []).map((m) => [m.id, m.team]));
      if (moved.size) {
        await prisma.$executeRawUnsafe(
          `UPDATE "Player" AS p SET "team" = v.team
           FROM unnest($1::text[], $2::int[]) AS v(id, team)
           WHERE p."id" = v.id`,
          [...moved.keys()],
          [...moved.values()],
        );
      }
      const answers = all((b) => b.answers.map((r) => ({ ...r, gameId: b.gameId })));
      if (answers.length) {
        // Opaque random ids (as Prisma's default would be); a retried batch is still
        // idempotent because a player answers a question once: ON CONFLICT on (questionId, playerId).
        await prisma.$executeRawUnsafe(
          `INSERT INTO "Answer" ("id", "gameId", "questionId", "playerId", "optionIndex", "elapsedMs", "correct", "points", "createdAt")
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::bool[], $8::int[], $9::timestamp(3)[])
           ON CONFLICT ("questionId", "playerId") DO NOTHING`,
          answers.map(() => randomUUID()),
          answers.map((r) => r.gameId),
          answers.map((r) => r.questionId),
          answers.map((r) => r.playerId),
          answers.map((r) => r.optionIndex),
          answers.map((r) => r.elapsedMs),
          answers.map((r) => r.correct),
          answers.map((r) => r.points),
          answers.map((r) => utcTimestamp(r.createdAt)),
        );
      }
      const asked = all((b) => b.asked.map((a) => ({ ...a, gameId: b.gameId })));
      if (asked.length) {
        await prisma.$executeRawUnsafe(
          `UPDATE "GameQuestion" AS q SET "askedAt" = v.at
           FROM unnest($1::text[], $2::int[], $3::timestamp(3)[]) AS v(game, idx, at)
           WHERE q."gameId" = v.game AND q."index" = v.idx AND q."askedAt" IS NULL`,
          asked.map((a) => a.gameId),
          asked.map((a) => a.index),
          asked.map((a) => utcTimestamp(a.at)),
        );
      }
      const skipped = all((b) => b.skipped.map((index) => ({ index, gameId: b.gameId })));
      if (skipped.length) {
        await prisma.$executeRawUnsafe(
          `UPDATE "GameQuestion" AS q SET "skipped" = true
           FROM unnest($1::text[], $2::int[]) AS v(game, idx)
           WHERE q."gameId" = v.game AND q."index" = v.idx`,
          skipped.map((s) => s.gameId),
          skipped.map((s) => s.index),
        );
      }
      const standings = all((b) => b.standings);
      if (standings.length) {
        await prisma.$executeRawUnsafe(
          `UPDATE "Player" AS p SET "score" = v.score, "finalRank" = v.rank
           FROM unnest($1::text[], $2::int[], $3::int[]) AS v(id, score, rank)
           WHERE p."id" = v.id`,
          standings.map((s) => s.id),
          standings.map((s) => s.score),
          standings.map((s) => s.rank),
        );
      }
      const games = batches.filter((b) => Object.keys(b.game).length > 0);
      if (games.length) {
        // A patch sets only the fields it has; NULL in a column here means "leave it".
        await prisma.$executeRawUnsafe(
          `UPDATE "Game" AS g SET "status" = COALESCE(v.status, g."status"),
             "startedAt" = COALESCE(v.started, g."startedAt"), "endedAt" = COALESCE(v.ended, g."endedAt")
           FROM unnest($1::text[], $2::text[], $3::timestamp(3)[], $4::timestamp(3)[]) AS v(id, status, started, ended)
           WHERE g."id" = v.id`,
          games.map((b) => b.gameId),
          games.map((b) => b.game.status ?? null),
          games.map((b) => (b.game.startedAt ? utcTimestamp(b.game.startedAt) : null)),
          games.map((b) => (b.game.endedAt ? utcTimestamp(b.game.endedAt) : null)),
        );
      }
      // Last, so a snapshot never holds an answer or a player whose row is missing.
      const snapshots = batches.filter((b) => b.snapshot);
      if (snapshots.length) {
        await prisma.$executeRawUnsafe(
          `UPDATE "Game" AS g SET "snapshot" = v.snap::jsonb, "snapshotAt" = v.at, "ownerFence" = COALESCE(v.fence, g."ownerFence")
           FROM unnest($1::text[], $2::text[], $3::timestamp(3)[], $4::int[]) AS v(id, snap, at, fence)
           WHERE g."id" = v.id AND (v.fence IS NULL OR g."ownerFence" <= v.fence)`,
          snapshots.map((b) => b.gameId),
          snapshots.map((b) => JSON.stringify(b.snapshot!.value)),
          snapshots.map((b) => utcTimestamp(b.snapshot!.at)),
          snapshots.map((b) => b.snapshot!.fence ?? null),
        );
      }
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

    async loadUnfinished(only) {
      const games = await prisma.game.findMany({
        where: { status: { in: ['lobby', 'playing'] satisfies GameStatus[] }, ...(only ? { id: { in: [...only] } } : {}) },
        select: {
          id: true,
          code: true,
          status: true,
          settings: true,
          hostTokenHash: true,
          snapshot: true,
          snapshotAt: true,
          createdAt: true,
          questions: { orderBy: { index: 'asc' } },
          players: { select: { id: true, sessionTokenHash: true } },
        },
      });
      return Promise.all(
        games.map(async (g) => {
          const snap = g.snapshot as { state?: { round?: { index?: number } | null } } | null;
          const index = snap?.state?.round?.index;
          const rows =
            typeof index === 'number'
              ? await prisma.answer.findMany({
                  where: { gameId: g.id, questionId: questionRowId(g.id, index) },
                  select: { playerId: true, optionIndex: true, elapsedMs: true, createdAt: true },
                })
              : [];
          const lastAnswer = rows.reduce((t, r) => Math.max(t, r.createdAt.getTime()), 0);
          const lastAliveAt = new Date(Math.max(lastAnswer, (g.snapshotAt ?? g.createdAt).getTime()));
          return {
            id: g.id,
            code: g.code,
            status: g.status,
            // Games created before auto-advance existed have it off.
            settings: { autoAdvanceSeconds: 0, ...(g.settings as object) } as GameSettings,
            hostTokenHash: g.hostTokenHash,
            snapshot: g.snapshot,
            questions: g.questions.map((q) => ({
              id: q.qid,
              kind: q.kind as ServerQuestion['kind'],
              prompt: q.prompt,
              options: q.options,
              answerIndex: q.answerIndex,
              topic: q.topic,
              shownTopic: q.shownTopic,
              file: q.file,
              line: q.line,
              explanation: q.explanation,
            })),
            sessions: g.players.map((p) => ({ playerId: playerIdOfRow(g.id, p.id), tokenHash: p.sessionTokenHash })),
            answers: rows.map((r) => ({
              seat: seatOfId(playerIdOfRow(g.id, r.playerId)),
              questionIndex: index!,
              optionIndex: r.optionIndex,
              elapsedMs: r.elapsedMs,
            })),
            lastAliveAt,
          } satisfies UnfinishedGame;
        }),
      );
    },

    async interrupt(gameId, standings, at) {
      await prisma.$transaction([
        ...standings.map((s) => prisma.player.update({ where: { id: s.id }, data: { score: s.score, finalRank: s.rank } })),
        prisma.game.update({ where: { id: gameId }, data: { status: 'interrupted' satisfies GameStatus, endedAt: at } }),
      ]);
    },

    async statusByGame(gameId) {
      const game = await prisma.game.findUnique({ where: { id: gameId }, select: { status: true } });
      return game?.status ?? null;
    },
  };
}
