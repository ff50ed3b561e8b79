// Known words and terms of a file (plus any supplied by the bank). Used for two repairs that
// must never be done blindly: re-joining words split by PDF column wrapping (F19) and
// splitting a term glued to its definition when the bold was lost (S10, F11).
import { FUNCTION_WORDS } from './split-term.js';
import { isGenericLabel } from './heuristics.js';

function termKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[^a-z0-9+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/s$/, '');
}

// Fragments that are never words on their own, so "Reinforceme nt" can be joined safely.
const NON_WORD_FRAGMENTS = new Set(['nt', 'tion', 'ment', 'ments', 'ity', 'ies', 'ng', 'ble', 'cation']);

export class Lexicon {
  private readonly words = new Map<string, number>();
  // Terms defined in *other* files: only these may split a glued line (S10). Terms of the file
  // itself are only used to see that a longer term goes on ("Glue" vs "Glue Scheduler").
  private readonly terms = new Map<string, number>();
  private readonly local = new Set<string>();

  /** Term keys looked up as glued-term candidates: if none of them is known, a lexicon with
   *  more terms would not have changed this file's parse. */
  asked?: Set<string>;

  constructor(text: string, extraTerms: Iterable<string> = []) {
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) this.words.set(w, (this.words.get(w) ?? 0) + 1);
    for (const t of extraTerms) {
      const key = termKey(t);
      if (this.acceptable(key, t)) this.terms.set(key, key.split(' ').length);
    }
  }

  private acceptable(key: string, term: string): boolean {
    const n = key.split(' ').length;
    return key.length >= 4 && n <= 4 && !FUNCTION_WORDS.has(key) && !isGenericLabel(term);
  }

  addTerm(term: string): void {
    const key = termKey(term);
    if (this.acceptable(key, term)) this.local.add(key);
  }

  // "Image Classificati on" -> "Image Classification" when the joined word is more frequent in
  // the file than the broken half. "Data Firehose" stays two words ("datafirehose" is unknown).
  repair(text: string): string {
    return text.replace(/\b([A-Za-z]{3,}) ([a-z]{1,4})\b/g, (whole, a: string, b: string) => {
      if (NON_WORD_FRAGMENTS.has(b)) return a + b;
      const joined = this.count(a + b);
      const left = this.count(a);
      return joined > 0 && left < joined && left <= 2 ? a + b : whole;
    });
  }

  private count(w: string): number {
    return this.words.get(w.toLowerCase()) ?? 0;
  }

  // Join two table cells that a PDF column boundary cut apart ("weigh" + "t decay"): with a space,
  // then the same frequency test as repair() decides whether the cut word is re-joined.
  joinCells(prev: string, next: string): string {
    return this.repair(`${prev} ${next}`.trim());
  }

  // S10: longest known term (1-4 words) at the start of a line, followed by a capitalised
  // definition of at least three words.
  matchGlued(text: string): { term: string; rest: string } | null {
    const w = text.split(/\s+/);
    for (let n = Math.min(4, w.length - 3); n >= 1; n--) {
      const head = w.slice(0, n).join(' ');
      const rest = w.slice(n).join(' ');
      // "LSTM, GRU (simplified LSTM)" lists two names; a glued term has no comma after it.
      if (/[,;:]$/.test(head) || !/^[\p{Lu}]/u.test(rest)) continue;
      const key = termKey(head);
      this.asked?.add(key);
      if (!this.terms.has(key)) continue;
      const longer = termKey(`${head} ${w[n]}`);
      if (this.terms.has(longer) || this.local.has(longer)) continue; // the term goes on
      return { term: head, rest };
    }
    return null;
  }
}

/** The keys a Lexicon built with `terms` as its extra terms would know. */
export function lexiconKeys(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) {
    const key = termKey(t);
    const n = key.split(' ').length;
    if (key.length >= 4 && n <= 4 && !FUNCTION_WORDS.has(key) && !isGenericLabel(t)) out.add(key);
  }
  return out;
}
