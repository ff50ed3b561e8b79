// Browsing the notes bank over real HTTP: topic tree counts, facts by topic and by search (aliases
// and merged spellings included), raw context lines, and the question preview from the stored bank.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');

let test: TestDatabase;
let server: RunningApp;
let deckId: string;
let totalFacts: number;

async function get<T = any>(url: string, headers: Record<string, string> = server.hostHeaders): Promise<{ status: number; ok: boolean; data: T; error?: { code: string; message: string } }> {
  const res = await fetch(server.baseUrl + url, { headers });
  return { status: res.status, ...(await res.json()) };
}

interface Node {
  id: string;
  name: string;
  path: string[];
  facts: number;
  totalFacts: number;
  children: Node[];
}

function walk(nodes: Node[], fn: (n: Node) => void): void {
  for (const n of nodes) {
    fn(n);
    walk(n.children, fn);
  }
}

beforeAll(async () => {
  test = await createTestDatabase();
  server = await startApp(test.db);
  const post = (url: string, body: unknown) =>
    fetch(server.baseUrl + url, { method: 'POST', headers: { ...server.hostHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  deckId = (await post('/api/decks', { name: 'Browse' })).data.id;
  const report = await post(`/api/decks/${deckId}/files`, { files: SEEDS.map((name) => ({ name, text: seedText(name) })) });
  totalFacts = report.data.totals.facts;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await test?.drop();
});

describe('topic tree', () => {
  it('counts add up: own facts plus sub-topics, and the roots cover every fact with a topic', async () => {
    const res = await get<Node[]>(`/api/decks/${deckId}/topics`);
    expect(res.status).toBe(200);
    const tree = res.data;
    let nodes = 0;
    walk(tree, (n) => {
      nodes++;
      expect(n.totalFacts).toBe(n.facts + n.children.reduce((s, c) => s + c.totalFacts, 0));
      expect(n.totalFacts).toBeGreaterThan(0);
      expect(n.path.at(-1)).toBe(n.name);
      for (const c of n.children) expect(c.path.slice(0, -1)).toEqual(n.path);
    });
    const untopical = await test.db.prisma.fact.count({ where: { deckId, topicId: null } });
    expect(tree.reduce((s, n) => s + n.totalFacts, 0) + untopical).toBe(totalFacts);
    expect(nodes).toBe(await test.db.prisma.topic.count({ where: { deckId } }));
  });

  it('merges a topic path written in two files (in any case) into one node', async () => {
    const post = (url: string, body: unknown) =>
      fetch(server.baseUrl + url, { method: 'POST', headers: { ...server.hostHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    const deck = (await post('/api/decks', { name: 'Two files' })).data.id;
    const a = '# Networking\n\n## DNS\n\n- A record: maps a host name to an IPv4 address\n- AAAA record: maps a host name to an IPv6 address\n';
    const b = '# networking\n\n## dns\n\n- CNAME record: maps a host name to another host name\n';
    const report = await post(`/api/decks/${deck}/files`, { files: [{ name: 'a.md', text: a }, { name: 'b.md', text: b }] });
    expect(report.data.totals.facts).toBe(3);
    const tree = (await get<Node[]>(`/api/decks/${deck}/topics`)).data;
    // Each file's "# Networking" heads the whole file: a title, so the tree starts at DNS.
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: 'DNS', path: ['DNS'], facts: 3, totalFacts: 3 });
    const facts = await get(`/api/decks/${deck}/facts?topicId=${tree[0].id}`);
    expect(new Set(facts.data.items.map((i: any) => i.file))).toEqual(new Set(['a.md', 'b.md']));
    expect(facts.data.items.every((i: any) => i.topic.join('/') === 'DNS')).toBe(true);
  });
});

describe('facts', () => {
  it('lists the facts of a topic including its sub-topics, with file and line', async () => {
    const tree = (await get<Node[]>(`/api/decks/${deckId}/topics`)).data;
    let parent: Node | undefined;
    walk(tree, (n) => {
      if (!parent && n.children.length >= 2 && n.totalFacts > n.facts && n.totalFacts < 200) parent = n;
    });
    expect(parent).toBeDefined();
    const res = await get(`/api/decks/${deckId}/facts?topicId=${parent!.id}&limit=500`);
    expect(res.data.total).toBe(parent!.totalFacts);
    expect(res.data.items).toHaveLength(parent!.totalFacts);
    for (const item of res.data.items) {
      expect(item.topic.slice(0, parent!.path.length)).toEqual(parent!.path);
      expect(item.line).toBeGreaterThan(0);
      expect(item.lineEnd).toBeGreaterThanOrEqual(item.line);
      expect(SEEDS).toContain(item.file);
    }
    const page = await get(`/api/decks/${deckId}/facts?topicId=${parent!.id}&limit=2&offset=1`);
    expect(page.data.items.map((i: any) => i.id)).toEqual(res.data.items.slice(1, 3).map((i: any) => i.id));
  });

  it('searches terms case-insensitively, through aliases and merged spellings', async () => {
    // "ElatiCache" is only written in one file; ElastiCache facts of the other files come with it.
    const typo = await get(`/api/decks/${deckId}/facts?q=elaticache&limit=100`);
    const files = new Set(typo.data.items.map((i: any) => i.file.slice(0, 3)));
    expect(files.size).toBeGreaterThanOrEqual(2);
    expect(typo.data.items.some((i: any) => !/elaticache/i.test(`${i.term} ${i.fact}`) && /elasticache/i.test(i.term))).toBe(true);

    // An alias: "Gaussian Distribution" finds the Normal Distribution facts.
    const alias = await get(`/api/decks/${deckId}/facts?q=${encodeURIComponent('gaussian distribution')}&limit=100`);
    expect(alias.data.items.some((i: any) => /normal distribution/i.test(i.term))).toBe(true);

    // Fact text matches too.
    const text = await get(`/api/decks/${deckId}/facts?q=${encodeURIComponent('365 DAYS')}`);
    expect(text.data.items.some((i: any) => i.file.startsWith('001_') && i.line === 116)).toBe(true);

    // "%" and "_" are literal characters, not LIKE wildcards.
    const pct = await get(`/api/decks/${deckId}/facts?q=%25&limit=500`);
    expect(pct.data.total).toBeGreaterThan(0);
    expect(pct.data.total).toBeLessThan(totalFacts);
    for (const i of pct.data.items) expect(`${i.term} ${i.fact} ${i.attribute ?? ''}`).toContain('%');

    const none = await get(`/api/decks/${deckId}/facts?q=zzzyzzx`);
    expect(none.data).toEqual({ total: 0, items: [] });
  });

  it('rejects bad queries and unknown topics', async () => {
    expect((await get(`/api/decks/${deckId}/facts?limit=0`)).error?.code).toBe('BAD_PAYLOAD');
    expect((await get(`/api/decks/${deckId}/facts?limit=abc`)).status).toBe(400);
    expect((await get(`/api/decks/${deckId}/facts?topicId=nope`)).error?.code).toBe('UNKNOWN_TOPIC');
    expect((await get(`/api/decks/nope/facts`)).error?.code).toBe('UNKNOWN_DECK');
    expect((await get(`/api/decks/${deckId}`)).data).toMatchObject({ id: deckId, name: 'Browse', files: 5, facts: totalFacts });
    expect((await get(`/api/decks/nope`)).status).toBe(404);
    expect((await get(`/api/decks/${deckId}/topics`, {})).status).toBe(401);
  });
});

describe('file context', () => {
  it('returns the raw lines around a line', async () => {
    const files = (await get<any[]>(`/api/decks/${deckId}/files`)).data;
    const f001 = files.find((f) => f.name.startsWith('001_'))!;
    const res = await get(`/api/decks/${deckId}/files/${f001.id}/context?line=116&radius=2`);
    expect(res.status).toBe(200);
    const raw = seedText(f001.name).split('\n');
    expect(res.data.name).toBe(f001.name);
    expect(res.data.lines).toEqual([114, 115, 116, 117, 118].map((n) => ({ n, text: raw[n - 1] })));
    expect(res.data.lines[2].text).toMatch(/365 days/);

    const edge = await get(`/api/decks/${deckId}/files/${f001.id}/context?line=1`);
    expect(edge.data.lines.map((l: any) => l.n)).toEqual([1, 2, 3, 4]);
    const last = raw.at(-1) === '' ? raw.length - 1 : raw.length;
    const end = await get(`/api/decks/${deckId}/files/${f001.id}/context?line=${last}&radius=1`);
    expect(end.data.lines.map((l: any) => l.n)).toEqual([last - 1, last]);
    expect(end.data.totalLines).toBe(last);
    expect((await get(`/api/decks/${deckId}/files/${f001.id}/context?line=${last + 1}`)).status).toBe(400);
    expect((await get(`/api/decks/${deckId}/files/${f001.id}/context`)).status).toBe(400);
    expect((await get(`/api/decks/${deckId}/files/nope/context?line=1`)).error?.code).toBe('UNKNOWN_FILE');
  });
});

describe('question preview', () => {
  it('generates questions with answers from the stored bank, reproducibly per seed', async () => {
    const url = `/api/decks/${deckId}/questions/preview?count=6&seed=night-1`;
    const a = await get<any[]>(url);
    expect(a.status).toBe(200);
    expect(a.data).toHaveLength(6);
    for (const q of a.data) {
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.options.length);
      expect(SEEDS).toContain(q.file);
      expect(q.line).toBeGreaterThan(0);
      expect(q.explanation.length).toBeGreaterThan(0);
    }
    const b = await get<any[]>(url);
    expect(b.data).toEqual(a.data);
    // Every question points at a stored fact, and the preview cites the fact's first line, the
    // line a game's reveal and the results cite.
    const ids = a.data.map((q) => q.factId);
    expect(await test.db.prisma.fact.count({ where: { id: { in: ids } } })).toBe(new Set(ids).size);
    for (const q of a.data) {
      const fact = await test.db.prisma.fact.findUniqueOrThrow({ where: { id: q.factId } });
      expect(q.factLine).toBe(fact.lineStart);
    }
  });

  it('filters by topics and kinds', async () => {
    const topics = encodeURIComponent(JSON.stringify([['Data Engineering']]));
    const res = await get<any[]>(`/api/decks/${deckId}/questions/preview?topics=${topics}&count=5&seed=2&kinds=def-to-term,true-false`);
    expect(res.data.length).toBeGreaterThan(0);
    for (const q of res.data) {
      expect(q.topic[0]).toBe('Data Engineering');
      expect(['def-to-term', 'true-false']).toContain(q.kind);
    }
    expect((await get(`/api/decks/${deckId}/questions/preview?kinds=essay`)).error?.code).toBe('BAD_PAYLOAD');
    expect((await get(`/api/decks/${deckId}/questions/preview?topics=notjson`)).error?.code).toBe('BAD_PAYLOAD');
    expect((await get(`/api/decks/${deckId}/questions/preview?count=500`)).status).toBe(400);
    expect((await get(`/api/decks/nope/questions/preview`)).error?.code).toBe('UNKNOWN_DECK');
  });
});
