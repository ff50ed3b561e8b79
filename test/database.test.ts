import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';
import { readMigrations } from '../server/db/migrate.js';
import { resolveHostToken } from '../server/host-secret.js';
import { startApp, TEST_HOST_TOKEN, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

describe('embedded PGlite database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-pglite-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('applies the migrations, round-trips data, and keeps it across a reopen', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect(await first.migrate()).toEqual(readMigrations().map((m) => m.name));
    const deck = await first.prisma.deck.create({ data: { name: 'Biology 101' } });
    await first.prisma.sourceFile.create({
      data: { deckId: deck.id, name: 'cells.md', hash: 'h', layout: 'markdown', rawText: '# Cells', report: { facts: 0 } },
    });
    const app = createApp({ db: first, logger: pino({ level: 'silent' }), hostToken: TEST_HOST_TOKEN });
    const port = await app.listen(0, '127.0.0.1');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    expect(health).toEqual({ ok: true, db: 'pglite' });
    await app.close();
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await second.migrate()).toEqual([]);
    const again = await second.prisma.deck.findUnique({ where: { name: 'Biology 101' }, include: { files: true } });
    expect(again?.files.map((f) => f.name)).toEqual(['cells.md']);
    await second.close();
  });
});

describe('PostgreSQL database and the host secret', () => {
  let test: TestDatabase;
  let running: RunningApp;
  beforeAll(async () => {
    test = await createTestDatabase();
    running = await startApp(test.db);
  });
  afterAll(async () => {
    await running.close();
    await test.drop();
  });

  it('reports the database kind on /api/health', async () => {
    const res = await fetch(`${running.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'postgres' });
  });

  it('records migrations the way Prisma does, so prisma migrate status agrees', async () => {
    const rows = await test.db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(await test.db.migrate()).toEqual([]);
  });

  it('guards host routes: no token 401, wrong token 403, right token 200', async () => {
    const url = `${running.baseUrl}/api/host/check`;
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('NOT_HOST');
    const wrong = await fetch(url, { headers: { authorization: 'Bearer not-the-secret' } });
    expect(wrong.status).toBe(403);
    const right = await fetch(url, { headers: running.hostHeaders });
    expect(right.status).toBe(200);
    const viaHeader = await fetch(url, { headers: { 'x-host-token': TEST_HOST_TOKEN } });
    expect(viaHeader.status).toBe(200);
  });

  it('generates the host secret once and keeps it in the database', async () => {
    const a = await resolveHostToken(test.db.prisma);
    const b = await resolveHostToken(test.db.prisma);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b).toBe(a);
    expect(await resolveHostToken(test.db.prisma, 'from-the-environment-123')).toBe('from-the-environment-123');
  });

  it('answers unknown API routes and malformed JSON with a JSON error', async () => {
    const missing = await fetch(`${running.baseUrl}/api/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
    const bad = await fetch(`${running.baseUrl}/api/decks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...running.hostHeaders },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('BAD_PAYLOAD');
  });
});
