// Notes bank imports over real HTTP on a real PostgreSQL database: the five seed files, re-imports
// (unchanged, modified), deletes with the deck-wide recompute, and refusals that change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../server/bank/import.js';
import { deckBankRef, loadBank } from '../server/bank/load-bank.js';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();
const F002 = SEEDS.find((n) => n.startsWith('002_'))!;
const F004 = SEEDS.find((n) => n.startsWith('004_'))!;
const seed = (name: string) => fs.readFileSync(path.join(SEEDS_DIR, name));

let test: TestDatabase;
let server: RunningApp;
let deckId: string;

async function api<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = server.hostHeaders): Promise<{ status: number; json: { ok: boolean; data: T; error?: { code: string; message: string } } }> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(server.baseUrl + url, init);
  return { status: res.status, json: await res.json() };
}

function form(files: { name: string; data: Buffer | string }[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append('files', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)]), f.name);
  return fd;
}

/** The revision key the question generator caches a deck under. */
async function bankKey() {
  return (await deckBankRef(test.db.prisma, deckId))!.ref.key;
}

async function deckCounts(id = deckId) {
  const decks = (await api('GET', '/api/decks')).json.data as any[];
  const d = decks.find((x) => x.id === id);
  const files = (await api('GET', `/api/decks/${id}/files`)).json.data as any[];
  return { facts: d.facts, topics: d.topics, terms: d.terms, files: files.map((f) => `${f.name}:${f.hash}:${f.facts}`) };
}

beforeAll(async () => {
  test = await createTestDatabase();
  server = await startApp(test.db);
  deckId = (await api('POST', '/api/decks', { name: 'AWS ML' })).json.data.id;
});
afterAll(async () => {
  await server?.close();
  await test?.drop();
});

describe('importing the five seed files (multipart)', () => {
  let report: any;
  beforeAll(async () => {
    const started = performance.now();
    const res = await api('POST', `/api/decks/${deckId}/files`, form(SEEDS.map((name) => ({ name, data: seed(name) }))));
    expect(res.status).toBe(200);
    report = res.json.data;
    console.info(`seed import: ${Math.round(performance.now() - started)} ms, ${report.totals.facts} facts`);
  }, 60_000);

  it('reports more than 1,000 facts, per file and per topic', () => {
    expect(report.totals.facts).toBeGreaterThanOrEqual(1000);
    expect(report.files.map((f: any) => f.name)).toEqual(SEEDS);
    for (const f of report.files) {
      expect(f.status).toBe('imported');
      expect(f.facts).toBeGreaterThan(20);
      expect(f.factsByTopic.reduce((n: number, t: any) => n + t.count, 0)).toBe(f.facts);
      expect(Object.values(f.skippedByReason).reduce((n: any, c: any) => n + c, 0)).toBe(f.skipped.length);
    }
    expect(report.files.reduce((n: number, f: any) => n + f.facts, 0)).toBe(report.totals.facts);
    expect(report.deck.facts).toBe(report.totals.facts);
    const layouts = Object.fromEntries(report.files.map((f: any) => [f.name.slice(0, 3), f.layout]));
    expect(layouts).toEqual({ '000': 'rendered-bullets', '001': 'markdown', '002': 'flashcard-pairs', '003': 'markdown', '004': 'plain-outline' });
  });

  it('reports skipped lines with reasons (the table of contents of 001)', () => {
    const f001 = report.files.find((f: any) => f.name.startsWith('001_'));
    expect(f001.skippedByReason.toc).toBeGreaterThan(20);
    const toc = f001.skipped.find((s: any) => s.reason === 'toc');
    expect(toc.line).toBeGreaterThanOrEqual(8);
    expect(toc.line).toBeLessThanOrEqual(56);
  });

  it('flags the Kinesis retention conflict between 001 and 004, naming the other file', () => {
    const f001 = report.files.find((f: any) => f.name.startsWith('001_'));
    const kinesis = f001.flagged.find((x: any) => x.line === 116);
    expect(kinesis.flags).toContain('conflict');
    expect(kinesis.fact).toMatch(/365 days/);
    expect(kinesis.conflictsWith).toEqual([expect.objectContaining({ file: F004, line: 450, term: 'Shard' })]);
    const f004 = report.files.find((f: any) => f.name === F004);
    expect(f004.flagged.some((x: any) => x.line === 450 && /7 days/.test(x.fact) && x.flags.includes('conflict'))).toBe(true);
  });

  it('stores one conflict group for the pair, and one Term for the same term across files', async () => {
    const prisma = test.db.prisma;
    const facts = await prisma.fact.findMany({ where: { deckId, conflictGroup: { not: null } }, select: { conflictGroup: true, lineStart: true, file: { select: { name: true } } } });
    const a = facts.find((f) => f.file.name.startsWith('001_') && f.lineStart === 116)!;
    const b = facts.find((f) => f.file.name === F004 && f.lineStart === 450)!;
    expect(a.conflictGroup).toBeTruthy();
    expect(b.conflictGroup).toBe(a.conflictGroup);

    const blazing = await prisma.term.findMany({ where: { deckId, key: 'blazingtext' }, select: { display: true, facts: { select: { file: { select: { name: true } } } } } });
    expect(blazing).toHaveLength(1);
    expect(new Set(blazing[0].facts.map((f) => f.file.name)).size).toBe(5);

    // "QuickSite" (000) is a misspelling of QuickSight (001, 003): one Term, the spelling kept as an alias.
    const quick = await prisma.term.findFirst({ where: { deckId, key: 'quicksight' }, select: { display: true, aliases: true, aliasKeys: true, facts: { select: { term: true } } } });
    expect(quick!.display).toMatch(/QuickSight$/);
    expect(quick!.aliases).toContain('QuickSite');
    expect(quick!.facts.some((f) => f.term.includes('QuickSite'))).toBe(true);
    expect(await prisma.term.count({ where: { deckId, key: 'quicksite' } })).toBe(0);
  });

  it('prefixes sibling groups with the file id and keeps the raw text and its sha256', async () => {
    const prisma = test.db.prisma;
    const file = await prisma.sourceFile.findFirstOrThrow({ where: { deckId, name: F002 } });
    expect(file.rawText).toBe(seed(F002).toString('utf8').replace(/\r\n/g, '\n'));
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
    const groups = await prisma.fact.findMany({ where: { fileId: file.id, siblingGroup: { not: null } }, select: { siblingGroup: true } });
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.siblingGroup!.startsWith(`${file.id}:`)).toBe(true);
  });

  it('loadBank returns every stored fact with canonical keys, conflicts and aliases', async () => {
    const bank = await loadBank(test.db.prisma, deckId);
    expect(bank.deck).toBe('AWS ML');
    expect(bank.facts).toHaveLength(report.totals.facts);
    const ids = new Set((await test.db.prisma.fact.findMany({ where: { deckId }, select: { id: true } })).map((f) => f.id));
    expect(bank.facts.every((f) => ids.has(f.id))).toBe(true);
    const kinesis = bank.facts.find((f) => f.file.startsWith('001_') && f.lineStart === 116)!;
    expect(kinesis.conflictGroup).toBeTruthy();
    expect(kinesis.flags).toContain('conflict');
    expect(bank.aliases?.lda).toContain('latentdirichletallocation');
    expect(bank.facts.find((f) => f.term === 'QuickSite' || f.term.endsWith(' QuickSite'))?.termKey).toBe('quicksight');
    const subset = await loadBank(test.db.prisma, deckId, [['Data Engineering', 'Kinesis']]);
    expect(subset.facts.length).toBeGreaterThan(5);
    expect(subset.facts.length).toBeLessThan(bank.facts.length);
    expect(subset.facts.every((f) => f.topic[0] === 'Data Engineering' && f.topic[1] === 'Kinesis')).toBe(true);
  });

  it('reports merged misspellings as typo suspects with the name they are filed under', () => {
    const f000 = report.files.find((f: any) => f.name.startsWith('000_'));
    const quick = f000.flagged.find((x: any) => /QuickSite/.test(x.term));
    expect(quick.flags).toContain('typoSuspect');
    expect(quick.canonical).toMatch(/QuickSight$/);
  });

  it('re-importing the same files changes nothing', async () => {
    const before = await deckCounts();
    const key = await bankKey();
    const ids = (await test.db.prisma.fact.findMany({ where: { deckId }, select: { id: true }, orderBy: { id: 'asc' } })).map((f) => f.id);
    const res = await api('POST', `/api/decks/${deckId}/files`, form(SEEDS.map((name) => ({ name, data: seed(name) }))));
    expect(res.status).toBe(200);
    expect(res.json.data.files.map((f: any) => f.status)).toEqual(SEEDS.map(() => 'unchanged'));
    expect(res.json.data.totals.facts).toBe(report.totals.facts);
    expect(await deckCounts()).toEqual(before);
    const after = (await test.db.prisma.fact.findMany({ where: { deckId }, select: { id: true }, orderBy: { id: 'asc' } })).map((f) => f.id);
    expect(after).toEqual(ids);
    // Nothing changed, so the question generator keeps its copy of the deck.
    expect(await bankKey()).toBe(key);
  });

  it('the same notes saved with CRLF and a BOM count as unchanged', async () => {
    const text = '\uFEFF' + seed(F002).toString('utf8').replace(/\n/g, '\r\n');
    const res = await api('POST', `/api/decks/${deckId}/files`, { name: F002, text });
    expect(res.status).toBe(200);
    expect(res.json.data.files[0].status).toBe('unchanged');
  });
});

describe('changing the bank', () => {
  async function fileFacts(name: string) {
    return test.db.prisma.fact.findMany({ where: { deckId, file: { name } }, select: { id: true, lineStart: true, term: true, fact: true, attribute: true } });
  }

  it('re-importing a modified file replaces its facts without duplicates', async () => {
    const before = await deckCounts();
    const old = await fileFacts(F002);
    const key = await bankKey();
    const text = seed(F002).toString('utf8').replace(/\n?$/, '\nZebra Crossing\nA striped place where people may cross the road safely\n');
    const res = await api('POST', `/api/decks/${deckId}/files`, { files: [{ name: F002, text }] });
    expect(res.status).toBe(200);
    const r = res.json.data.files[0];
    expect(r.status).toBe('replaced');
    expect(r.facts).toBe(old.length + 1);
    expect(await bankKey()).not.toBe(key);
    const now = await fileFacts(F002);
    expect(now).toHaveLength(old.length + 1);
    expect(new Set(now.map((f) => `${f.lineStart}|${f.term}|${f.attribute}|${f.fact}`)).size).toBe(now.length);
    expect(now.some((f) => f.term === 'Zebra Crossing' && f.lineStart === 113)).toBe(true);
    // Unchanged lines keep their ids (ids depend on content, not on insertion).
    const oldIds = new Set(old.map((f) => f.id));
    expect(now.filter((f) => oldIds.has(f.id))).toHaveLength(old.length);
    expect((await deckCounts()).facts).toBe(before.facts + 1);

    // And back: the card goes again, exactly one fact fewer.
    const back = await api('POST', `/api/decks/${deckId}/files`, { name: F002, text: seed(F002).toString('utf8') });
    expect(back.json.data.files[0]).toMatchObject({ status: 'replaced', facts: old.length });
    expect(await deckCounts()).toEqual(before);
    expect(await test.db.prisma.term.count({ where: { deckId, key: 'zebracrossing' } })).toBe(0);
  });

  it('rolls everything back when the write fails half-way', async () => {
    const prisma = test.db.prisma;
    const before = await deckCounts();
    const oldFacts = await fileFacts(F002);
    // The transaction client refuses to insert facts (the import writes them with raw INSERT
    // statements): by then the file row was updated and its old facts deleted, so only a real
    // rollback leaves the deck as it was.
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
    const text = seed(F002).toString('utf8') + '\nZebra Crossing\nA striped place where people may cross the road safely\n';
    await expect(importFiles(failing, deckId, [{ name: F002, data: text }])).rejects.toThrow(/disk full/);
    expect(await deckCounts()).toEqual(before);
    expect((await fileFacts(F002)).map((f) => f.id).sort()).toEqual(oldFacts.map((f) => f.id).sort());
  });

  it('importing a file without facts reports it, not an error', async () => {
    const res = await api('POST', `/api/decks/${deckId}/files`, { name: 'empty-notes.txt', text: 'ok\n' });
    expect(res.status).toBe(200);
    expect(res.json.data.files[0]).toMatchObject({ status: 'imported', facts: 0 });
    expect(res.json.data.files[0].warnings[0]).toMatch(/No facts/);
    const id = res.json.data.files[0].fileId;
    expect((await api('DELETE', `/api/decks/${deckId}/files/${id}`)).status).toBe(200);
  });

  it('reports a flashcard line with an unclosed quote by its number, and keeps the cards after it', async () => {
    const csv = 'term,definition\n"Treaty of Westphalia,1648 peace ending the Thirty Years War\nMagna Carta,1215 charter limiting the power of the English king\nCongress of Vienna,"1815 settlement of Europe, after Napoleon"\n';
    const res = await api('POST', `/api/decks/${deckId}/files`, { name: 'history-cards.csv', text: csv });
    expect(res.status).toBe(200);
    const file = res.json.data.files[0];
    expect(file.facts).toBe(2);
    expect(file.skipped).toContainEqual(expect.objectContaining({ line: 2, reason: 'damaged' }));
    expect(file.warnings.join(' ')).toMatch(/Line 2 has a quote that is never closed/);
    expect((await api('DELETE', `/api/decks/${deckId}/files/${file.fileId}`)).status).toBe(200);
  });

  it('says so, with examples, when most of a file was not understood', async () => {
    // A scrap of notes among rows of separators and stray symbols.
    const prose = ['Term: one fact here', ...Array.from({ length: 14 }, (_, i) => (i % 2 ? '* * *' : '~~ ~~ ~~'))].join('\n\n');
    const res = await api('POST', `/api/decks/${deckId}/files`, { name: 'mostly-unread.txt', text: prose });
    expect(res.status).toBe(200);
    const file = res.json.data.files[0];
    expect(file.facts).toBeGreaterThan(0);
    expect(file.warnings.join(' ')).toMatch(/Most of this file was not understood: .*line \d+: "/);
    expect((await api('DELETE', `/api/decks/${deckId}/files/${file.fileId}`)).status).toBe(200);
  });

  it('a request with one good and one binary file changes nothing', async () => {
    const before = await deckCounts();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const res = await api('POST', `/api/decks/${deckId}/files`, form([{ name: 'good.md', data: '# Good\n\n- Alpha: the first letter\n- Beta: the second letter\n' }, { name: 'photo.txt', data: png }]));
    expect(res.status).toBe(415);
    expect(res.json.error?.code).toBe('UNSUPPORTED_FILE');
    expect(res.json.error?.message).toMatch(/photo\.txt.*PNG/);
    const nul = await api('POST', `/api/decks/${deckId}/files`, form([{ name: 'good.md', data: '# Good\n- A: b\n' }, { name: 'bin.txt', data: Buffer.from('abc\u0000def') }]));
    expect(nul.status).toBe(415);
    expect(await deckCounts()).toEqual(before);
  });

  it('refuses an oversized upload with 413 and changes nothing', async () => {
    const before = await deckCounts();
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
    const res = await api('POST', `/api/decks/${deckId}/files`, form([{ name: 'big.txt', data: big }]));
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe('TOO_LARGE');
    const json = await api('POST', `/api/decks/${deckId}/files`, { name: 'big.txt', text: big.toString('latin1') });
    expect(json.status).toBe(413);
    expect(await deckCounts()).toEqual(before);
  });

  it('refuses imports without the host secret (401) or with a wrong one (403)', async () => {
    const before = await deckCounts();
    const body = form([{ name: 'sneaky.md', data: '# X\n- A: b\n' }]);
    expect((await api('POST', `/api/decks/${deckId}/files`, body, {})).status).toBe(401);
    const wrong = await api('POST', `/api/decks/${deckId}/files`, { name: 'sneaky.md', text: '# X\n- A: b\n' }, { authorization: 'Bearer wrong-secret-0000000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error?.code).toBe('NOT_HOST');
    expect((await api('DELETE', `/api/decks/${deckId}`, undefined, {})).status).toBe(401);
    expect(await deckCounts()).toEqual(before);
  });

  it('refuses bad payloads with 400 BAD_PAYLOAD', async () => {
    for (const body of [{}, { name: 'x.txt' }, { files: [] }, { files: [{ name: 'a.txt', text: 'x' }, { name: 'a.txt', text: 'y' }] }]) {
      const res = await api('POST', `/api/decks/${deckId}/files`, body);
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('BAD_PAYLOAD');
    }
    const wrongField = new FormData();
    wrongField.append('upload', new Blob(['x']), 'a.txt');
    expect((await api('POST', `/api/decks/${deckId}/files`, wrongField)).json.error?.code).toBe('BAD_PAYLOAD');
    expect((await api('POST', '/api/decks/nope/files', { name: 'a.txt', text: 'x' })).json.error?.code).toBe('UNKNOWN_DECK');
  });

  it('deleting a file removes its facts, its orphan topics and terms, and recomputes conflicts', async () => {
    const prisma = test.db.prisma;
    const files = (await api('GET', `/api/decks/${deckId}/files`)).json.data as any[];
    const f004 = files.find((f) => f.name === F004);
    const before = await deckCounts();
    const onlyIn004 = await prisma.topic.count({ where: { deckId, facts: { some: { fileId: f004.id } } } });
    expect(onlyIn004).toBeGreaterThan(0);

    const key = await bankKey();
    const res = await api('DELETE', `/api/decks/${deckId}/files/${f004.id}`);
    expect(res.status).toBe(200);
    expect(await bankKey()).not.toBe(key);
    expect(res.json).toEqual({ ok: true, data: null });
    const after = await deckCounts();
    expect(after.facts).toBe(before.facts - f004.facts);
    expect(after.files).toHaveLength(before.files.length - 1);
    expect(await prisma.fact.count({ where: { fileId: f004.id } })).toBe(0);
    // No topic is left without facts below it, and no term without facts.
    const topics = await prisma.topic.findMany({ where: { deckId }, select: { id: true, parentId: true, _count: { select: { facts: true } } } });
    const withFacts = new Set<string>();
    for (const t of topics) if (t._count.facts) for (let id: string | null = t.id; id; id = topics.find((x) => x.id === id)!.parentId) withFacts.add(id);
    expect(topics.every((t) => withFacts.has(t.id))).toBe(true);
    expect(after.topics).toBeLessThan(before.topics);
    expect(await prisma.term.count({ where: { deckId, facts: { none: {} } } })).toBe(0);
    expect(after.terms).toBeLessThan(before.terms);
    // The Kinesis retention conflict needed 004: 001:116 is no longer flagged.
    const kinesis = await prisma.fact.findFirstOrThrow({ where: { deckId, lineStart: 116, file: { name: { startsWith: '001_' } } } });
    expect(kinesis.conflictGroup).toBeNull();
    expect(kinesis.flags).not.toContain('conflict');

    expect((await api('DELETE', `/api/decks/${deckId}/files/${f004.id}`)).json.error?.code).toBe('UNKNOWN_FILE');
    // Back in: the conflict comes back.
    await api('POST', `/api/decks/${deckId}/files`, form([{ name: F004, data: seed(F004) }]));
    const again = await prisma.fact.findFirstOrThrow({ where: { deckId, lineStart: 116, file: { name: { startsWith: '001_' } } } });
    expect(again.flags).toContain('conflict');
  }, 60_000);
});

describe('JSON imports and decks', () => {
  it('imports {files:[{name,text}]} with the same counts as multipart', async () => {
    const d = (await api('POST', '/api/decks', { name: 'AWS ML (json)' })).json.data;
    const res = await api('POST', `/api/decks/${d.id}/files`, { files: SEEDS.map((name) => ({ name, text: seed(name).toString('utf8') })) });
    expect(res.status).toBe(200);
    const multipart = (await api('GET', `/api/decks/${deckId}/files`)).json.data as any[];
    const json = (await api('GET', `/api/decks/${d.id}/files`)).json.data as any[];
    expect(json.map((f) => [f.name, f.facts, f.hash])).toEqual(multipart.map((f) => [f.name, f.facts, f.hash]));
    expect((await api('DELETE', `/api/decks/${d.id}`)).status).toBe(200);
    expect(await test.db.prisma.fact.count({ where: { deckId: d.id } })).toBe(0);
    expect((await api('DELETE', `/api/decks/${d.id}`)).json.error?.code).toBe('UNKNOWN_DECK');
  }, 60_000);

  it('refuses a duplicate deck name with 409 DECK_EXISTS and a message the host screen shows', async () => {
    const res = await api('POST', '/api/decks', { name: '  AWS   ML ' });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'DECK_EXISTS', message: 'A deck named "AWS ML" already exists.' });
    // Capitals do not make another deck; the message names the one there is.
    const lower = await api('POST', '/api/decks', { name: 'aws ml' });
    expect([lower.status, lower.json.error]).toEqual([409, { code: 'DECK_EXISTS', message: 'A deck named "AWS ML" already exists.' }]);
    expect((await api('POST', '/api/decks', { name: '' })).status).toBe(400);
  });
});
