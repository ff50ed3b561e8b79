// Host curation REST routes (docs/rest-api.md, "Curation"). All are host-only; params and bodies
// are zod-parsed before any database work; answers use the {ok,data} envelope. Creating routes
// answer 201 the first time and 200 when the same thing was already there (idempotent).
import type express from 'express';
import { editFactBody, notTermBody, strikeBody } from '../../shared/curation-types.js';
import type { AppDeps } from '../app.js';
import {
  deckCuration,
  markNotATerm,
  strikeQuestion,
  unflagFact,
  unmarkNotATerm,
  unstrikeQuestion,
} from './curation.js';
import { editFact } from './curation-edit.js';
import { flagQuestion } from './curation-flags.js';
import { factItem } from './facts-query.js';
import { curationRowParams, deckParams, factParams, gameQuestionParams, parseInput } from './schemas.js';

function send<T>(res: express.Response, data: T, status = 200): void {
  res.status(status).json({ ok: true, data });
}

export function curationRoutes(app: express.Express, deps: AppDeps, host: express.RequestHandler): void {
  const prisma = deps.db.prisma;

  app.get('/api/decks/:deckId/curation', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    send(res, await deckCuration(prisma, deckId));
  });

  app.post('/api/decks/:deckId/curation/strikes', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    const body = parseInput(strikeBody, req.body, 'strike');
    const { item, created } = await strikeQuestion(prisma, deckId, body);
    send(res, item, created ? 201 : 200);
  });

  app.delete('/api/decks/:deckId/curation/strikes/:id', host, async (req, res) => {
    const { deckId, id } = parseInput(curationRowParams, req.params, 'strike id');
    await unstrikeQuestion(prisma, deckId, id);
    send(res, null);
  });

  app.post('/api/decks/:deckId/curation/not-terms', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    const body = parseInput(notTermBody, req.body, 'term');
    const { item, created } = await markNotATerm(prisma, deckId, body.termKey);
    send(res, item, created ? 201 : 200);
  });

  app.delete('/api/decks/:deckId/curation/not-terms/:id', host, async (req, res) => {
    const { deckId, id } = parseInput(curationRowParams, req.params, 'id');
    await unmarkNotATerm(prisma, deckId, id);
    send(res, null);
  });

  app.delete('/api/decks/:deckId/curation/flags/:factId', host, async (req, res) => {
    const { deckId, factId } = parseInput(factParams, req.params, 'fact id');
    await unflagFact(prisma, deckId, factId);
    send(res, null);
  });

  app.patch('/api/decks/:deckId/facts/:factId', host, async (req, res) => {
    const { deckId, factId } = parseInput(factParams, req.params, 'fact id');
    const body = parseInput(editFactBody, req.body, 'edit');
    await editFact(prisma, deckId, factId, body);
    deps.logger.info({ deckId, factId, fields: Object.keys(body) }, 'fact edited');
    send(res, await factItem(prisma, deckId, factId));
  });

  // Game-scoped: the host's key at a reveal. Any game of this server, running or finished.
  app.post('/api/games/:gameId/questions/:index/flag', host, async (req, res) => {
    const { gameId, index } = parseInput(gameQuestionParams, req.params, 'question');
    const { item, created } = await flagQuestion(prisma, gameId, index);
    send(res, item, created ? 201 : 200);
  });
}
