// EXPERIMENT, not the product: `npm run bench -- --experiment raw-writes` runs the server with
// this GameStore (injected through AppDeps.gameStore), to measure a proposed change before it
// is made in server/rooms/game-store.ts. Players and answers go in with one raw
// INSERT … SELECT FROM unnest(…) per batch instead of Prisma createMany, whose query
// compilation and result handling cost 30–115 ms of event loop per 500-row batch here;
// everything else goes through the production store unchanged.
import type { Database } from '../../server/db/database.js';
import { prismaGameStore, type GameStore } from '../../server/rooms/game-store.js';

export function rawAnswerStore(db: Database): GameStore {
  const prisma = db.prisma;
  const base = prismaGameStore(prisma);
  return {
    ...base,
    async write(gameId, b) {
      if (b.players.length) {
        const p = b.players;
        await prisma.$executeRaw`
          INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "sessionTokenHash", "joinedAt", "joinedAtQuestion")
          SELECT * FROM unnest(${p.map((r) => r.id)}::text[], ${p.map(() => gameId)}::text[], ${p.map((r) => r.nickname)}::text[],
            ${p.map((r) => r.nicknameKey)}::text[], ${p.map((r) => r.sessionTokenHash)}::text[],
            ${p.map((r) => r.joinedAt)}::timestamp[], ${p.map((r) => r.joinedAtQuestion)}::int[])
          ON CONFLICT DO NOTHING`;
      }
      if (b.answers.length) {
        const a = b.answers;
        // Deterministic ids (question row + player row): a retried batch stays idempotent.
        await prisma.$executeRaw`
          INSERT INTO "Answer" ("id", "gameId", "questionId", "playerId", "optionIndex", "elapsedMs", "correct", "points", "createdAt")
          SELECT * FROM unnest(${a.map((r) => `${r.questionId}-${r.playerId}`)}::text[], ${a.map(() => gameId)}::text[],
            ${a.map((r) => r.questionId)}::text[], ${a.map((r) => r.playerId)}::text[], ${a.map((r) => r.optionIndex)}::int[],
            ${a.map((r) => r.elapsedMs)}::int[], ${a.map((r) => r.correct)}::bool[], ${a.map((r) => r.points)}::int[],
            ${a.map((r) => r.createdAt)}::timestamp[])
          ON CONFLICT ("questionId", "playerId") DO NOTHING`;
      }
      await base.write(gameId, { ...b, players: [], answers: [] });
    },
  };
}
