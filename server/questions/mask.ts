// Answer leaks (F12): a prompt must not contain the distinctive words of its answer or the
// answer's acronym. The generator masks them with "____" where that leaves a usable prompt and
// skips the item otherwise.
import type { BankIndex, Entity } from './bank-index.js';
import { acronymRuns, isAcronym, termWords } from './canonical.js';
import { BRAND_WORDS, contentStems, isStop, stem } from './text.js';

export interface LeakKey {
  /** Stemmed distinctive words of the answer. */
  stems: Set<string>;
  /** Acronyms of the answer ("LDA" for Latent Dirichlet Allocation; "SMOTE" itself). */
  acronyms: string[];
}

export const BLANK = '____';

const entityKeys = new WeakMap<Entity, LeakKey>();
export function leakKeyOfEntity(ix: BankIndex, e: Entity): LeakKey {
  let k = entityKeys.get(e);
  if (!k) {
    // Common words of a name ("model", "data") may stay visible; a name made only of common
    // words ("SageMaker", "Data Pipeline") must still not be shown whole.
    const distinct = [...e.nameStems].filter((s) => ix.distinctive(s));
    entityKeys.set(e, (k = { stems: new Set(distinct.length ? distinct : e.nameStems), acronyms: e.acronyms }));
  }
  return k;
}

const textKeys = new WeakMap<BankIndex, Map<string, LeakKey>>();

/** Leak key of an answer that is a text (a definition, a cell): its distinctive words and the
 * initials of its capitalised runs ("Key Management Service" -> KMS). */
export function leakKeyOfText(ix: BankIndex, text: string): LeakKey {
  let cache = textKeys.get(ix);
  if (!cache) textKeys.set(ix, (cache = new Map()));
  let k = cache.get(text);
  if (!k) cache.set(text, (k = textLeakKey(ix, text)));
  return k;
}

function textLeakKey(ix: BankIndex, text: string): LeakKey {
  const stems = new Set(contentStems(text).filter((s) => ix.distinctive(s)));
  const acronyms: string[] = [];
  // Every sub-run too: "AWS Key Management Service" also gives KMS. Two-letter initials only from
  // a whole two-word run, since "ms" or "km" inside a longer run would match ordinary tokens.
  for (const m of text.matchAll(/(?:\b[A-Z][\p{L}]+(?:\s+|$)){2,}/gu)) {
    const ini = m[0].trim().split(/\s+/).map((w) => w[0]).join('');
    if (ini.length === 2) acronyms.push(ini);
    for (let i = 0; i < ini.length; i++) for (let j = i + 3; j <= ini.length; j++) acronyms.push(ini.slice(i, j));
  }
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (isAcronym(w)) acronyms.push(w);
  return { stems, acronyms: [...new Set(acronyms)] };
}

interface Tok {
  start: number;
  end: number;
  word: string;
  stem: string;
}

const tokenCache = new Map<string, Tok[]>();
function tokens(text: string): Tok[] {
  let t = tokenCache.get(text);
  if (!t) {
    t = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
      const word = m[0].toLowerCase();
      return { start: m.index!, end: m.index! + m[0].length, word, stem: stem(word) };
    });
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(text, t);
  }
  return t;
}

/** Same word as a key word: equal stems, or a longer form of a key stem of 5+ letters
 * ("inferencing" for "inference", whose stems differ). */
export function sameWord(word: string, stems: ReadonlySet<string>, stemmed = stem(word)): boolean {
  if (stems.has(stemmed)) return true;
  if (word.length < 5) return false;
  for (const s of stems) if (s.length >= 5 && s.length < word.length && word.startsWith(s)) return true;
  return false;
}

function leakSpans(text: string, key: LeakKey): [number, number][] {
  const spans: [number, number][] = [];
  const acr = new Set(key.acronyms.map((a) => a.toLowerCase().replace(/[^a-z0-9]/g, '')));
  for (const t of tokens(text)) {
    if (sameWord(t.word, key.stems, t.stem) || (acr.has(t.word) && t.word.length >= 2)) spans.push([t.start, t.end]);
  }
  for (const a of key.acronyms) if (a.replace(/[^A-Za-z0-9]/g, '').length >= 2) spans.push(...acronymRuns(a, text));
  return spans.sort((x, y) => x[0] - y[0]);
}

/** Every identifying word of the entity's name shows in the text ("S3" in "types of S3
 * services"), distinctive or not; or one of its acronyms does. */
export function namesEntity(text: string, e: Entity): boolean {
  const toks = tokens(text);
  const { stems, acronyms } = nameParts(e);
  if (stems.length && stems.every((s) => toks.some((t) => sameWord(t.word, new Set([s]), t.stem)))) return true;
  return toks.some((t) => t.word.length >= 2 && acronyms.has(t.word));
}

const partsCache = new WeakMap<Entity, { stems: string[]; acronyms: Set<string> }>();
function nameParts(e: Entity): { stems: string[]; acronyms: Set<string> } {
  let p = partsCache.get(e);
  if (!p) {
    const named = termWords(e.name).filter((w) => !isStop(w));
    const words = named.some((w) => !BRAND_WORDS.has(w)) ? named.filter((w) => !BRAND_WORDS.has(w)) : named;
    p = { stems: words.map(stem), acronyms: new Set(e.acronyms.map((a) => a.toLowerCase().replace(/[^a-z0-9]/g, ''))) };
    partsCache.set(e, p);
  }
  return p;
}

/** True when the text shows a distinctive word or an acronym of the answer. */
export function leaks(text: string, key: LeakKey): boolean {
  return leakSpans(text, key).length > 0;
}

export interface Masked {
  text: string;
  /** Content words left visible: a prompt needs some to be answerable. */
  visible: number;
  masked: number;
  /** The words the blanks stand for, as written. */
  hidden: string[];
}

/** Replace leaking words (and the punctuation between two of them) with one blank per run. */
export function maskLeaks(text: string, key: LeakKey): Masked {
  const spans = leakSpans(text, key);
  if (!spans.length) return { text, visible: contentStems(text).length, masked: 0, hidden: [] };
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && (s <= last[1] || /^[\s\-_/+.]*$/.test(text.slice(last[1], s)))) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let out = '';
  let at = 0;
  let masked = 0;
  const hidden: string[] = [];
  for (const [s, e] of merged) {
    hidden.push(...tokens(text.slice(s, e)).map((t) => t.word));
    out += text.slice(at, s) + BLANK;
    masked += tokens(text.slice(s, e)).filter((t) => !isStop(t.word)).length;
    at = e;
  }
  out += text.slice(at);
  const visible = contentStems(out.replaceAll(BLANK, ' ')).length;
  return { text: out.replace(/\s+/g, ' ').trim(), visible, masked, hidden };
}

/**
 * The blanks stand for the entity's whole name as the name spells it, or for an acronym of it.
 * A blank for part of a name ("distances - ____ square" for the "mean" of K-Means, "real-time
 * ____ on stream" for the "analytics" of Kinesis Data Analytics) reads as a riddle about a
 * missing word, not as a clue to the name.
 */
export function blanksWholeName(m: Masked, e: Entity): boolean {
  if (!m.hidden.length) return true;
  const { stems, acronyms } = nameParts(e);
  if (m.hidden.some((w) => w.length >= 2 && acronyms.has(w))) return true;
  const spelled = new Set(termWords(e.name).map((w) => w.toLowerCase()));
  return m.hidden.every((w) => isStop(w) || spelled.has(w)) && stems.every((s) => m.hidden.some((w) => stem(w) === s));
}
