// Post-game results REST routes (docs/rest-api.md, "Games"): the topic breakdown, the CSV and
// missed-facts exports and the host's game history. Everything is read from the database.
// The report and exports need no host secret: game ids are unguessable ids handed to the
// players, and nothing secret (token hashes) is ever selected. While a game runs, they show
// only its revealed questions to anyone but its host (running-game.ts).
import type express from 'express';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas.js';
import type { AppDeps } from '../app.js';
import { HttpError } from '../http/errors.js';
import { missedTsv } from './anki.js';
import { attachment, downloadName, gameCsv } from './csv.js';
import { historyItems } from './history.js';
import { loadGameRows, loadHistoryRows, loadSourceTexts, type GameRows } from './load.js';
import { contextWanted, fillContext } from './notes.js';
import { buildReport } from './report.js';
import { visibleRows } from './running-game.js';
import { hostTokenFrom } from '../http/host-guard.js';

export const HISTORY_LIMIT_MAX = 100;

const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(HISTORY_LIMIT_MAX).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const playerQuery = z.object({ player: idSchema.optional() });

export function resultsRoutes(app: express.Express, deps: AppDeps, host: express.RequestHandler): void {
  const prisma = deps.db.prisma;

  /** The game's rows, or 404 UNKNOWN_GAME; a malformed id cannot exist, so it is a 404 too. */
  async function gameRows(req: express.Request): Promise<GameRows> {
    const id = idSchema.safeParse(req.params.gameId);
    const rows = id.success ? await loadGameRows(prisma, id.data) : null;
    if (!rows) throw new HttpError(404, 'UNKNOWN_GAME');
    return visibleRows(prisma, rows, hostTokenFrom(req.headers), deps.hostToken);
  }

  /** The optional ?player=, which must be a player of this game. */
  function playerParam(req: express.Request, rows: GameRows): string | undefined {
    const parsed = playerQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, 'BAD_PAYLOAD', 'player must be a player id.');
    const { player } = parsed.data;
    if (player !== undefined && !rows.players.some((p) => p.id === player)) throw new HttpError(404, 'UNKNOWN_PLAYER');
    return player;
  }

  app.get('/api/games', host, async (req, res) => {
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new HttpError(400, 'BAD_PAYLOAD', `limit must be 1 to ${HISTORY_LIMIT_MAX} and offset 0 or more.`);
    }
    const rows = await loadHistoryRows(prisma, parsed.data.limit, parsed.data.offset);
    // The body stays the plain array the API promises; the total rides along in a header.
    res.set('X-Total-Count', String(rows.total));
    res.set('Cache-Control', 'no-store');
    res.json({ ok: true, data: historyItems(rows) });
  });

  app.get('/api/games/:gameId/report', async (req, res) => {
    const rows = await gameRows(req);
    const playerId = playerParam(req, rows);
    const { report, needsContext } = buildReport(rows, { playerId });
    const texts = await loadSourceTexts(prisma, rows.game.deckId, contextWanted(needsContext.map((n) => n.question), rows.facts));
    for (const { source, question } of needsContext) fillContext(source, question, rows.facts, texts);
    // A game still running changes its report with every answer.
    res.set('Cache-Control', 'no-store');
    res.json({ ok: true, data: report });
  });

  app.get('/api/games/:gameId/export.csv', async (req, res) => {
    const rows = await gameRows(req);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', attachment(downloadName(rows.game, 'csv')));
    res.set('Cache-Control', 'no-store');
    res.send(gameCsv(rows));
  });

  app.get('/api/games/:gameId/missed.tsv', async (req, res) => {
    const rows = await gameRows(req);
    const playerId = playerParam(req, rows);
    const player = playerId ? rows.players.find((p) => p.id === playerId) : undefined;
    res.set('Content-Type', 'text/tab-separated-values; charset=utf-8');
    res.set('Content-Disposition', attachment(downloadName(rows.game, 'tsv', ['missed', player?.nickname ?? ''])));
    res.set('Cache-Control', 'no-store');
    res.send(missedTsv(rows, playerId));
  });
}
