// The deck's topic tree across files, on a real PostgreSQL database through the real routes:
// the sample deck's top level reads as the subject's areas, not as file titles or a hundred flat
// headings; a later file re-files the notes already there; the breakdown of a game uses it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckTopicPaths, topicKey } from '../server/notes/deck-topics.js';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();

interface Node {
  id: string;
  name: string;
  path: string[];
  facts: number;
  totalFacts: number;
  children: Node[];
}

let test: TestDatabase;
let server: RunningApp;

async function api<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; data: T }> {
  const res = await fetch(server.baseUrl + url, {
    method,
    headers: { ...server.hostHeaders, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, data: (await res.json()).data };
}

async function deck(name: string): Promise<string> {
  return (await api('POST', '/api/decks', { name })).data.id;
}

async function importFiles(deckId: string, names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8') }));
  const res = await api('POST', `/api/decks/${deckId}/files`, { files });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  test = await createTestDatabase();
  server = await startApp(test.db);
});
afterAll(async () => {
  await server?.close();
  await test?.drop();
});

describe('the sample deck', () => {
  let tree: Node[];
  beforeAll(async () => {
    const id = await deck('Sample');
    await importFiles(id, SEEDS);
    tree = (await api<Node[]>('GET', `/api/decks/${id}/topics`)).data;
  }, 120_000);

  it('reads as the subject\'s areas at the top level', () => {
    const names = tree.map((n) => n.name);
    expect(names.length, names.join(' | ')).toBeGreaterThanOrEqual(6);
    expect(names.length, names.join(' | ')).toBeLessThanOrEqual(15);
    for (const area of ['Data Engineering', 'General Deep Learning', 'Model Training and Evaluation']) expect(names).toContain(area);
    // The big areas hold most of the deck: no long tail of one-heading topics.
    const total = tree.reduce((n, t) => n + t.totalFacts, 0);
    const top10 = [...tree].sort((a, b) => b.totalFacts - a.totalFacts).slice(0, 10).reduce((n, t) => n + t.totalFacts, 0);
    expect(top10 / total, tree.map((t) => `${t.name} ${t.totalFacts}`).join(' | ')).toBeGreaterThan(0.9);
  });

  it('has no file title as a topic', () => {
    const all: string[] = [];
    const walk = (ns: Node[]) => ns.forEach((n) => (all.push(n.name), walk(n.children)));
    walk(tree);
    for (const title of ['AWS Machine Learning Specialty', 'AWS ML Specialty', 'ML Certification Cheat sheet', 'AWS Maching Learning Notes']) expect(all).not.toContain(title);
  });
});

describe('across imports', () => {
  it('files a flat file under the areas a later structured file brings', async () => {
    const id = await deck('Later');
    const flat = SEEDS.find((n) => n.startsWith('000_'))!;
    await importFiles(id, [flat]);
    const before = (await api<Node[]>('GET', `/api/decks/${id}/topics`)).data;
    await importFiles(id, [SEEDS.find((n) => n.startsWith('001_'))!]);
    const after = (await api<Node[]>('GET', `/api/decks/${id}/topics`)).data;
    // The flat file's many headings now sit under the structured file's few areas.
    expect(after.length).toBeLessThan(before.length);
    const engineering = after.find((n) => n.name === 'Data Engineering')!;
    const facts = (await api('GET', `/api/decks/${id}/facts?topicId=${engineering.id}&limit=500`)).data.items as { file: string }[];
    expect(new Set(facts.map((f) => f.file))).toContain(flat);
  }, 120_000);
});

describe('deck topic paths', () => {
  it('merges areas by name, aliases of spelling and shared terms, and keeps facts in order', () => {
    const facts = [
      { file: 'a.md', topic: ['Storage', 'S3'], termKey: 's3', term: 'S3' },
      { file: 'a.md', topic: ['Compute', 'Lambda'], termKey: 'lambda', term: 'Lambda' },
      { file: 'b.md', topic: ['storage', 'Glacier'], termKey: 'glacier', term: 'Glacier' },
      { file: 'b.md', topic: ['Compute services'], termKey: 'lambda', term: 'Lambda' },
      { file: 'c.txt', topic: ['Lambda'], termKey: 'lambda', term: 'Lambda' },
    ];
    const paths = deckTopicPaths(facts);
    expect(paths[2][0]).toBe('Storage');
    expect(paths[3][0]).toBe('Compute');
    // A file under one heading only: that heading spans the file (its title), so each fact is
    // filed under the area its term belongs to.
    expect(paths[4]).toEqual(['Compute']);
    expect(topicKey('Sage Maker Features')).toBe(topicKey('SageMaker Features'));
  });

  it('leaves a flat card no area claims where it was, unless a fact of its own line was filed', () => {
    const facts = [
      { file: 'a.md', topic: ['Organelles', 'Mitochondria'], termKey: 'mitochondria', term: 'Mitochondria', fact: 'Site of aerobic respiration and ATP synthesis' },
      { file: 'a.md', topic: ['Organelles', 'Ribosome'], termKey: 'ribosome', term: 'Ribosome', fact: 'Builds proteins from mRNA' },
      { file: 'a.md', topic: ['Membranes', 'Osmosis'], termKey: 'osmosis', term: 'Osmosis', fact: 'Water moves across a membrane' },
      { file: 'cards.txt', topic: ['cards'], termKey: 'ribosome', term: 'Ribosome', fact: 'Reads codons', line: 1 },
      { file: 'cards.txt', topic: ['cards'], termKey: 'prophase', term: 'Prophase', fact: 'Chromosomes condense', line: 2 },
      { file: 'cards.txt', topic: ['cards'], termKey: 'mitochondria', term: 'Mitochondria', fact: 'Powerhouse', line: 3 },
      { file: 'cards.txt', topic: ['cards'], termKey: 'cristae', term: 'Cristae', fact: 'Folds', line: 3 },
    ];
    const paths = deckTopicPaths(facts);
    expect(paths[3]).toEqual(['Organelles']);
    // The card after an organelle card is no organelle: neighbours in a card set need not match.
    expect(paths[4]).toEqual(['cards']);
    // The same line as a filed fact ("Mitochondria: ... Cristae: ...") goes with it.
    expect(paths[6]).toEqual(['Organelles']);
  });
});
