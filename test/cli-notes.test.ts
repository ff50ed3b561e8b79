// The real `notes` CLI as a child process: import the seeds into the test database, export them
// as JSONL (pure stdout, exact keys, no markup, lines that match the seeds), questions, quality,
// failures with exit code 1, and once on the embedded PGlite database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const root = path.resolve(import.meta.dirname, '..');
const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const SEEDS = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort();
const seedPath = (prefix: string) => path.join(SEEDS_DIR, SEEDS.find((n) => n.startsWith(prefix))!);
const MARKUP = /:[a-z_]+:|<\/?[a-z]+|\\\$|\$[^$]+\$|!\[|\]\(|\*\*|\t/;
const FACT_KEYS = ['deck', 'file', 'line', 'topic', 'term', 'fact', 'attribute', 'flags'];
const QUESTION_KEYS = ['id', 'kind', 'prompt', 'options', 'answer', 'topic', 'file', 'line', 'explanation'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/notes.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function jsonl(out: string): Record<string, unknown>[] {
  return out
    .split('\n')
    .filter((l) => l.length)
    .map((l) => JSON.parse(l));
}

let test: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  test = await createTestDatabase();
  env = { DATABASE_URL: test.url };
});
afterAll(() => test?.drop());

describe('notes CLI on PostgreSQL', () => {
  let exported: Record<string, unknown>[];

  it('imports the five seeds, creating the deck, and prints a readable report', async () => {
    const run = await cli(['import', ...SEEDS.map((n) => path.join(SEEDS_DIR, n)), '--deck', 'AWS ML'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Deck "AWS ML" \(created\)/);
    for (const name of SEEDS) expect(run.stdout).toContain(name);
    const total = Number(/Imported 5 files: (\d+) facts/.exec(run.stdout)?.[1]);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(run.stdout).toMatch(/conflicts with 004_\S+:450/);
  }, 60_000);

  it('exports one JSON object per fact: pure JSONL, exact keys, no markup, ordered by file and line', async () => {
    const run = await cli(['export', '--deck', 'AWS ML', '--format', 'jsonl'], env);
    expect(run.code).toBe(0);
    exported = jsonl(run.stdout);
    expect(exported.length).toBeGreaterThanOrEqual(1000);
    expect(exported.length).toBe(await test.db.prisma.fact.count());
    let prev = '';
    for (const o of exported) {
      const keys = Object.keys(o);
      expect(keys.filter((k) => k !== 'attribute')).toEqual(FACT_KEYS.filter((k) => k !== 'attribute'));
      expect(keys.every((k) => FACT_KEYS.includes(k))).toBe(true);
      expect(o.deck).toBe('AWS ML');
      expect(SEEDS).toContain(o.file);
      expect(Number.isInteger(o.line) && (o.line as number) >= 1).toBe(true);
      expect(Array.isArray(o.topic) && Array.isArray(o.flags)).toBe(true);
      expect(typeof o.term === 'string' && typeof o.fact === 'string').toBe(true);
      if ('attribute' in o) expect(typeof o.attribute).toBe('string');
      expect(o.term).not.toMatch(MARKUP);
      expect(o.fact).not.toMatch(MARKUP);
      const at = `${o.file}\u0000${String(o.line).padStart(6, '0')}`;
      expect(at >= prev).toBe(true);
      prev = at;
    }
  });

  it('exports facts whose file, line and term match the seed files', () => {
    const spots: [string, number, string][] = [
      ['001_', 89, 'SSE-KMS'],
      ['001_', 116, 'Kinesis Streams'],
      ['002_', 111, 'AWS Panorama'],
      ['003_', 191, 'Boosting'],
      ['004_', 450, 'Shard'],
    ];
    for (const [prefix, line, term] of spots) {
      const hit = exported.find((o) => (o.file as string).startsWith(prefix) && o.line === line && o.term === term);
      expect(hit, `${prefix}:${line} ${term}`).toBeDefined();
      const raw = fs.readFileSync(seedPath(prefix), 'utf8').split('\n')[line - 1];
      const head = (hit!.fact as string).slice(0, 20);
      expect(raw.replace(/\*\*/g, '')).toContain(head);
    }
  });

  it('prints generated questions as JSONL, the same for the same seed', async () => {
    const args = ['questions', '--deck', 'AWS ML', '--topics', 'Kinesis,Data Engineering > S3', '--count', '8', '--seed', 'cli-1', '--format', 'jsonl'];
    const a = await cli(args, env);
    expect(a.code).toBe(0);
    const qs = jsonl(a.stdout);
    expect(qs).toHaveLength(8);
    for (const q of qs) {
      expect(Object.keys(q)).toEqual(QUESTION_KEYS);
      expect((q.answer as number) >= 0 && (q.answer as number) < (q.options as string[]).length).toBe(true);
      const topic = (q.topic as string[]).join(' > ');
      expect(topic.includes('Kinesis') || topic.startsWith('Data Engineering > S3')).toBe(true);
    }
    expect((await cli(args, env)).stdout).toBe(a.stdout);
  }, 60_000);

  it('prints the quality table', async () => {
    const run = await cli(['quality', '--deck', 'AWS ML', '--count', '60'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^60 questions/);
    expect(run.stdout).toMatch(/M3 +traceability/);
  }, 60_000);

  it('writes a blind-review sheet: each question with its options, key, explanation and source lines', async () => {
    const args = ['review-sheet', '--deck', 'AWS ML', '--count', '12', '--seed', 'sheet-1'];
    const run = await cli(args, env);
    expect(run.code).toBe(0);
    const entries = run.stdout.split('\n### Q').slice(1);
    expect(entries).toHaveLength(12);
    for (const e of entries) {
      expect(e).toMatch(/^\d+ \[[a-z-]+\] topic: /);
      expect(e).toMatch(/\nPROMPT: \S/);
      expect(e.match(/<= keyed answer/g)).toHaveLength(1);
      expect(e).toMatch(/\nEXPLANATION shown at reveal: \S/);
      // The cited line with its number, as the notes file has it.
      const src = /\nSOURCE (\S+) line (\d+):/.exec(e)!;
      const cited = new RegExp(`\\n    ${src[2]}: (.*)`).exec(e)![1];
      expect(fs.readFileSync(path.join(SEEDS_DIR, src[1]), 'utf8').split('\n')[Number(src[2]) - 1]).toBe(cited);
    }
    // Nothing about how the generator judged its questions reaches the reviewer.
    expect(run.stdout).not.toMatch(/confidence|rule|S\d\/|flags/i);
    expect((await cli(args, env)).stdout).toBe(run.stdout);
  }, 60_000);

  it('fails with one clear line and exit code 1 on unknown decks, missing files and bad flags', async () => {
    const unknown = await cli(['export', '--deck', 'Nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: Unknown deck "Nope"\. Decks: "AWS ML"\./);
    expect(unknown.stdout).toBe('');

    const missing = await cli(['import', 'no-such-notes.md', '--deck', 'AWS ML'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such file: no-such-notes\.md/);

    for (const args of [['export', '--deck', 'AWS ML', '--format', 'csv'], ['export', '--deck'], ['export'], ['questions', '--deck', 'AWS ML', '--count', 'ten'], ['import', '--deck', 'X'], ['frobnicate', '--deck', 'X'], ['export', '--deck', 'AWS ML', '--bogus']]) {
      const run = await cli(args, env);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^Error: /);
      expect(run.stdout).toBe('');
    }
    const topic = await cli(['questions', '--deck', 'AWS ML', '--topics', 'Underwater Basket Weaving'], env);
    expect(topic.code).toBe(1);
    expect(topic.stderr).toMatch(/No topic named "Underwater Basket Weaving"/);

    const binary = path.join(os.tmpdir(), `qn-cli-${process.pid}.txt`);
    fs.writeFileSync(binary, Buffer.from('%PDF-1.4\n\u0000\u0001'));
    const refused = await cli(['import', binary, '--deck', 'AWS ML'], env);
    fs.rmSync(binary);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PDF/);
  }, 120_000);
});

describe('notes CLI on the embedded database', () => {
  it('imports and exports through PGlite in DATA_DIR', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qn-cli-pglite-'));
    try {
      const lite = { DATA_DIR: dataDir };
      const imported = await cli(['import', seedPath('002_'), '--deck', 'Cards'], lite);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const n = Number(/(\d+) facts/.exec(imported.stdout)?.[1]);
      expect(n).toBeGreaterThan(50);
      const exported = await cli(['export', '--deck', 'Cards'], lite);
      expect(exported.code).toBe(0);
      const rows = jsonl(exported.stdout);
      expect(rows).toHaveLength(n);
      expect(rows.some((r) => r.term === 'AWS Panorama' && r.line === 111)).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'server.pid'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
