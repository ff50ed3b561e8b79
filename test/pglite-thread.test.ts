// The embedded database runs in a worker thread: a slow query keeps that thread busy, not the
// event loop of the live rooms. And everything the server does with it still works the same:
// types come back as Prisma expects, transactions commit and roll back as a whole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/db/database.js';

let dataDir: string;
let db: Database;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-pglite-thread-'));
  db = await openDatabase({ dataDir });
  await db.migrate();
}, 60_000);

afterAll(async () => {
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database in its own thread', () => {
  it('keeps the event loop free while a query takes 1.5 s', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const started = performance.now();
    expect(await db.prisma.$queryRawUnsafe('SELECT 1 AS done FROM pg_sleep(1.5)')).toEqual([{ done: 1 }]);
    const took = performance.now() - started;
    clearInterval(timer);
    loop.disable();
    expect(took).toBeGreaterThanOrEqual(1_400);
    // A 50 ms timer kept firing all along (about 30 times); on the calling thread it would not
    // have fired at all, and the loop would have stopped for the whole 1.5 s. Loose bounds:
    // the suite shares two cores.
    expect(ticks).toBeGreaterThanOrEqual(15);
    expect(loop.max / 1e6).toBeLessThan(700);
  });

  it('returns the column types Prisma expects and keeps transactions whole', async () => {
    const deck = await db.prisma.deck.create({ data: { name: 'Types' } });
    expect(deck.createdAt).toBeInstanceOf(Date);
    const file = await db.prisma.sourceFile.create({
      data: { deckId: deck.id, name: 'n.md', hash: 'h', layout: 'markdown', rawText: 'x', report: { facts: 2, list: [1, 'a'] } },
    });
    expect(file.report).toEqual({ facts: 2, list: [1, 'a'] });
    const topic = await db.prisma.topic.create({ data: { deckId: deck.id, name: 'Cells', path: ['Biology', 'Cells'], pathKey: 'biology / cells', depth: 1 } });
    expect(topic.path).toEqual(['Biology', 'Cells']);
    const fact = await db.prisma.fact.create({
      data: { deckId: deck.id, fileId: file.id, term: 'Osmosis', fact: 'Water moves', lineStart: 1, lineEnd: 1, rule: 'r', confidence: 0.75, flags: ['a', 'b'], ord: 0 },
    });
    expect([fact.confidence, fact.flags, fact.termLine]).toEqual([0.75, ['a', 'b'], null]);
    const counted = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM "Fact"');
    expect(Number(counted[0]!.n)).toBe(1);

    // A failing interactive transaction leaves nothing behind; a good one commits.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.deck.create({ data: { name: 'Rolled back' } });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await db.prisma.$transaction(async (tx) => {
      await tx.deck.create({ data: { name: 'Kept' } });
    });
    expect((await db.prisma.deck.findMany({ orderBy: { name: 'asc' } })).map((d) => d.name)).toEqual(['Kept', 'Types']);
    // A unique violation still arrives as PostgreSQL's code, as on the calling thread.
    await expect(db.prisma.deck.create({ data: { name: 'Kept' } })).rejects.toMatchObject({ cause: { code: '23505' } });
  });
});
