// REST routes of the group's memory (docs/rest-api.md, "The group's memory"). The host's
// routes need the host secret; a member's own page needs the device key their phone keeps
// (X-Device-Key), so a phone only ever sees its own member.
import type express from 'express';
import { z } from 'zod';
import { createGameSchema, deviceKeySchema, idSchema, mergeMembersSchema, reviewOptionsSchema } from '../../shared/schemas.js';
import type { AppDeps } from '../app.js';
import { HttpError, sendError } from '../http/errors.js';
import { describeIssues } from '../rooms/routes.js';
import type { RateLimits } from '../rooms/rate-limits.js';
import { hashToken } from '../rooms/secrets.js';
import { tsvLine } from '../results/anki.js';
import { attachment } from '../results/csv.js';
import { flattenField } from '../results/notes.js';
import { GAME_RULES } from '../../shared/game-types.js';
import type { MemoryIndex } from './memory-index.js';
import { forgetMember, listMembers, mergeMembers } from './manage.js';
import { deckProgress, dueFacts, memberPage } from './progress.js';
import { picksOf, tonightReview, UnknownMembersError } from './tonight.js';
import { QuestionSourceError, type QuestionSource } from '../rooms/question-source.js';
import { randomBytes } from 'node:crypto';

const reviewQuery = z.strictObject({
  count: z.coerce.number().int().min(1).max(GAME_RULES.questionCountMax).default(GAME_RULES.questionCountDefault),
  members: z
    .string()
    .max(200 * 65)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(idSchema).min(1).max(200))
    .optional(),
  newShare: z.coerce.number().min(0).max(1).optional(),
  seed: z.string().optional(),
  /** The game's kinds of question (comma-separated); absent: all. */
  kinds: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .optional(),
  topics: z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'topics: JSON array of topic paths' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.array(z.string().min(1).max(200)).min(1).max(12)).max(200))
    .optional(),
});

function id(value: unknown): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'BAD_PAYLOAD', 'Invalid id.');
  return parsed.data;
}

export function memoryRoutes(
  app: express.Express,
  deps: AppDeps,
  host: express.RequestHandler,
  limits: RateLimits,
  memory: MemoryIndex,
  questions: QuestionSource,
): void {
  const prisma = deps.db.prisma;

  /** The member whose device key the request carries; a made-up key costs a lookup. */
  async function memberOfDevice(req: express.Request): Promise<string> {
    const key = deviceKeySchema.safeParse(req.get('x-device-key') ?? '');
    if (!key.success) throw new HttpError(400, 'BAD_PAYLOAD', 'X-Device-Key: the key this device keeps for the server.');
    if (!(await limits.lookup.take(req.ip ?? 'unknown'))) throw new HttpError(429, 'RATE_LIMITED');
    const device = await prisma.memberDevice.findUnique({ where: { keyHash: hashToken(key.data) }, select: { memberId: true } });
    if (!device) throw new HttpError(404, 'NOT_FOUND', 'This device has not played a counted game yet.');
    return device.memberId;
  }

  app.get('/api/decks/:deckId/review', host, async (req, res) => {
    const deckId = id(req.params.deckId);
    const query = reviewQuery.safeParse(req.query);
    if (!query.success) return sendError(res, 400, 'BAD_PAYLOAD', describeIssues(query.error));
    const options = reviewOptionsSchema.safeParse({ members: query.data.members, newShare: query.data.newShare, seed: query.data.seed });
    if (!options.success) return sendError(res, 400, 'BAD_PAYLOAD', describeIssues(options.error));
    if (!(await prisma.deck.findUnique({ where: { id: deckId }, select: { id: true } }))) return sendError(res, 404, 'UNKNOWN_DECK');
    const settings = createGameSchema.safeParse({ deckId, topics: query.data.topics ?? [], questionCount: query.data.count, kinds: query.data.kinds });
    if (!settings.success) return sendError(res, 400, 'BAD_PAYLOAD', describeIssues(settings.error));
    try {
      const seed = options.data.seed ?? randomBytes(6).toString('hex');
      const ranking = await tonightReview(prisma, memory, { deckId, count: query.data.count, topics: settings.data.topics, ...options.data, seed });
      // The questions the game would make from it (POST /api/games with this seed makes the same).
      const set = await questions.load(settings.data, seed, ranking.ranked);
      res.json({ ok: true, data: { ...ranking.review, picks: picksOf(ranking, set.questions.map((q) => q.factId)) } });
    } catch (error) {
      if (error instanceof UnknownMembersError) return sendError(res, 400, 'BAD_PAYLOAD', 'members: unknown member id');
      if (error instanceof QuestionSourceError) return sendError(res, error.code === 'UNKNOWN_DECK' ? 404 : 422, error.code);
      throw error;
    }
  });

  app.get('/api/decks/:deckId/progress', host, async (req, res) => {
    res.json({ ok: true, data: await deckProgress(prisma, id(req.params.deckId)) });
  });

  app.get('/api/members', host, async (_req, res) => {
    res.json({ ok: true, data: await listMembers(prisma) });
  });

  app.post('/api/members/merge', host, async (req, res) => {
    const body = mergeMembersSchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'BAD_PAYLOAD', describeIssues(body.error));
    await mergeMembers(prisma, body.data.from, body.data.into);
    res.json({ ok: true, data: null });
  });

  app.delete('/api/members/:memberId', host, async (req, res) => {
    await forgetMember(prisma, id(req.params.memberId));
    res.json({ ok: true, data: null });
  });

  app.get('/api/members/:memberId/page', host, async (req, res) => {
    res.json({ ok: true, data: await memberPage(prisma, id(req.params.memberId)) });
  });

  app.get('/api/me', async (req, res) => {
    res.json({ ok: true, data: await memberPage(prisma, await memberOfDevice(req)) });
  });

  app.get('/api/me/due.tsv', async (req, res) => {
    const memberId = await memberOfDevice(req);
    const deckId = id(req.query.deckId);
    const due = await dueFacts(prisma, memberId, deckId);
    res.setHeader('Content-Type', 'text/tab-separated-values; charset=utf-8');
    res.setHeader('Content-Disposition', attachment('due-facts.tsv'));
    res.send(due.map((f) => tsvLine(flattenField(f.term), flattenField(f.fact))).join(''));
  });
}
