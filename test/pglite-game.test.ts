// A whole quiz evening on the embedded PGlite database (the default when no DATABASE_URL is
// set): migrate a fresh DATA_DIR, import a seed notes file over REST, create a game from the
// notes bank, play it over real sockets (host and two players, manual clock) to the closed
// room, then check the stored rows, the report and the CSV export, all read back from PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameReport } from '../shared/report-types.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { readMigrations } from '../server/db/migrate.js';
import { threadGenerator } from '../server/questions/generator-thread.js';
import { CSV_HEADER } from '../server/results/csv.js';
import { bankQuestionSource } from '../server/rooms/question-source.js';
import {
  attachHost,
  eventually,
  joinPlayer,
  ManualClock,
  okData,
  startRoomsServer,
  type CreatedGame,
  type RoomsServer,
} from './support/socket-clients.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEED_NAME = '001_ab718a6ec3ad9267.txt';
const QUESTIONS = 4;
const T = 10_000;

let dataDir: string;
let db: Database;
let server: RoomsServer;
const clock = new ManualClock();
// The production generator: a worker thread (this test also shows it works under vitest).
const generator = threadGenerator(pino({ level: 'silent' }));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-pglite-game-'));
  db = await openDatabase({ dataDir });
  expect(db.kind).toBe('pglite');
  expect(await db.migrate()).toEqual(readMigrations().map((m) => m.name));
  // The real app, with the production question source (the notes bank) and a manual clock.
  server = await startRoomsServer(db, { clock, questionSource: bankQuestionSource(db.prisma, generator) });
});

afterAll(async () => {
  await server?.close();
  await generator.close();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; json: { ok: boolean; data: T; error?: unknown } }> {
  const res = await fetch(server.baseUrl + url, {
    method,
    headers: server.hostHeaders,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('a whole quiz night on the embedded PGlite database', () => {
  it('imports notes, plays a game to the end and reports it from PGlite', { timeout: 120_000 }, async () => {
    const health = await fetch(`${server.baseUrl}/api/health`).then((r) => r.json());
    expect(health).toEqual({ ok: true, db: 'pglite' });

    // ---- notes bank ---------------------------------------------------------------------
    const deck = await api('POST', '/api/decks', { name: 'AWS ML on PGlite' });
    expect(deck.status).toBe(201);
    const deckId: string = deck.json.data.id;
    // A taken name is a clear 409 on the embedded database too.
    const twice = await api('POST', '/api/decks', { name: 'AWS ML on PGlite' });
    expect([twice.status, twice.json.error]).toEqual([409, { code: 'DECK_EXISTS', message: 'A deck named "AWS ML on PGlite" already exists.' }]);
    const text = fs.readFileSync(path.join(SEEDS_DIR, SEED_NAME), 'utf8');
    const imported = await api('POST', `/api/decks/${deckId}/files`, { name: SEED_NAME, text });
    expect(imported.status, JSON.stringify(imported.json.error)).toBe(200);
    const report = imported.json.data;
    expect(report.files.map((f: any) => [f.name, f.status])).toEqual([[SEED_NAME, 'imported']]);
    expect(report.totals.facts).toBeGreaterThan(20);
    expect(await db.prisma.fact.count({ where: { deckId } })).toBe(report.totals.facts);

    // ---- new game -----------------------------------------------------------------------
    const created = await api<CreatedGame>('POST', '/api/games', { deckId, questionCount: QUESTIONS, secondsPerQuestion: T / 1000 });
    expect(created.status, JSON.stringify(created.json.error)).toBe(201);
    const game = created.json.data;
    expect(game.questionCount).toBe(QUESTIONS);
    // The test peeks at the frozen questions (players cannot) so it knows the right options.
    const stored = await db.prisma.gameQuestion.findMany({ where: { gameId: game.gameId }, orderBy: { index: 'asc' } });
    expect(stored).toHaveLength(QUESTIONS);
    const right = (q: number) => stored[q].answerIndex;
    const wrong = (q: number) => (stored[q].answerIndex + 1) % stored[q].options.length;

    // ---- lobby --------------------------------------------------------------------------
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    const everyone = [host, ann.client, bob.client];
    await host.take('player:joined');
    expect(await host.take('player:joined')).toMatchObject({ total: 2, rejoined: false });

    // ---- questions: Ann always right, Bob always wrong; both answer, so each closes early --
    okData(await host.call('game:start', {}));
    for (let q = 0; q < QUESTIONS; q++) {
      for (const c of everyone) expect(await c.take('question:show')).toMatchObject({ question: { index: q, count: QUESTIONS } });
      clock.advance(3_000);
      const opened = await Promise.all(everyone.map((c) => c.take('question:open')));
      const questionId = opened[0].question.id;
      expect(opened[0].question.options).toEqual(stored[q].options);
      clock.advance(1_000);
      expect(await ann.client.call('answer:submit', { questionId, optionIndex: right(q) })).toEqual({
        ok: true,
        data: { questionId, optionIndex: right(q) },
      });
      clock.advance(1_000);
      okData(await bob.client.call('answer:submit', { questionId, optionIndex: wrong(q) }));
      const reveal = await host.take('question:reveal');
      expect(reveal).toMatchObject({ index: q, correctIndex: right(q), answered: 2, skipped: false });
      const [annResult, bobResult] = await Promise.all([ann.client.take('player:result'), bob.client.take('player:result')]);
      expect(annResult).toMatchObject({ correct: true, optionIndex: right(q) });
      expect(annResult.points).toBeGreaterThan(0);
      expect(bobResult).toMatchObject({ correct: false, optionIndex: wrong(q), points: 0 });
      okData(await host.call('game:next', {}));
      if (q < QUESTIONS - 1) {
        await ann.client.take('leaderboard:show');
        okData(await host.call('game:next', {}));
      }
    }

    // ---- podium and the end -------------------------------------------------------------
    const podium = await bob.client.take('podium:show');
    expect(podium.top.map((e) => [e.nickname, e.rank])).toEqual([['Ann', 1], ['Bob', 2]]);
    okData(await host.call('game:next', {}));
    for (const c of everyone) expect(await c.take('room:closed')).toEqual({ reason: 'finished', gameId: game.gameId });
    for (const c of everyone) c.close();

    // ---- rows in PGlite -----------------------------------------------------------------
    const row = await eventually(async () => {
      const g = await db.prisma.game.findUniqueOrThrow({
        where: { id: game.gameId },
        include: { players: { orderBy: { finalRank: 'asc' } }, questions: { orderBy: { index: 'asc' } } },
      });
      expect(g.endedAt).not.toBeNull();
      expect(g.players.every((p) => p.finalRank !== null)).toBe(true);
      return g;
    });
    expect(row.status).toBe('finished');
    expect(row.startedAt).not.toBeNull();
    expect(row.questions.every((q) => q.askedAt !== null && !q.skipped)).toBe(true);
    expect(row.players.map((p) => [p.nickname, p.finalRank])).toEqual([['Ann', 1], ['Bob', 2]]);
    expect(row.players[0].score).toBe(podium.top[0].score);
    expect(row.players[1].score).toBe(0);
    const answers = await db.prisma.answer.findMany({ where: { gameId: game.gameId }, include: { player: true } });
    expect(answers).toHaveLength(2 * QUESTIONS);
    expect(answers.filter((a) => a.player.nickname === 'Ann').every((a) => a.correct && a.points > 0)).toBe(true);
    expect(answers.filter((a) => a.player.nickname === 'Bob').every((a) => !a.correct && a.points === 0)).toBe(true);

    // ---- report and CSV export ----------------------------------------------------------
    const rep = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report`).then((r) => r.json());
    expect(rep.ok).toBe(true);
    const data = rep.data as GameReport;
    expect(data.game).toMatchObject({ status: 'finished', questionCount: QUESTIONS, countedQuestions: QUESTIONS, playerCount: 2, averageAccuracy: 0.5 });
    expect(data.players.map((p) => [p.nickname, p.rank, p.asked, p.correct, p.accuracy])).toEqual([
      ['Ann', 1, QUESTIONS, QUESTIONS, 1],
      ['Bob', 2, QUESTIONS, 0, 0],
    ]);

    const csvRes = await fetch(`${server.baseUrl}/api/games/${game.gameId}/export.csv`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = (await csvRes.text()).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(CSV_HEADER);
    const body = parsed.data.slice(1);
    expect(body).toHaveLength(2 * QUESTIONS);
    expect(body.map((r) => [r[0], r[5]])).toEqual([
      ...Array.from({ length: QUESTIONS }, () => ['Ann', 'yes']),
      ...Array.from({ length: QUESTIONS }, () => ['Bob', 'no']),
    ]);
  });
});
