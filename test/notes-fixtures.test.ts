// Notes by other authors: fixtures written in our own words that imitate public study notes in
// other subjects and formats (test/fixtures/notes/README.md). The gold says what each author
// meant; the parser must read it that way.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNoteFiles } from '../server/notes/parse.js';
import type { ParsedFile } from '../server/notes/types.js';
import { FIXTURE_DIR, FIXTURE_GOLD, FIXTURE_NEGATIVE } from './gold/fixtures-gold.js';

const dir = fileURLToPath(FIXTURE_DIR);
const parsed = new Map<string, ParsedFile>();

beforeAll(() => {
  const files = readdirSync(dir)
    .filter((n) => n !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') }));
  for (const p of parseNoteFiles(files)) parsed.set(p.name, p);
});

describe('fixture gold', () => {
  it('covers at least 30 pairs from three authors, three formats and two subjects other than cloud computing', () => {
    const others = FIXTURE_GOLD.filter((g) => !/aws|cloud/i.test(g.subject));
    expect(others.length).toBeGreaterThanOrEqual(30);
    expect(new Set(FIXTURE_GOLD.map((g) => g.author)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(FIXTURE_GOLD.map((g) => g.format)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(others.map((g) => g.subject)).size).toBeGreaterThanOrEqual(2);
  });

  it.each(FIXTURE_GOLD.map((g) => [`${g.file}:${g.line} ${g.term} (${g.shape})`, g] as const))('finds %s', (_name, g) => {
    const p = parsed.get(g.file)!;
    const hit = p.facts.find(
      (f) =>
        f.lineStart - 1 <= g.line &&
        g.line <= f.lineEnd + 1 &&
        f.term.toLowerCase() === g.term.toLowerCase() &&
        f.fact.toLowerCase().includes(g.fact.toLowerCase()) &&
        (g.attribute === undefined || (f.attribute ?? '').toLowerCase() === g.attribute.toLowerCase()),
    );
    const near = p.facts.filter((f) => Math.abs(f.lineStart - g.line) <= 1).map((f) => `${f.lineStart} ${f.term} {${f.attribute ?? ''}} => ${f.fact}`);
    expect(hit, near.join('\n') || '(no fact near this line)').toBeDefined();
  });

  it.each(FIXTURE_NEGATIVE.map((n) => [`${n.file}:${n.line} ${n.why}`, n] as const))('yields no fact for %s', (_name, n) => {
    const p = parsed.get(n.file)!;
    const facts = p.facts.filter((f) => f.lineStart <= n.line && n.line <= f.lineEnd).map((f) => `${f.term} => ${f.fact}`);
    expect(facts).toEqual([]);
  });

  it('says why each page-furniture line was skipped', () => {
    const reasons = new Set([...parsed.values()].flatMap((p) => p.skipped.map((s) => s.reason)));
    for (const r of ['front-matter', 'callout', 'navigation', 'placeholder', 'damaged'] as const) expect(reasons.has(r), r).toBe(true);
  });
});
