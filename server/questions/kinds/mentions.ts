// Where a fact names another entity of the bank ("uses ResNet under the hood"): the raw material
// of name cloze items and of the "already said of the key" check.
import type { BankIndex } from '../bank-index.js';
import { termWords } from '../canonical.js';

export interface Mention {
  entityKey: string;
  start: number;
  end: number;
  text: string;
}

const MAX_WORDS = 4;
const ACRONYM = /^[A-Z][A-Z\d]{2,}$/;
const nameMaps = new WeakMap<BankIndex, Map<string, string | null>>();

function normalise(words: string[]): string {
  return words.join(' ');
}

function namesOf(ix: BankIndex): Map<string, string | null> {
  let m = nameMaps.get(ix);
  if (m) return m;
  m = new Map();
  for (const k of ix.namedKeys) {
    const e = ix.entities.get(k)!;
    for (const f of e.facts) {
      const w = termWords(f.term);
      // Short names only as acronyms ("GRU", "KNN"): "map" or "Pig" would be found everywhere.
      if (!w.length || w.length > MAX_WORDS || (w.join('').length < 4 && !ACRONYM.test(f.term.trim()))) continue;
      const key = normalise(w);
      // A spelling shared by two entities is ambiguous: never treat it as a mention.
      m.set(key, m.has(key) && m.get(key) !== k ? null : k);
    }
  }
  nameMaps.set(ix, m);
  return m;
}

const cache = new WeakMap<BankIndex, Map<string, Mention[]>>();

/** Longest non-overlapping mentions of named entities, left to right. */
export function mentionsIn(ix: BankIndex, text: string): Mention[] {
  let c = cache.get(ix);
  if (!c) cache.set(ix, (c = new Map()));
  const hit = c.get(text);
  if (hit) return hit;
  const names = namesOf(ix);
  const toks = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; ) {
    let found: Mention | null = null;
    for (let n = Math.min(MAX_WORDS, toks.length - i); n >= 1 && !found; n--) {
      const span = toks.slice(i, i + n);
      const k = names.get(normalise(span.map((t) => t[0].toLowerCase())));
      if (!k) continue;
      const start = span[0].index!;
      const end = span[n - 1].index! + span[n - 1][0].length;
      const surface = text.slice(start, end);
      // A mention is written like a name ("Step Functions", not "image classification" the
      // task); one common word ("Batch", "Standard") must also sit mid-sentence.
      if (!/[A-Z\d]/.test(surface) || (n === 1 && start === 0 && !ACRONYM.test(surface))) continue;
      found = { entityKey: k, start, end, text: surface };
    }
    if (found) {
      out.push(found);
      i += toks.filter((t) => t.index! >= found!.start && t.index! < found!.end).length;
    } else i++;
  }
  c.set(text, out);
  return out;
}
