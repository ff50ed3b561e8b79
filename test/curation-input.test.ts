// Bad input to the curation routes gets a clear 4xx and changes nothing: missing or wrong host
// secret, malformed ids, unknown decks, facts, terms, games and questions, empty or huge text,
// unknown keys. Also: a question with no fact behind it cannot be flagged (409), and the CLI's
// `questions` leaves out what the host curated.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { CURATION_NOTES, call } from './support/curation.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

let tdb: TestDatabase;
let server: RunningApp;
let deckId: string;
let factId: string;
let gameId: string;

const api = <T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>) => call<T>(server, method, url, body, headers);

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const p = tdb.db.prisma;
  const [deck, facts, struck, notTerms, flagged, edits, terms] = await Promise.all([
    p.deck.findUniqueOrThrow({ where: { id: deckId }, select: { updatedAt: true } }),
    p.fact.findMany({ where: { deckId }, select: { id: true, term: true, fact: true, flags: true, termId: true }, orderBy: { id: 'asc' } }),
    p.struckQuestion.count(),
    p.notATerm.count(),
    p.flaggedFact.count(),
    p.factEdit.count(),
    p.term.count({ where: { deckId } }),
  ]);
  return { deck, facts, struck, notTerms, flagged, edits, terms };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startApp(tdb.db);
  deckId = (await api('POST', '/api/decks', { name: 'Bad input' })).data.id;
  await api('POST', `/api/decks/${deckId}/files`, { name: 'notes.md', text: CURATION_NOTES });
  factId = (await api('GET', `/api/decks/${deckId}/facts?q=UDP`)).data.items.find((f: { term: string }) => f.term === 'UDP').id;
  gameId = (await api('POST', '/api/games', { deckId, questionCount: 3 })).data.gameId;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

describe('refused requests change nothing', () => {
  it('answers each bad request with the right status and code', async () => {
    const before = await snapshot();
    const d = `/api/decks/${deckId}`;
    const long = 'x'.repeat(2001);
    const cases: [string, string, unknown, number, string, Record<string, string>?][] = [
      // Host secret.
      ['GET', `${d}/curation`, undefined, 401, 'NOT_HOST', {}],
      ['POST', `${d}/curation/strikes`, { factId, kind: 'cloze' }, 403, 'NOT_HOST', { authorization: 'Bearer not-the-secret-at-all' }],
      ['PATCH', `${d}/facts/${factId}`, { term: 'X' }, 401, 'NOT_HOST', {}],
      ['POST', `/api/games/${gameId}/questions/0/flag`, undefined, 403, 'NOT_HOST', { authorization: 'Bearer wrong-wrong-wrong-wrong' }],
      // Unknown deck.
      ['GET', '/api/decks/nope/curation', undefined, 404, 'UNKNOWN_DECK'],
      ['POST', '/api/decks/nope/curation/strikes', { factId, kind: 'cloze' }, 404, 'UNKNOWN_DECK'],
      ['PATCH', `/api/decks/nope/facts/${factId}`, { term: 'X' }, 404, 'UNKNOWN_DECK'],
      // Strikes.
      ['POST', `${d}/curation/strikes`, { factId: 'not an id!', kind: 'cloze' }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/strikes`, { factId, kind: 'essay' }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/strikes`, { factId, kind: 'cloze', extra: 1 }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/strikes`, { factId }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/strikes`, '{"factId":', 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/strikes`, { factId: 'ffffffffffffffff', kind: 'cloze' }, 404, 'NOT_FOUND'],
      ['DELETE', `${d}/curation/strikes/cnotathing000000`, undefined, 404, 'NOT_FOUND'],
      ['DELETE', `${d}/curation/strikes/bad%20id`, undefined, 400, 'BAD_PAYLOAD'],
      // Not a term.
      ['POST', `${d}/curation/not-terms`, { termKey: '' }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/not-terms`, { termKey: 'k'.repeat(301) }, 400, 'BAD_PAYLOAD'],
      ['POST', `${d}/curation/not-terms`, { termKey: 'no such term' }, 404, 'NOT_FOUND'],
      ['POST', `${d}/curation/not-terms`, { termKey: 42 }, 400, 'BAD_PAYLOAD'],
      ['DELETE', `${d}/curation/not-terms/cnotathing000000`, undefined, 404, 'NOT_FOUND'],
      // Edits.
      ['PATCH', `${d}/facts/${factId}`, {}, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { term: '   ' }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { fact: '' }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { fact: long }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { term: 'x'.repeat(201) }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { fact: 'bell\u0007 character' }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { term: 'UDP', note: 'hi' }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/${factId}`, { term: ['UDP'] }, 400, 'BAD_PAYLOAD'],
      ['PATCH', `${d}/facts/ffffffffffffffff`, { term: 'X' }, 404, 'NOT_FOUND'],
      ['PATCH', `${d}/facts/bad.id`, { term: 'X' }, 400, 'BAD_PAYLOAD'],
      // Flags.
      ['POST', '/api/games/nosuchgame/questions/0/flag', undefined, 404, 'UNKNOWN_GAME'],
      ['POST', `/api/games/${gameId}/questions/99/flag`, undefined, 404, 'NOT_FOUND'],
      ['POST', `/api/games/${gameId}/questions/-1/flag`, undefined, 400, 'BAD_PAYLOAD'],
      ['POST', `/api/games/${gameId}/questions/one/flag`, undefined, 400, 'BAD_PAYLOAD'],
      ['POST', `/api/games/${gameId}/questions/1.5/flag`, undefined, 400, 'BAD_PAYLOAD'],
      ['POST', `/api/games/bad%24id/questions/0/flag`, undefined, 400, 'BAD_PAYLOAD'],
      ['DELETE', `${d}/curation/flags/${factId}`, undefined, 404, 'NOT_FOUND'],
    ];
    for (const [method, url, body, status, code, headers] of cases) {
      const res = await api(method, url, body, headers);
      const what = `${method} ${url} ${JSON.stringify(body)?.slice(0, 60)}`;
      expect(res.status, what).toBe(status);
      expect(res.ok, what).toBe(false);
      expect(res.error?.code, what).toBe(code);
      expect(res.error?.message.length, what).toBeGreaterThan(5);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('says why a question with no fact behind it cannot be flagged (409)', async () => {
    await tdb.db.prisma.gameQuestion.update({ where: { gameId_index: { gameId, index: 0 } }, data: { factId: null } });
    const res = await api('POST', `/api/games/${gameId}/questions/0/flag`);
    expect(res.status).toBe(409);
    expect(res.error?.message).toMatch(/not made from a fact/);
    expect(await tdb.db.prisma.flaggedFact.count()).toBe(0);
  });

  it('lists a fact’s curation in the fact browser; deleting the deck takes its curation with it', async () => {
    const other = (await api('POST', '/api/decks', { name: 'Short-lived' })).data.id;
    await api('POST', `/api/decks/${other}/files`, { name: 'n.md', text: CURATION_NOTES });
    const item = (await api('GET', `/api/decks/${other}/facts?limit=1`)).data.items[0];
    expect(item.curation).toEqual({ flagged: false, edited: false, struckKinds: [], notATerm: false });
    expect((await api('POST', `/api/decks/${other}/curation/strikes`, { factId: item.id, kind: 'cloze' })).status).toBe(201);
    expect((await api('POST', `/api/decks/${other}/curation/not-terms`, { termKey: item.termKey })).status).toBe(201);
    expect((await api('PATCH', `/api/decks/${other}/facts/${item.id}`, { fact: 'changed text for this one fact' })).status).toBe(200);
    expect((await api('DELETE', `/api/decks/${other}`)).status).toBe(200);
    const p = tdb.db.prisma;
    expect(await p.struckQuestion.count({ where: { deckId: other } })).toBe(0);
    expect(await p.notATerm.count({ where: { deckId: other } })).toBe(0);
    expect(await p.factEdit.count({ where: { deckId: other } })).toBe(0);
  });
});

describe('the notes CLI', () => {
  it('leaves a "not a term" term out of `questions`', { timeout: 60_000 }, async () => {
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/notes.ts', ...args], {
          cwd: path.resolve(import.meta.dirname, '..'),
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: tdb.url },
        });
        let stdout = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.on('exit', (code) => resolve({ code, stdout }));
      });
    const args = ['questions', '--deck', 'Bad input', '--count', '50', '--seed', '3'];
    const before = await cli(args);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/NVMe/);
    const nvme = (await api('GET', `/api/decks/${deckId}/facts?q=NVMe`)).data.items[0];
    expect((await api('POST', `/api/decks/${deckId}/curation/not-terms`, { termKey: nvme.termKey })).status).toBe(201);
    const after = await cli(args);
    expect(after.code).toBe(0);
    expect(after.stdout.length).toBeGreaterThan(100);
    expect(after.stdout).not.toMatch(/NVMe|PCI Express/);
  });
});
