// Word-level helpers shared by the bank, the generator and the quality metrics. Everything here
// is pure and cached per string, because the same fact texts are compared many times over.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// Words that carry no topic: English stop words plus note-taking filler. Kept as a set of
// lower-case surface forms; the stemmed form is checked too (see isStop).
const EXTRA_STOP = [
  'use', 'used', 'uses', 'using', 'etc', 'eg', 'e.g', 'ie', 'also', 'can', 'like', 'via', 'per',
  'may', 'must', 'need', 'needs', 'get', 'gets', 'good', 'well', 'one', 'way', 'based', 'thing',
  'things', 'lot', 'lots', 'just', 'really', 'much', 'many', 'more', 'less', 'make', 'makes',
];
const STOP = new Set<string>([...eng.map((w) => w.toLowerCase()), ...EXTRA_STOP]);

// Words that say which vendor or product family a term belongs to. They are stripped from term
// keys (C1) and never count as a distinctive part of an answer.
export const BRAND_WORDS = new Set(['amazon', 'aws', 'sagemaker', 'sage', 'maker', 'sm']);

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    stemCache.set(word, s);
  }
  return s;
}

export function isStop(word: string): boolean {
  return STOP.has(word);
}

/** Lower-case word tokens; splits on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const contentCache = new Map<string, string[]>();
/** Stemmed content words: no stop words, no 1-letter tokens (the "k" of k-means is noise). */
export function contentStems(text: string): string[] {
  let out = contentCache.get(text);
  if (!out) {
    if (contentCache.size > 50_000) contentCache.clear();
    out = [];
    for (const w of words(text)) {
      if (w.length < 2 && !/\d/.test(w)) continue;
      if (STOP.has(w)) continue;
      out.push(stem(w));
    }
    contentCache.set(text, out);
  }
  return out;
}

export function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) return true;
  return false;
}

/**
 * "Could also be true": the doc's Jaccard rule (>= 0.5), plus containment for short texts, where
 * Jaccard is blind ("unsupervised" is fully inside "unsupervised clustering" but scores 0.5 only
 * by luck, and "csv" inside a six-word cell scores 0.17).
 */
export function overlapsTooMuch(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  if (jaccard(a, b) >= 0.5) return true;
  const small = a.size <= b.size ? a : b;
  if (small.size > 2) return false;
  const big = small === a ? b : a;
  for (const x of small) if (!big.has(x)) return false;
  return true;
}

const trigramCache = new Map<string, Map<string, number>>();
function trigrams(s: string): Map<string, number> {
  let m = trigramCache.get(s);
  if (m) return m;
  const t = ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  m = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  if (trigramCache.size > 50_000) trigramCache.clear(); // bounded: texts come from one deck at a time
  trigramCache.set(s, m);
  return m;
}

// Nested maps rather than a joined key: building a key string per lookup cost more than the
// lookup itself in the distractor pick.
const diceCache = new Map<string, Map<string, number>>();
let diceEntries = 0;
/** Character-trigram Dice coefficient: 1 for equal strings, 0 for nothing in common. */
export function trigramDice(a: string, b: string): number {
  const [x, y] = a < b ? [a, b] : [b, a];
  let row = diceCache.get(x);
  if (!row) {
    if (diceEntries > 200_000) (diceCache.clear(), (diceEntries = 0));
    diceCache.set(x, (row = new Map()));
  }
  let v = row.get(y);
  if (v === undefined) {
    row.set(y, (v = dice(x, y)));
    diceEntries++;
  }
  return v;
}

function dice(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of ta.values()) na += v;
  for (const [g, v] of tb) {
    nb += v;
    inter += Math.min(v, ta.get(g) ?? 0);
  }
  return na + nb ? (2 * inter) / (na + nb) : 0;
}

/** Option identity after normalisation: case, punctuation and spacing do not make options differ. */
const normCache = new Map<string, string>();
export function normaliseOption(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    // "1 MB" and "1MB" are one value.
    n = s.toLowerCase().replace(/[^\p{L}\p{N}+%]+/gu, ' ').replace(/(\d) (?=\p{L})/gu, '$1').trim();
    if (normCache.size > 50_000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
}

// M9 of the doc: emoji shortcodes, HTML tags, escaped dollars, inline math, images, links, bold,
// tabs. A text that matches is never shown.
export const MARKUP_RESIDUE = /:[a-z_]+:|<\/?[a-z]+|\\\$|\$[^$]+\$|!\[|\]\(|\*\*|\t/;

export function hasMarkup(s: string): boolean {
  return MARKUP_RESIDUE.test(s);
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Fit a fact into `max` characters by keeping its first clause(s): cut at a sentence end, then
 * at ";" or " - ", then at ", ". Returns null when no clean cut fits, so the caller skips.
 */
export function fitClause(text: string, max: number, cutAtCommas = true): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const done = (s: string) => s.replace(/[\s,;:–-]+$/, '').replace(/\.$/, '').trim();
  if (t.length <= max && balanced(t)) return done(t) || null;
  // A statement cut at a comma can read as a fragment ("must be collected, processed"): callers
  // that show a whole claim ask for sentence and clause cuts only.
  // "e.g." and "i.e." end no sentence: cutting there leaves "Changes a volume's layout, e.g".
  const sentence = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|ca|cf|no|fig|dr|mr|mrs|ms|st))\.\s+/gi;
  for (const sep of cutAtCommas ? [sentence, /;\s+|\s[-–]\s/g, /,\s+/g] : [sentence, /;\s+|\s[-–]\s/g]) {
    let best: string | null = null;
    for (const m of t.matchAll(sep)) {
      const head = done(t.slice(0, m.index));
      if (head.length > max) break;
      if (head.length >= 8 && balanced(head)) best = head;
    }
    if (best) return best;
  }
  return null;
}

export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

// Words that notes use for the same action or property. Two statements that differ only by these
// ("Randomly copy minority samples" / "Duplicate the minority case") say the same thing, so one
// can never be the wrong option beside the other. Stems, as `stem` gives them.
const SYNONYM_GROUPS = [
  ['copi', 'duplic', 'replic', 'clone'],
  ['remov', 'delet', 'drop', 'discard', 'elimin', 'throw'],
  ['creat', 'gener', 'produc', 'make', 'build'],
  ['increas', 'rais', 'boost', 'grow', 'enlarg', 'extend'],
  ['decreas', 'reduc', 'lower', 'shrink', 'cut', 'minim'],
  ['case', 'sampl', 'exampl', 'observ', 'row'],
  ['fast', 'quick', 'rapid', 'speedi'],
  ['slow', 'latenc'],
  ['cheap', 'cost', 'inexpens', 'low-cost'],
  ['store', 'save', 'persist', 'keep'],
  ['show', 'display', 'visual', 'plot', 'chart'],
  ['predict', 'forecast', 'infer'],
  ['split', 'divid', 'partit', 'separ'],
  ['join', 'merg', 'combin', 'concaten'],
  ['big', 'larg', 'huge', 'massiv'],
  ['small', 'tini', 'littl'],
];
const SYNONYM_OF = new Map<string, string>();
for (const g of SYNONYM_GROUPS) for (const w of g) SYNONYM_OF.set(w, g[0]);

/** A stem with synonyms folded together (for "says the same thing" checks only). */
export function sameSense(stemmed: string): string {
  return SYNONYM_OF.get(stemmed) ?? stemmed;
}
