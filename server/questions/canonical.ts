// Canonical names (doc §1.7): term keys (C1), aliases (C2), display names (C4). The typo merge
// (C3) and conflict groups (C5) live in their own files and are re-exported here, so the database
// layer can import every canonicalisation helper from one place.
import { BRAND_WORDS, isStop } from './text.js';

export { typoMergeMap, editDistance, type TypoMergeInput } from './typo-merge.js';
export { conflictGroups, quantities, type Quantity } from './conflicts.js';

/** Singularise the last word of a key (C1). Short words and Latin/Greek endings stay as they are. */
export function singularise(word: string): string {
  if (word.length <= 3 || /\d$/.test(word)) return word;
  if (/(?:ss|us|is|os|ics|series|species)$/.test(word)) return word.replace(/ics$/, 'ic');
  if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function keyWords(term: string): string[] {
  const t = term
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ') // parenthesised acronyms and comments
    .replace(/['’]s\b/g, 's');
  const w = t.split(/[^\p{L}\p{N}+]+/u).filter(Boolean);
  // Vendor prefixes say nothing about which thing is meant: "Amazon Polly" is "Polly".
  while (w.length > 1 && BRAND_WORDS.has(w[0])) w.shift();
  return w;
}

/**
 * C1 term key: lower case, no vendor prefix, no parenthesised part, "-", "_" and space unified
 * (removed), last word singular. "Factorization Machines (FMs)" -> "factorizationmachine".
 */
const keyCache = new Map<string, string>();
export function termKey(term: string): string {
  let k = keyCache.get(term);
  if (k === undefined) {
    const w = keyWords(term);
    if (w.length) w[w.length - 1] = singularise(w[w.length - 1]);
    k = w.length ? w.join('') : term.toLowerCase().replace(/\s+/g, '');
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(term, k);
  }
  return k;
}

/** The words of a term that identify it (no vendor prefix, no parenthesis), lower case. */
export function termWords(term: string): string[] {
  return keyWords(term).flatMap((w) => w.split('+').filter(Boolean));
}

export function isAcronym(text: string): boolean {
  const t = text.trim();
  return /^[A-Z][A-Za-z0-9]*$/.test(t.replace(/[-+&]/g, '')) && /^[A-Z0-9+&-]{2,8}s?$/.test(t) && /[A-Z].*[A-Z]/.test(t);
}

function prefixSpell(acr: string, i: number, ws: string[], j: number, whole: boolean): boolean {
  if (i === acr.length) return j >= 2 && (!whole || ws.slice(j).every(isStop));
  if (j >= ws.length) return false;
  const w = ws[j];
  // Function words may be skipped ("Contact Lens for Amazon Connect"), but not the first word.
  if (i > 0 && isStop(w) && prefixSpell(acr, i, ws, j + 1, whole)) return true;
  for (let k = 1; k <= w.length && i + k <= acr.length; k++) {
    if (w[k - 1] !== acr[i + k - 1]) break;
    if (prefixSpell(acr, i + k, ws, j + 1, whole)) return true;
  }
  return false;
}

/**
 * Does a run of words spell the acronym, each word giving a non-empty prefix?
 * "Synthetic minority over-sampling technique" spells SMOTE (S, M, O, TE); "k nearest neighbors"
 * spells KNN. Hyphenated words are tried both whole and split. With `whole`, every word of the
 * phrase must be used (alias detection); without, a leading run is enough (leak detection).
 */
export function spellsAcronym(acronym: string, phrase: string, whole = false): boolean {
  let acr = acronym.replace(/[^A-Za-z0-9]/g, '');
  if (/[A-Z]s$/.test(acr)) acr = acr.slice(0, -1); // "FMs" is the plural of FM
  acr = acr.toLowerCase();
  if (acr.length < 2) return false;
  const joined = phrase.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean).map((w) => w.replace(/-/g, ''));
  const split = phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [joined, split].some((ws) => ws.length >= 2 && prefixSpell(acr, 0, ws, 0, whole));
}

interface Word {
  w: string;
  start: number;
  end: number;
  /** An acronym of its own ("ROC" in "Area under the ROC curve"): may sit inside an expansion. */
  upper?: boolean;
}

// Smallest end (exclusive word index) of a run starting at word s that spells acr[i..], or -1.
function spellEnd(acr: string, i: number, ws: readonly Word[], j: number, s: number): number {
  if (i === acr.length) return j - s >= 2 ? j : -1;
  if (j >= ws.length || j - s > acr.length + 3) return -1;
  const w = ws[j].w;
  if (i > 0 && isStop(w)) {
    // A function word may sit inside an expansion ("Contact Lens for Amazon Connect"); a short
    // one never gives a letter ("Make sure to" does not spell MST), a longer one may ("Area
    // Under the Curve").
    const r = spellEnd(acr, i, ws, j + 1, s);
    if (r >= 0 || w.length < 4) return r;
  }
  if (i > 0 && ws[j].upper) {
    const r = spellEnd(acr, i, ws, j + 1, s);
    if (r >= 0) return r;
  }
  for (let k = 1; k <= w.length && i + k <= acr.length; k++) {
    if (w[k - 1] !== acr[i + k - 1]) break;
    const r = spellEnd(acr, i + k, ws, j + 1, s);
    if (r >= 0) return r;
  }
  return -1;
}

const runCache = new Map<string, [number, number][]>();
const wordCache = new Map<string, [Word[], Word[]]>();

// Hyphenated words count whole ("over-sampling" gives O) and split ("k-nearest" gives K, N).
function wordLists(text: string): [Word[], Word[]] {
  let w = wordCache.get(text);
  if (!w) {
    const joined: Word[] = [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({ w: m[0].toLowerCase().replace(/-/g, ''), start: m.index!, end: m.index! + m[0].length }));
    const split: Word[] = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length, upper: /^[A-Z]{2,}$/.test(m[0]) }));
    w = [joined, split];
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(text, w);
  }
  return w;
}

/** Runs of consecutive words (character start, end) in `text` that spell the acronym. */
export function acronymRuns(acronym: string, text: string): [number, number][] {
  const id = `${acronym}\u0000${text}`;
  const hit = runCache.get(id);
  if (hit) return hit;
  let acr = acronym.replace(/[^A-Za-z0-9]/g, '');
  if (/[A-Z]s$/.test(acr)) acr = acr.slice(0, -1);
  acr = acr.toLowerCase();
  const out: [number, number][] = [];
  if (acr.length >= 2) {
    for (const ws of wordLists(text)) {
      for (let s = 0; s < ws.length; s++) {
        if (ws[s].w.charCodeAt(0) !== acr.charCodeAt(0)) continue;
        const e = spellEnd(acr, 0, ws, s, s);
        if (e >= 0 && !out.some(([a, b]) => a <= ws[s].start && b >= ws[e - 1].end)) out.push([ws[s].start, ws[e - 1].end]);
      }
    }
  }
  if (runCache.size > 50_000) runCache.clear();
  runCache.set(id, out);
  return out;
}

export interface AliasFactLike {
  term: string;
  fact: string;
  rule: string;
  aliases?: string[];
}

/**
 * C2 alias pairs found in one fact: "X (ACR)" initials, "ACR - expansion", "X = Y" between two
 * names, and the parser's own AKA list. Returned as pairs of surface forms.
 */
export function aliasPairs(f: AliasFactLike, knownKeys?: ReadonlySet<string>): [string, string][] {
  const out: [string, string][] = [];
  const paren = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(f.term);
  if (paren) {
    const [, outer, inner] = paren;
    if (isAcronym(inner) && spellsAcronym(inner, outer, true)) out.push([outer, inner]);
    else if (isAcronym(outer) && spellsAcronym(outer, inner, true)) out.push([outer, inner]);
  }
  for (const a of f.aliases ?? []) out.push([f.term, a]);
  // "Kinesis Firehose / Delivery streams": the first of two names given together is the thing
  // other notes call by that name. (Only the first: "RDS / Aurora" lists two products.)
  const slash = f.term.split(/\s+\/\s+/);
  if (slash.length === 2 && slash[0].split(/\s+/).length >= 2) out.push([f.term, slash[0]]);
  if (isAcronym(f.term)) {
    const head = f.fact.split(/\s[-–]\s|[,.;(:]/)[0].trim();
    if (head.split(/\s+/).length <= 6 && spellsAcronym(f.term, head, true)) out.push([f.term, head]);
  }
  if (/equals/.test(f.rule)) {
    const y = f.fact.trim();
    const yw = y.split(/\s+/);
    const shared = termWords(f.term).some((w) => !isStop(w) && termWords(y).includes(w));
    if (yw.length <= 4 && /^[A-Z]/.test(y) && !/[.,;:]/.test(y) && (shared || knownKeys?.has(termKey(y)))) out.push([f.term, y]);
  }
  return out.filter(([a, b]) => termKey(a) !== termKey(b));
}

/** Union-find over alias pairs of keys -> symmetric alias lists, sorted for stable output. */
export function aliasClasses(pairs: [string, string][]): Record<string, string[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const classes = new Map<string, string[]>();
  for (const k of [...parent.keys()].sort()) {
    const r = find(k);
    if (!classes.has(r)) classes.set(r, []);
    classes.get(r)!.push(k);
  }
  const out: Record<string, string[]> = {};
  for (const members of classes.values()) for (const k of members) out[k] = members.filter((m) => m !== k);
  return out;
}

export interface DisplayFactLike {
  term: string;
  termKey: string;
  flags: readonly string[];
}

/** C4: the most frequent surface form of each key; a suspected typo only wins when alone. */
export function displayNames(facts: readonly DisplayFactLike[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const f of facts) {
    const form = f.term.trim();
    // A spelling folded into another key by the typo merge (C3) never outvotes the consensus.
    const weight = f.flags.includes('typoSuspect') || termKey(form) !== f.termKey ? 0.01 : 1;
    if (!counts.has(f.termKey)) counts.set(f.termKey, new Map());
    const m = counts.get(f.termKey)!;
    m.set(form, (m.get(form) ?? 0) + weight);
  }
  const out = new Map<string, string>();
  for (const [key, m] of counts) {
    // Ties: the first form seen wins, which is stable because facts come in file/line order.
    let best = '';
    let bestN = -1;
    for (const [form, n] of m) if (n > bestN) [best, bestN] = [form, n];
    out.set(key, best);
  }
  return out;
}
