// Parsed files -> one Bank for a deck: fact ids, canonical term keys with typo merge, alias
// classes and conflict groups. Pure and deterministic (facts keep file and line order).
import type { ParsedFile } from '../notes/types.js';
import { aliasClasses, aliasPairs, conflictGroups, termKey, typoMergeMap, type TypoMergeInput } from './canonical.js';
import { stableId } from './seeded.js';
import type { Bank, BankFact } from './types.js';

export function factId(file: string, f: { lineStart: number; term: string; attribute?: string; fact: string }): string {
  return stableId(file, f.lineStart, f.term, f.attribute ?? '', f.fact);
}

const MEMBER = /\/member$/;
// Rules whose term is named on the line (a definition list, a table row, a card front), as
// opposed to a feature bullet whose term is only the heading above it.
export function namesItsTerm(rule: string): boolean {
  return /^S(?:2b|5|8|9|10)\//.test(rule) || rule === 'S7/definition';
}

function siblingPairs(facts: readonly BankFact[]): Set<string> {
  const byGroup = new Map<string, Set<string>>();
  for (const f of facts) {
    if (!f.group) continue;
    const names = MEMBER.test(f.rule) ? [termKey(f.fact)] : namesItsTerm(f.rule) ? [f.termKey] : [];
    const g = `${f.file}#${f.group}`;
    for (const k of names) {
      if (!byGroup.has(g)) byGroup.set(g, new Set());
      byGroup.get(g)!.add(k);
    }
  }
  const out = new Set<string>();
  for (const keys of byGroup.values()) {
    const list = [...keys].sort();
    if (list.length > 80) continue; // a whole flashcard set is not a "list" in the C3 sense
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.add(`${list[i]}|${list[j]}`);
  }
  return out;
}

export function bankFromParsed(deck: string, files: readonly ParsedFile[]): Bank {
  const facts: BankFact[] = [];
  for (const file of files) {
    for (const f of file.facts) {
      facts.push({ ...f, flags: [...f.flags], topic: [...f.topic], id: factId(file.name, f), file: file.name, termKey: termKey(f.term) });
    }
  }

  // C2 first, on raw keys: alias names ("K-nearest neighbors") take part in the typo merge too.
  const rawKeys = new Set(facts.map((f) => f.termKey));
  const rawPairs: [string, string, string][] = [];
  for (const f of facts) for (const [a, b] of aliasPairs(f, rawKeys)) rawPairs.push([termKey(a), termKey(b), f.file]);

  // C3: misspelt keys join their consensus key.
  const stats = new Map<string, { files: Set<string>; facts: number }>();
  const note = (key: string, file: string, weight: number) => {
    const s = stats.get(key) ?? { files: new Set<string>(), facts: 0 };
    s.files.add(file);
    s.facts += weight;
    stats.set(key, s);
  };
  for (const f of facts) note(f.termKey, f.file, 1);
  for (const [a, b, file] of rawPairs) for (const k of [a, b]) if (!rawKeys.has(k)) note(k, file, 0);
  const inputs: TypoMergeInput[] = [...stats].map(([key, s]) => ({ key, files: s.files.size, facts: s.facts }));
  const merge = typoMergeMap(inputs, siblingPairs(facts));
  const canon = (k: string) => merge.get(k) ?? k;
  for (const f of facts) f.termKey = canon(f.termKey);

  // C2: alias classes over canonical keys.
  const pairs: [string, string][] = [];
  for (const [a, b] of rawPairs) if (canon(a) !== canon(b)) pairs.push([canon(a), canon(b)]);
  // Misspellings stay findable under their old key (the database layer looks names up by key).
  for (const [from, to] of merge) pairs.push([to, from]);
  const aliases = aliasClasses(pairs);

  // C5: conflicting numbers across files.
  const sameEntity = (a: string, b: string) => a === b || (aliases[a]?.includes(b) ?? false);
  const groups = conflictGroups(facts, sameEntity);
  for (const f of facts) {
    const g = groups.get(f.id);
    if (!g) continue;
    f.conflictGroup = g;
    if (!f.flags.includes('conflict')) f.flags.push('conflict');
  }
  return { deck, facts, aliases };
}
