// C5 conflict groups: two files give different numbers for the same quantity of the same thing
// (inference pipeline "2-15" vs "2-5" vs "up to 5" containers; Kinesis retention "up to 365 days"
// vs "extend to 7 days"). Such facts are never a key, an option or a true/false statement.
import { termWords } from './canonical.js';
import { isStop, stem } from './text.js';

export interface Quantity {
  /** Unit class: "port", "day", "hour", "mb", "%", or the stem of the counted noun ("contain"). */
  unit: string;
  /** Normalised value: "2-15", "365", "8890". */
  value: string;
  /** The exact source text of the number and its unit, e.g. "10GB", "24hrs", "Port=8890". */
  text: string;
  /** Character span of the number part (what a cloze blanks). */
  start: number;
  end: number;
}

const UNIT_ALIASES: Record<string, string> = {
  ms: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 'second', sec: 'second', secs: 'second', second: 'second', seconds: 'second',
  min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month',
  yr: 'year', yrs: 'year', year: 'year', years: 'year',
  kb: 'kb', mb: 'mb', gb: 'gb', tb: 'tb', pb: 'pb',
};

export const DURATION_UNITS = new Set(['ms', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
export const SIZE_UNITS = new Set(['kb', 'mb', 'gb', 'tb', 'pb']);

const NUMBER = String.raw`(?<![\p{L}\p{N}_.\-/=])(\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?)`;
const QUANTITY = new RegExp(`${NUMBER}\\s*(%|[A-Za-z]+)?`, 'gu');
const PORT = /\bport\s*(?:=|:|is|of)?\s*(\d{2,5})\b/giu;

/** Numbers with a unit class found in a fact (S11). Names with digits (S3, L1, Object2Vec) are skipped. */
export function quantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PORT)) {
    const start = m.index! + m[0].lastIndexOf(m[1]);
    out.push({ unit: 'port', value: m[1], text: m[0], start, end: start + m[1].length });
  }
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index!;
    if (out.some((q) => start >= q.start && start < q.end)) continue;
    const raw = (m[2] ?? '').toLowerCase();
    // "70S" ribosomes: a capital S after a number is a Svedberg unit, not seconds.
    let unit = m[2] === 'S' ? 'svedberg' : UNIT_ALIASES[raw];
    if (!unit && raw === '%') unit = '%';
    if (!unit && raw.length >= 3 && /^[a-z]+$/.test(raw) && !isStop(raw)) unit = stem(raw);
    if (!unit) continue;
    const value = m[1].replace(/\s*(?:–|to)\s*/g, '-').replace(/\s+/g, '');
    out.push({ unit, value, text: m[0].trim(), start, end: start + m[1].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface ConflictFactLike {
  id: string;
  file: string;
  term: string;
  termKey: string;
  topic: readonly string[];
  attribute?: string;
  fact: string;
}

const SUBJECT_NOISE = new Set(['data', 'servic', 'model', 'algorithm', 'overview', 'type', 'featur', 'option']);

function subjectStems(words: string[]): Set<string> {
  return new Set(words.filter((w) => !isStop(w)).map(stem).filter((w) => !SUBJECT_NOISE.has(w)));
}

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Conflict groups across files. Two facts conflict when they are about the same thing (same key,
 * aliases, or one term's words all appear in the other's term and nearest topics), have the same
 * attribute, and give disjoint values for the same unit. Returns fact id -> group id.
 */
export function conflictGroups(facts: readonly ConflictFactLike[], sameEntity: (a: string, b: string) => boolean = (a, b) => a === b): Map<string, string> {
  // Both kinds of conflict need facts of two files: one file alone (a first import) has none,
  // and reading every fact's numbers and negations for nothing was a third of a big import's plan.
  if (facts.every((f) => f.file === facts[0].file)) return new Map();
  const rows = facts
    .map((f) => {
      const qs = quantities(f.fact);
      const term = subjectStems(termWords(f.term));
      const near = f.topic.slice(-2).flatMap((t) => termWords(t));
      return { f, qs, term, subject: new Set([...term, ...subjectStems(near)]) };
    })
    .filter((r) => r.qs.length);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const join = (a: string, b: string) => {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  // Only facts of different files with the same attribute are compared: bucket by attribute
  // first, so one big file (no other file to disagree with) costs nothing here.
  const buckets = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = (r.f.attribute ?? '').toLowerCase();
    const b = buckets.get(k);
    if (b) b.push(r);
    else buckets.set(k, [r]);
  }
  const pairs: [(typeof rows)[number], (typeof rows)[number]][] = [];
  for (const bucket of buckets.values()) {
    if (new Set(bucket.map((r) => r.f.file)).size < 2) continue;
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) if (bucket[i].f.file !== bucket[j].f.file) pairs.push([bucket[i], bucket[j]]);
  }
  for (const [a, b] of pairs) {
    {
      const same = sameEntity(a.f.termKey, b.f.termKey);
      if (!same && !subset(a.term, b.subject) && !subset(b.term, a.subject)) continue;
      // A relation found only through the topic path is weak (a heading can wrongly swallow its
      // neighbours, F18): then the two facts must also share one equal quantity ("24 hours").
      if (!same && !a.qs.some((qa) => b.qs.some((qb) => qa.unit === qb.unit && qa.value === qb.value))) continue;
      for (const unit of new Set(a.qs.map((q) => q.unit))) {
        const va = new Set(a.qs.filter((q) => q.unit === unit).map((q) => q.value));
        const vb = b.qs.filter((q) => q.unit === unit).map((q) => q.value);
        if (vb.length && !vb.some((v) => va.has(v))) {
          join(a.f.id, b.f.id);
          break;
        }
      }
    }
  }
  for (const [a, b] of negationConflicts(facts, sameEntity)) join(a, b);
  const out = new Map<string, string>();
  for (const f of facts) if (parent.has(f.id)) out.set(f.id, `conflict:${find(f.id)}`);
  return out;
}

// "NO proto-buf", "Does not support CSV", "No support for record-io", "not Protobuf". Only a
// negation of a thing counts, so verbs ("cannot deploy", "without going") stay out.
const NEGATION = /\b(?:no|not|does\s+not\s+support)(?:\s+support(?:\s+for)?)?[\s-]+([\p{L}\p{N}][\p{L}\p{N}-]*)((?:\s+[\p{L}\p{N}][\p{L}\p{N}-]*)?)/giu;

/** A negated word worth comparing: rare, and written like a name or format (CSV, Protobuf,
 * record-io), not like an everyday word ("not full documents", "no voice"). */
function negatedThings(text: string, df: Map<string, number>, rare: number): string[] {
  return [...text.matchAll(NEGATION)]
    .filter((m) => /[A-Z\d-]/.test(m[1]))
    .map((m) => m[1].toLowerCase().replace(/-/g, ''))
    .filter((x) => x.length >= 3 && !isStop(x) && (df.get(x) ?? 0) <= rare);
}

/** Everything a text negates, with the word after it ("not deep learning" covers "deeplearning"). */
function negatedWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NEGATION)) for (const w of compactWords(m[1] + m[2])) out.add(w);
  return out;
}

/** Word forms of a text, with hyphens and the gaps of two-word spellings closed ("record io"). */
function compactWords(text: string): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const out = new Set<string>();
  w.forEach((x, i) => {
    for (const part of x.split('-')) out.add(part);
    out.add(x.replace(/-/g, ''));
    if (i + 1 < w.length) out.add(x.replace(/-/g, '') + w[i + 1].replace(/-/g, ''));
  });
  return out;
}

/**
 * F3 negations: one file says the entity does NOT have X, another file of the same entity names
 * X plainly (XGBoost "NO proto-buf" against "RecordIO-protobuf & Parquet"). Only rare words count
 * as X: "no data transformation" against "data ..." would be noise.
 */
function negationConflicts(facts: readonly ConflictFactLike[], sameEntity: (a: string, b: string) => boolean): [string, string][] {
  const df = new Map<string, number>();
  for (const f of facts) for (const w of compactWords(f.fact)) df.set(w, (df.get(w) ?? 0) + 1);
  const rare = Math.max(5, facts.length * 0.03);
  const out: [string, string][] = [];
  const words = new Map<string, Set<string>>();
  const wordsOf = (f: ConflictFactLike) => {
    let w = words.get(f.id);
    if (!w) words.set(f.id, (w = compactWords(f.fact)));
    return w;
  };
  // Facts of other files about the same entity: by key first (aliases are checked on the few
  // keys that share a file with a negation).
  const byKey = new Map<string, ConflictFactLike[]>();
  for (const f of facts) {
    const list = byKey.get(f.termKey);
    if (list) list.push(f);
    else byKey.set(f.termKey, [f]);
  }
  for (const a of facts) {
    const negated = negatedThings(a.fact, df, rare);
    if (!negated.length) continue;
    const keys = [...byKey.keys()].filter((k) => sameEntity(a.termKey, k));
    for (const b of keys.flatMap((k) => byKey.get(k)!)) {
      if (b.file === a.file) continue;
      const bNegated = negatedWords(b.fact);
      if (negated.some((x) => wordsOf(b).has(x) && !bNegated.has(x))) out.push([a.id, b.id]);
    }
  }
  return out;
}
