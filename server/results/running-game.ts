// What the results of a game that is still running may show. Every player has the game id,
// so without the host's token the report and exports of a running game hold only the
// questions already revealed: no correct option, count or score of a question still open
// or not yet asked. The host (the server's host secret or the game's own host token) sees all.
import type { PrismaClient } from '../db/generated/client.js';
import { tokensEqual } from '../host-secret.js';
import { tokenMatches } from '../rooms/secrets.js';
import type { GameRows } from './load.js';

const RUNNING = new Set(['lobby', 'playing']);
/** Phases in which the current question's answer has been shown. */
const REVEALED = new Set(['reveal', 'leaderboard', 'podium', 'ended']);

/** How many questions, from the first, a running game has revealed (read from its snapshot). */
async function revealedCount(prisma: PrismaClient, gameId: string): Promise<{ count: number; hostTokenHash: string }> {
  const [row] = await prisma.$queryRawUnsafe<{ hostTokenHash: string; idx: string | null; phase: string | null }[]>(
    `SELECT "hostTokenHash", "snapshot"->'state'->'round'->>'index' AS idx, "snapshot"->'state'->>'phase' AS phase
     FROM "Game" WHERE "id" = $1`,
    gameId,
  );
  if (!row) return { count: 0, hostTokenHash: '' };
  const index = row.idx === null ? null : Number(row.idx);
  const count = index === null || !Number.isInteger(index) ? 0 : index + (REVEALED.has(row.phase ?? '') ? 1 : 0);
  return { count, hostTokenHash: row.hostTokenHash };
}

/** The rows a caller may see: all of them for a finished game or for its host. */
export async function visibleRows(prisma: PrismaClient, rows: GameRows, given: string | undefined, serverHostToken: string): Promise<GameRows> {
  if (!RUNNING.has(rows.game.status)) return rows;
  if (given && tokensEqual(given, serverHostToken)) return rows;
  const { count, hostTokenHash } = await revealedCount(prisma, rows.game.id);
  if (given && hostTokenHash && tokenMatches(given, hostTokenHash)) return rows;
  const questions = rows.questions.filter((q) => q.index < count);
  const shown = new Set(questions.map((q) => q.id));
  return { ...rows, questions, answers: rows.answers.filter((a) => shown.has(a.questionId)) };
}
