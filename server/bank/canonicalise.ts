// Deck-wide canonical names, as the generator computes them: term keys with the typo merge
// (C1, C3), alias classes (C2), display names (C4) and conflict groups (C5). This is a thin
// adapter over server/questions (bankFromParsed and the canonical helpers) so the database holds
// exactly what the generator would compute from the same parsed files; nothing is re-implemented.
import type { ParsedFact, ParsedFile } from '../notes/types.js';
import { bankFromParsed } from '../questions/bank.js';
import { aliasPairs, displayNames, termKey } from '../questions/canonical.js';

export interface CanonInput {
  fileName: string;
  /** The parser's fact: per-file sibling group, flags without the bank's 'conflict'. */
  parsed: ParsedFact;
}

export interface CanonFact {
  termKey: string;
  conflictGroup: string | null;
  /** Parser flags plus 'conflict' when the fact is in a conflict group. */
  flags: string[];
}

export interface CanonTerm {
  key: string;
  display: string;
  /** Other surface forms: spellings seen in the notes, merged misspellings, alias names. */
  aliases: string[];
  /** Other canonical keys of the same thing (the generator's Bank.aliases entry). */
  aliasKeys: string[];
}

export interface Canonical {
  facts: CanonFact[];
  terms: Map<string, CanonTerm>;
}

/** `rows` must be in bank order: file name, then position in the file. Output is index-aligned. */
export function canonicalise(deckName: string, rows: readonly CanonInput[]): Canonical {
  const files: ParsedFile[] = [];
  for (const row of rows) {
    let file = files.at(-1);
    if (!file || file.name !== row.fileName) files.push((file = { name: row.fileName, layout: 'plain-outline', facts: [], skipped: [] }));
    file.facts.push(row.parsed);
  }
  const bank = bankFromParsed(deckName, files);
  const aliases = bank.aliases ?? {};

  const display = displayNames(bank.facts);
  // A readable name for every key an alias class may mention: display names first, then the
  // raw spelling of a merged key, then the surface form an alias pair was read from.
  const surface = new Map<string, string>(display);
  for (const f of bank.facts) if (!surface.has(termKey(f.term))) surface.set(termKey(f.term), f.term.trim());
  for (const f of bank.facts) for (const pair of aliasPairs(f)) for (const s of pair) if (!surface.has(termKey(s))) surface.set(termKey(s), s.trim());

  const forms = new Map<string, string[]>();
  for (const f of bank.facts) forms.set(f.termKey, [...(forms.get(f.termKey) ?? []), f.term.trim()]);
  const terms = new Map<string, CanonTerm>();
  for (const [key, all] of forms) {
    const name = display.get(key) ?? all[0];
    const aliasKeys = aliases[key] ?? [];
    const seen = new Set([name.toLowerCase()]);
    const names: string[] = [];
    for (const s of [...all, ...aliasKeys.map((k) => surface.get(k) ?? k)]) {
      if (!s || seen.has(s.toLowerCase())) continue;
      seen.add(s.toLowerCase());
      names.push(s);
    }
    terms.set(key, { key, display: name, aliases: names, aliasKeys: [...aliasKeys] });
  }

  const facts = bank.facts.map((f) => ({ termKey: f.termKey, conflictGroup: f.conflictGroup ?? null, flags: [...f.flags] }));
  return { facts, terms };
}
