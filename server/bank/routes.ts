// Notes bank REST routes (docs/rest-api.md, "Notes bank (host)"). All are host-only; inputs are
// zod-parsed before anything else runs; answers use the {ok,data} envelope. Express 5 forwards
// rejected promises to the error handler, which turns HttpError into the error envelope.
import { randomBytes } from 'node:crypto';
import type express from 'express';
import type { AppDeps } from '../app.js';
import { requireHost } from '../http/host-guard.js';
import type { QuestionGenerator } from '../questions/generator-thread.js';
import { curationExclusions, withBankFacts } from './curation.js';
import { createDeck, deckSummary, deleteDeck, listDecks, requireDeck, unknownDeck } from './decks.js';
import { listFacts } from './facts-query.js';
import { deleteFile, fileContext, listFiles } from './files.js';
import { importNotes, reportJson } from './import.js';
import { deckBankRef } from './load-bank.js';
import { contextQuery, createDeckBody, deckParams, factsQuery, fileParams, parseInput, previewQuery } from './schemas.js';
import { topicTree } from './topics.js';
import { readUploads } from './upload.js';
import type { UploadInput } from './sniff.js';

function send<T>(res: express.Response, data: T, status = 200): void {
  res.status(status).json({ ok: true, data });
}

export function bankRoutes(app: express.Express, deps: AppDeps, host: express.RequestHandler, generator: QuestionGenerator): void {
  const prisma = deps.db.prisma;

  app.get('/api/decks', host, async (_req, res) => send(res, await listDecks(prisma)));

  app.post('/api/decks', host, async (req, res) => {
    const body = parseInput(createDeckBody, req.body, 'deck');
    send(res, await createDeck(prisma, body.name), 201);
    // A new deck's next request is its first import.
    deps.importWorker?.prepare();
  });

  app.get('/api/decks/:deckId', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    send(res, await deckSummary(prisma, deckId));
  });

  app.delete('/api/decks/:deckId', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    await deleteDeck(prisma, deckId);
    send(res, null);
  });

  // Params are checked before the body is read, so a bad deck id costs nothing.
  app.post(
    '/api/decks/:deckId/files',
    // The host check only: readUploads reads the body itself, with the import's own limits.
    requireHost(deps.hostToken),
    async (req, _res, next) => {
      const { deckId } = parseInput(deckParams, req.params, 'deck id');
      await requireDeck(prisma, deckId);
      deps.importWorker?.prepare();
      next();
    },
    readUploads,
    async (req, res) => {
      const { deckId } = parseInput(deckParams, req.params, 'deck id');
      const uploads = res.locals.uploads as UploadInput[];
      const result = await importNotes(prisma, deckId, uploads, { worker: deps.importWorker });
      deps.logger.info({ deckId, files: result.summary, ...result.timings }, 'notes imported');
      // The import thread serialised the report's files: a big report is not walked again here.
      res.status(200).type('application/json').send(`{"ok":true,"data":${reportJson(result)}}`);
    },
  );

  app.get('/api/decks/:deckId/files', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    send(res, await listFiles(prisma, deckId));
  });

  app.delete('/api/decks/:deckId/files/:fileId', host, async (req, res) => {
    const { deckId, fileId } = parseInput(fileParams, req.params, 'file id');
    await deleteFile(prisma, deckId, fileId);
    send(res, null);
  });

  app.get('/api/decks/:deckId/files/:fileId/context', host, async (req, res) => {
    const { deckId, fileId } = parseInput(fileParams, req.params, 'file id');
    const { line, radius } = parseInput(contextQuery, req.query, 'query');
    send(res, await fileContext(prisma, deckId, fileId, line, radius));
  });

  app.get('/api/decks/:deckId/topics', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    await requireDeck(prisma, deckId);
    send(res, await topicTree(prisma, deckId));
  });

  app.get('/api/decks/:deckId/facts', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    const query = parseInput(factsQuery, req.query, 'query');
    send(res, await listFacts(prisma, deckId, query));
  });

  // A sample of what a game on these topics would ask, answers included (host only).
  app.get('/api/decks/:deckId/questions/preview', host, async (req, res) => {
    const { deckId } = parseInput(deckParams, req.params, 'deck id');
    const q = parseInput(previewQuery, req.query, 'query');
    // Before the bank revision is read: this may put back edits a re-import undid.
    const exclude = await curationExclusions(prisma, deckId);
    const deck = await deckBankRef(prisma, deckId);
    if (!deck) throw unknownDeck();
    // No seed: a fresh sample on every click of "another sample".
    const seed = q.seed ?? randomBytes(6).toString('hex');
    const questions = await generator.generate(deck.ref, { topics: q.topics, count: q.count, seed, kinds: q.kinds, exclude });
    // Each with the fact behind it and its term's name, so the host can fix it from the preview.
    send(res, await withBankFacts(prisma, deckId, questions));
  });
}
