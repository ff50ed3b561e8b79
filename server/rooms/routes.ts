// Game REST routes: the host creates a game; anyone can ask whether a room code exists
// (rate-limited per address, like the socket join steps, so codes cannot be enumerated).
import type express from 'express';
import type { z } from 'zod';
import { createGameBodySchema, roomCodeSchema } from '../../shared/schemas.js';
import { tonightReview, UnknownMembersError } from '../memory/tonight.js';
import type { AppDeps } from '../app.js';
import type { MemoryIndex } from '../memory/memory-index.js';
import { sendError } from '../http/errors.js';
import { createLiveGame } from './create-game.js';
import { QuestionSourceError } from './question-source.js';
import type { RoomDirectory } from './directory.js';
import type { RoomRegistry } from './registry.js';
import { lanAddresses } from '../banner.js';

/** "secondsPerQuestion: Too big: expected number to be <=120; …" for the host's form. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function gameRoutes(
  app: express.Express,
  deps: AppDeps,
  host: express.RequestHandler,
  rooms: RoomRegistry,
  directory: RoomDirectory,
  memory: MemoryIndex,
): void {
  const { store, limits } = rooms.opts;

  app.post('/api/games', host, async (req, res) => {
    const parsed = createGameBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'BAD_PAYLOAD', describeIssues(parsed.error));
    if (parsed.data.playerCap > directory.playerCapMax) {
      return sendError(res, 400, 'BAD_PAYLOAD', `playerCap: Too big: expected number to be <=${directory.playerCapMax}`);
    }
    if (rooms.size >= rooms.maxLiveRooms) return sendError(res, 503, 'TOO_MANY_GAMES');
    const { review, ...settings } = parsed.data;
    let created;
    try {
      // Tonight's review: the facts the expected members most need, in that order.
      // With the preview's seed, the game asks what the preview showed.
      const ranking = review
        ? await tonightReview(deps.db.prisma, memory, { deckId: settings.deckId, count: settings.questionCount, topics: settings.topics, ...review })
        : null;
      const focus = ranking ? { facts: ranking.ranked, seed: ranking.review.seed } : undefined;
      created = await createLiveGame(settings, { questions: rooms.opts.questions, store, directory }, focus);
    } catch (error) {
      if (error instanceof QuestionSourceError) {
        return error.code === 'UNKNOWN_DECK' ? sendError(res, 404, error.code) : sendError(res, 422, error.code);
      }
      if (error instanceof UnknownMembersError) return sendError(res, 400, 'BAD_PAYLOAD', 'review.members: unknown member id');
      throw error;
    }
    const base = joinBase(deps.publicUrl, req.protocol, req.get('host') ?? 'localhost');
    res.status(201).json({
      ok: true,
      data: { ...created, joinUrl: `${base}/?code=${created.code}` },
    });
  });

  app.get('/api/rooms/:code', async (req, res) => {
    if (!(await limits.join.take(req.ip ?? 'unknown'))) return sendError(res, 429, 'RATE_LIMITED');
    const parsed = roomCodeSchema.safeParse(req.params.code);
    // A malformed code is as unknown as a well-formed one nobody uses.
    if (!parsed.success) return sendError(res, 404, 'UNKNOWN_ROOM');
    const code = parsed.data;
    const room = await directory.byCode(code);
    const info = room ? await room.info() : null;
    if (!info?.ok) {
      // Not in memory: a game that used this code recently is over (finished, or lost in a
      // restart); anything else was never a room.
      const past = info ? true : await rooms.past.byCode(code);
      return past ? sendError(res, 410, 'GAME_FINISHED') : sendError(res, 404, 'UNKNOWN_ROOM');
    }
    if (info.data.status === 'finished') return sendError(res, 410, 'GAME_FINISHED');
    const check = info.data.check;
    res.json({
      ok: true,
      data: {
        code,
        status: info.data.status,
        lateJoin: info.data.lateJoin,
        joinable: check.ok,
        reason: check.ok ? null : check.error.code,
      },
    });
  });
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Where phones join: PUBLIC_URL if set; else the address the host opened, unless that is
 *  this computer's loopback (no phone can reach "localhost"), then its LAN address. */
export function joinBase(publicUrl: string | undefined, protocol: string, host: string, lan: string[] = lanAddresses()): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const at = host.lastIndexOf(':');
  const hasPort = at > host.lastIndexOf(']');
  const hostname = hasPort ? host.slice(0, at) : host;
  if (LOOPBACK.test(hostname) && lan[0]) return `${protocol}://${lan[0]}${hasPort ? host.slice(at) : ''}`;
  return `${protocol}://${host}`;
}
