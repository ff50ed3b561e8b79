// When the import thread cannot start, or dies in the middle of an import, the import is run
// again on the main thread and succeeds, with the warning in the log; and an import whose write
// fails half-way changes nothing (one transaction).
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigNotes } from '../bench/big-notes.js';
import { createApp, type App } from '../server/app.js';
import { importFiles } from '../server/bank/import.js';
import { threadImportWorker, type ImportWorker } from '../server/bank/import-thread.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
const TOKEN = 'fallback-test-secret-0123456789';

// A worker entry that serves every step like the real one but exits when asked to plan the
// writes, i.e. with the import's transaction open.
const steps = new URL('../server/bank/import-steps.ts', import.meta.url).href;
const thread = new URL('../server/bank/import-thread.ts', import.meta.url).href;
const DIES_IN_PLAN = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from 'node:worker_threads';
    import { ImportSteps } from ${JSON.stringify(steps)};
    import { answer } from ${JSON.stringify(thread)};
    const steps = new ImportSteps();
    parentPort.on('message', (r) => (r.step === 'plan' ? process.exit(7) : parentPort.postMessage(answer(steps, r))));
  `)}`,
);

let test: TestDatabase;
const logs: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) });

async function withApp<T>(worker: ImportWorker, fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const app: App = createApp({ db: test.db, logger, hostToken: TOKEN, importWorker: worker });
  const port = await app.listen(0, '127.0.0.1');
  try {
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    await app.close();
  }
}

async function importThroughRoute(baseUrl: string, deck: string): Promise<any> {
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const created = await (await fetch(`${baseUrl}/api/decks`, { method: 'POST', headers, body: JSON.stringify({ name: deck }) })).json();
  const body = JSON.stringify({ files: SEEDS.map((name) => ({ name, text: seedText(name) })) });
  const res = await fetch(`${baseUrl}/api/decks/${created.data.id}/files`, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
  return { deckId: created.data.id, report: (await res.json()).data };
}

async function counts(deckId: string) {
  const prisma = test.db.prisma;
  const [facts, terms, topics, files] = await Promise.all([
    prisma.fact.count({ where: { deckId } }),
    prisma.term.count({ where: { deckId } }),
    prisma.topic.count({ where: { deckId } }),
    prisma.sourceFile.findMany({ where: { deckId }, select: { name: true, hash: true }, orderBy: { name: 'asc' } }),
  ]);
  return { facts, terms, topics, files };
}

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe('import thread fallback', () => {
  let reference: { facts: number; report: any };

  beforeAll(async () => {
    // What the main thread alone makes of the seeds.
    const deck = await test.db.prisma.deck.create({ data: { name: 'reference' } });
    const { report } = await importFiles(test.db.prisma, deck.id, SEEDS.map((name) => ({ name, data: seedText(name) })));
    reference = { facts: report.totals.facts, report };
  }, 60_000);

  it('imports on the main thread when the thread cannot start', async () => {
    logs.length = 0;
    const worker = threadImportWorker(logger, { entry: new URL('./no-such-import-worker.ts', import.meta.url) });
    const { deckId, report } = await withApp(worker, (url) => importThroughRoute(url, 'no thread'));
    expect(report.totals).toEqual(reference.report.totals);
    expect((await counts(deckId)).facts).toBe(reference.facts);
    expect(logs.join('')).toContain('importing on the main thread');
  }, 60_000);

  it('starts again on the main thread when the thread dies with the transaction open', async () => {
    logs.length = 0;
    const worker = threadImportWorker(logger, { entry: DIES_IN_PLAN });
    const { deckId, report } = await withApp(worker, (url) => importThroughRoute(url, 'thread dies'));
    expect(report.totals).toEqual(reference.report.totals);
    expect(report.files.map((f: any) => f.status)).toEqual(SEEDS.map(() => 'imported'));
    const c = await counts(deckId);
    expect(c.facts).toBe(reference.facts);
    expect(c.files.map((f) => f.name)).toEqual(SEEDS);
    expect(logs.join('')).toContain('import thread unavailable');
  }, 60_000);

  it('starts the thread when a deck is created, before its first upload arrives', async () => {
    logs.length = 0;
    // A thread that cannot start shows the attempt in the log; nothing has been imported.
    const worker = threadImportWorker(logger, { entry: new URL('./no-such-import-worker.ts', import.meta.url) });
    await withApp(worker, async (url) => {
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const res = await fetch(`${url}/api/decks`, { method: 'POST', headers, body: JSON.stringify({ name: 'prepared' }) });
      expect(res.status).toBe(201);
      for (let i = 0; i < 100 && !logs.join('').includes('import thread failed'); i++) await new Promise((r) => setTimeout(r, 50));
    });
    expect(logs.join('')).toContain('import thread failed');
    await worker.close();
  }, 30_000);

  it('lets an idle thread go and starts a new one for the next import', async () => {
    logs.length = 0;
    const worker = threadImportWorker(logger, { idleMs: 50 });
    await withApp(worker, async (url) => {
      const first = await importThroughRoute(url, 'idle 1');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await importThroughRoute(url, 'idle 2');
      expect(second.report.totals).toEqual(first.report.totals);
    });
    expect(logs.join('')).toBe('');
  }, 60_000);

  it('refuses notes that need more memory than the thread may use, without trying the main thread', async () => {
    logs.length = 0;
    const worker = threadImportWorker(logger, { maxHeapMb: 48 });
    const before = await test.db.prisma.fact.count();
    await withApp(worker, async (url) => {
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const deck = (await (await fetch(`${url}/api/decks`, { method: 'POST', headers, body: JSON.stringify({ name: 'too big' }) })).json()).data.id;
      const res = await fetch(`${url}/api/decks/${deck}/files`, { method: 'POST', headers, body: JSON.stringify({ name: 'big.md', text: bigNotes(600_000) }) });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('TOO_LARGE');
    });
    expect(await test.db.prisma.fact.count()).toBe(before);
    expect(logs.join('')).not.toContain('importing on the main thread');
  }, 60_000);

  it('rolls everything back when a write fails half-way', async () => {
    const prisma = test.db.prisma;
    const deck = await prisma.deck.findFirstOrThrow({ where: { name: 'reference' } });
    const before = await counts(deck.id);
    // The transaction refuses to insert facts: by then the file row was replaced and its old
    // facts deleted, so only a real rollback leaves the deck as it was.
    const failing = new Proxy(prisma, {
      get(target, prop, receiver) {
        if (prop !== '$transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>, opts: unknown) =>
          target.$transaction((tx) => {
            const run = (sql: string, ...args: unknown[]) => (sql.startsWith('INSERT INTO "Fact"') ? Promise.reject(new Error('disk full')) : tx.$executeRawUnsafe(sql, ...args));
            return fn(new Proxy(tx, { get: (t, p) => (p === '$executeRawUnsafe' ? run : Reflect.get(t, p)) }));
          }, opts as never);
      },
    });
    const text = seedText(SEEDS[2]) + '\nZebra Crossing\nA striped place where people may cross the road safely\n';
    await expect(importFiles(failing, deck.id, [{ name: SEEDS[2], data: text }])).rejects.toThrow(/disk full/);
    expect(await counts(deck.id)).toEqual(before);
  }, 60_000);
});
