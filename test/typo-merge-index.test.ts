// The typo merge's candidate index must give exactly the merge that comparing every pair
// gives: same map, same insertion order (ties between equally good targets are decided by
// the order pairs are visited). Checked against a brute-force reference written here, apart
// from the code under test, on the five seed files' keys and on random keys built to sit
// close to each other (edits, swaps, sound-alikes, British spellings, digits, symbols).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseForDeck } from '../server/bank/parse-files.js';
import { aliasPairs, editDistance, termKey } from '../server/questions/canonical.js';
import { neverMerge, typoMergeMap, typoMergeMapAllPairs, type TypoMergeInput } from '../server/questions/typo-merge.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');

/** The merge as first written: every pair within two characters of length, in sorted order. */
function reference(keys: readonly TypoMergeInput[], siblings: ReadonlySet<string> = new Set()): Map<string, string> {
  const soundAlike = (k: string) => k.replace(/ght/g, 't').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/(.)\1+/g, '$1');
  const american = (k: string) => k.replace(/our/g, 'or').replace(/is(?=ation|ing|e)/g, 'iz');
  const budget = (n: number) => (n >= 10 ? 2 : n >= 6 ? 1 : 0);
  const close = (a: string, b: string) => {
    const k = budget(Math.min(a.length, b.length));
    if (!k) return false;
    if (editDistance(a, b, k) <= k) return true;
    const [fa, fb] = [soundAlike(a), soundAlike(b)];
    return (fa !== a || fb !== b) && editDistance(fa, fb, k) <= 1;
  };
  const sorted = [...keys].sort((x, y) => x.key.length - y.key.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const best = new Map<string, TypoMergeInput>();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].key.length - sorted[i].key.length <= 2; j++) {
      const [a, b] = [sorted[i], sorted[j]];
      if (neverMerge(a.key, b.key) || siblings.has([a.key, b.key].sort().join('|'))) continue;
      const variant = a.key !== b.key && american(a.key) === american(b.key);
      if (!variant && !close(a.key, b.key)) continue;
      const aMinor = a.files < b.files || (a.files === b.files && (a.facts < b.facts || (a.facts === b.facts && a.key > b.key)));
      const [minor, major] = aMinor ? [a, b] : [b, a];
      if (!variant && (minor.files !== 1 || major.files <= minor.files)) continue;
      const prev = best.get(minor.key);
      if (!prev || major.files > prev.files || (major.files === prev.files && major.facts > prev.facts)) best.set(minor.key, major);
    }
  }
  const out = new Map<string, string>();
  for (const [from, to] of best) {
    let target = to.key;
    const seen = new Set([from]);
    while (best.has(target) && !seen.has(target)) {
      seen.add(target);
      target = best.get(target)!.key;
    }
    if (target !== from) out.set(from, target);
  }
  return out;
}

/** Keys, their support and sibling pairs as the bank builds them from parsed files. */
function seedInputs(): { keys: TypoMergeInput[]; siblings: Set<string> } {
  const names = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const parsed = parseForDeck(names.map((name) => ({ name, text: readFileSync(path.join(SEEDS_DIR, name), 'utf8') })));
  const stats = new Map<string, { files: Set<string>; facts: number }>();
  const note = (key: string, file: string, weight: number) => {
    const s = stats.get(key) ?? { files: new Set(), facts: 0 };
    s.files.add(file);
    s.facts += weight;
    stats.set(key, s);
  };
  const groups = new Map<string, Set<string>>();
  for (const file of parsed) {
    for (const f of file.facts) {
      note(termKey(f.term), file.name, 1);
      for (const pair of aliasPairs(f)) for (const s of pair) if (!stats.has(termKey(s))) note(termKey(s), file.name, 0);
      if (f.group) groups.set(`${file.name}#${f.group}`, (groups.get(`${file.name}#${f.group}`) ?? new Set()).add(termKey(f.term)));
    }
  }
  const siblings = new Set<string>();
  for (const g of groups.values()) {
    const list = [...g].sort();
    if (list.length <= 80) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) siblings.add(`${list[i]}|${list[j]}`);
  }
  return { keys: [...stats].map(([key, s]) => ({ key, files: s.files.size, facts: s.facts })), siblings };
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** Random keys in clusters of near-twins: each cluster is a base word and misspellings of it. */
function randomKeys(seed: number, clusters: number): TypoMergeInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const letters = 'aeioulnrstckphgbdm';
  const pieces = ['ght', 'ph', 'ck', 'our', 'isation', 'ise', 'll', 'ee', '2', '3', '+', '-', 'x', 'vec'];
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(r() ** 2 * 40);
    while (w.length < n) w += r() < 0.15 ? pick(pieces) : pick([...letters]);
    return w;
  };
  const edit = (w: string) => {
    const i = Math.floor(r() * w.length);
    const kind = Math.floor(r() * 7);
    if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
    if (kind === 1) return w.slice(0, i) + pick([...letters]) + w.slice(i);
    if (kind === 2) return w.slice(0, i) + pick([...letters]) + w.slice(i + 1);
    if (kind === 3 && i + 1 < w.length) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (kind === 4) return w.replace('ght', 't').replace('ph', 'f').replace('ck', 'k');
    if (kind === 5) return w.replace('our', 'or').replace('isation', 'ization');
    return w.slice(0, i) + w[i] + w.slice(i);
  };
  const out = new Map<string, TypoMergeInput>();
  for (let c = 0; c < clusters; c++) {
    const base = word();
    const family = [base];
    for (let k = Math.floor(r() * 5); k > 0; k--) family.push(edit(r() < 0.3 ? edit(pick(family)) : pick(family)));
    for (const key of family) if (key && !out.has(key)) out.set(key, { key, files: 1 + Math.floor(r() ** 3 * 4), facts: Math.floor(r() * 6) });
  }
  return [...out.values()];
}

const entries = (m: Map<string, string>) => [...m];

describe('typo merge candidate index', () => {
  it('gives the brute-force result on the seed files', () => {
    const { keys, siblings } = seedInputs();
    expect(keys.length).toBeGreaterThan(300);
    const expected = reference(keys, siblings);
    expect(expected.size).toBeGreaterThan(0);
    expect(entries(typoMergeMap(keys, siblings))).toEqual(entries(expected));
    expect(entries(typoMergeMap(keys))).toEqual(entries(reference(keys)));
    // Every seed key as well supported as its twin: only spelling variants merge.
    const flat = keys.map((k) => ({ ...k, files: 2 }));
    expect(entries(typoMergeMap(flat))).toEqual(entries(reference(flat)));
  });

  it('gives the brute-force result on random near-twins', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const keys = randomKeys(seed, 700);
      const expected = reference(keys);
      expect(expected.size).toBeGreaterThan(20);
      expect(entries(typoMergeMap(keys)), `seed ${seed}`).toEqual(entries(expected));
      expect(entries(typoMergeMapAllPairs(keys)), `seed ${seed}`).toEqual(entries(expected));
      // Input order does not matter.
      expect(entries(typoMergeMap([...keys].reverse())), `seed ${seed}`).toEqual(entries(expected));
    }
  });

  it('is much quicker than comparing every pair on thousands of keys', () => {
    const keys = randomKeys(42, 1_500);
    let t = performance.now();
    const fast = typoMergeMap(keys);
    const indexedMs = performance.now() - t;
    t = performance.now();
    const slow = typoMergeMapAllPairs(keys);
    const allPairsMs = performance.now() - t;
    console.info(`typo merge, ${keys.length} keys: indexed ${Math.round(indexedMs)} ms, all pairs ${Math.round(allPairsMs)} ms`);
    expect(entries(fast)).toEqual(entries(slow));
    expect(indexedMs).toBeLessThan(allPairsMs);
  });
});
