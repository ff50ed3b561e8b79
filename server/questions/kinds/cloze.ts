// Kind F, cloze: blank a number with a unit class (port, size, duration, percentage) or the name of
// another entity mentioned in the fact. Distractors are values of the same class, or siblings of
// the mentioned entity, taken from the bank: nothing is invented.
import type { BankIndex, Entity } from '../bank-index.js';
import { DURATION_UNITS, SIZE_UNITS, quantities, type Quantity } from '../conflicts.js';
import { pickOptions, relation, structuralScore, type Option } from '../distractors.js';
import { MAX_OPTION, MAX_PROMPT, cleanFact, entityOf, isQuestionTerm, source, statementLabel, subjectName, termLineOf, type Ctx, type KindBuilder } from '../guards.js';
import { BLANK, leakKeyOfEntity, leakKeyOfText, leaks } from '../mask.js';
import { contentStems, intersects, normaliseOption, stemSet } from '../text.js';
import type { BankFact } from '../types.js';
import { nameOption } from './def-to-term.js';
import { mentionsIn } from './mentions.js';
import type { Rng } from '../seeded.js';

export function unitClass(q: Quantity): string | null {
  if (q.unit === 'port') return 'port';
  if (SIZE_UNITS.has(q.unit)) return 'size';
  if (DURATION_UNITS.has(q.unit)) return 'duration';
  return q.unit === '%' ? 'percent' : null;
}

/** What a blank hides and what an option shows: the port number, or the number with its unit. */
function shownValue(q: Quantity): string {
  return q.unit === 'port' ? q.value : q.text.replace(/\s+/g, ' ');
}

interface ValueRef {
  q: Quantity;
  cls: string;
  fact: BankFact;
}

const valueIndex = new WeakMap<BankIndex, Map<string, ValueRef[]>>();
function valuesByClass(ix: BankIndex): Map<string, ValueRef[]> {
  let m = valueIndex.get(ix);
  if (!m) {
    m = new Map();
    for (const f of ix.bank.facts) {
      // A number is atomic: a truncated or question-flagged line still states it ("port 8080, and").
      if (f.conflictGroup || f.flags.includes('merged') || f.flags.includes('math')) continue;
      for (const q of quantities(clozeText(f))) {
        const cls = unitClass(q);
        if (!cls) continue;
        if (!m.has(cls)) m.set(cls, []);
        m.get(cls)!.push({ q, cls, fact: f });
      }
    }
    valueIndex.set(ix, m);
  }
  return m;
}

/** Does the text show this number as a number of its own (not inside "8890" or "S3")? */
function showsNumber(text: string, value: string): boolean {
  const esc = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}.])${esc}(?![\\p{N}])`, 'u').test(text);
}

/** The fact with [start, end) blanked; when too long, only the sentence holding the blank. */
function blanked(text: string, start: number, end: number): string | null {
  const whole = `${text.slice(0, start)}${BLANK}${text.slice(end)}`.trim().replace(/[.\s]+$/, '');
  if (whole.length <= 150) return whole;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const from = Math.max(0, before.search(/[.;]\s[^.;]*$/) + 1);
  const stop = after.search(/[.;]\s/);
  const sentence = (before.slice(from) + BLANK + (stop >= 0 ? after.slice(0, stop) : after)).trim();
  return sentence.length <= 150 ? sentence : null;
}

function numeric(ctx: Ctx, f: BankFact, e: Entity, rng: Rng, label: string) {
  const { ix } = ctx;
  const text = clozeText(f);
  const q = quantities(text).find((x) => unitClass(x) !== null);
  if (!q) return null;
  const cls = unitClass(q)!;
  const keyText = shownValue(q);
  // A port blank hides the number only ("Port=____"); other blanks hide number and unit.
  const end = q.unit === 'port' ? q.end : q.start + q.text.length;
  const stem = blanked(text, q.start, end);
  const keyNorm = normaliseOption(keyText);
  if (!stem || showsNumber(`${label} ${stem}`, q.value) || !contentStems(stem.replace(BLANK, ' ')).length) return null;
  // Values the key entity states elsewhere for this class could also be right; ports are the
  // exception, since each one belongs to the named thing beside it ("Zeppelin ... Port=8890").
  const sources = cls === 'port' ? [f] : e.facts;
  const own = new Set(sources.flatMap((x) => quantities(x.fact)).filter((x) => unitClass(x) === cls).map((x) => normaliseOption(shownValue(x))));
  const cands: Option[] = [];
  for (const v of valuesByClass(ix).get(cls) ?? []) {
    const text = shownValue(v.q);
    const norm = normaliseOption(text);
    if (norm === keyNorm || own.has(norm) || showsNumber(stem, v.q.value)) continue;
    const d = entityOf(ix, v.fact);
    // A value from another subject ("70S" ribosomes beside a daily dose) is no rival.
    if (!ix.sameSubject(v.fact.file, f.file)) continue;
    const rel = relation(ix, e, d);
    const score = structuralScore(rel) + (v.q.unit === q.unit ? 2 : 0) + (v.fact.file === f.file ? 1 : 0);
    cands.push({ text, fact: v.fact, line: v.fact.lineStart, entityKey: `value:${norm}`, tier: d.key === e.key ? 'list' : rel.tier, score });
  }
  const picked = pickOptions(keyText, `value:${keyNorm}`, cands, 3, rng);
  // "Within ____" keyed "8 hours" beside "7-10 day" and "30S": most options must speak the
  // key's own unit, or the odd ones out are no rivals.
  if (picked && picked.filter((o) => quantities(o.text)[0]?.unit === q.unit || (q.unit === 'port')).length < 2) return null;
  return picked ? { stem, keyText, picked, line: f.lineStart } : null;
}

/** Do two texts share 6+ letters in a row once spacing and punctuation are gone? ("x-recordio"
 * next to "record io protobuf" reads as a half-right answer.) */
function sharesLongRun(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const y = b.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  for (let i = 0; i + 6 <= x.length; i++) if (y.includes(x.slice(i, i + 6))) return true;
  return false;
}

/** Is [start, end) one item of an enumeration ("S3, ____, Amazon RDS")? A list in the notes is
 * rarely the whole list, so another item of its kind could fill the blank as well. */
export function inEnumeration(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // A parenthesis after the name ("RANDOM_CUT_FOREST (anomaly detection) and HOTSPOTS") is
  // still followed by the rest of the list.
  const rest = after.replace(/^\s*\([^()]*\)/, '');
  return (
    /(?:,|\band|\bor|&|\/|\+|->|=>|→)\s*$/i.test(before) ||
    /^\s*(?:,|\band\b|\bor\b|&|\/|\+|->|=>|→)/i.test(rest) ||
    (/\(\s*$/.test(before) && /^\s*,/.test(after))
  );
}

function mention(ctx: Ctx, f: BankFact, e: Entity, rng: Rng, label: string) {
  const { ix } = ctx;
  // A pipeline ("S3 -> Glue Crawler -> Athena -> …") is a list written with arrows.
  if ((f.fact.match(/->|=>|→/g)?.length ?? 0) >= 2) return null;
  for (const m of mentionsIn(ix, f.fact)) {
    const target = ix.entities.get(m.entityKey)!;
    if (target.key === e.key || !target.groups.size) continue;
    // Blanks go on distinctive names only: never the deck's own brand ("SageMaker"), never
    // one item of a list.
    if (inEnumeration(f.fact, m.start, m.end) || ![...target.nameStems].every((s) => ix.distinctive(s))) continue;
    const stem = blanked(f.fact, m.start, m.end);
    // The rest of the sentence has to say something, or the blank is just "name the term".
    if (!stem || contentStems(stem.replace(BLANK, ' ')).length < 2 || leaks(`${label} ${stem}`, leakKeyOfEntity(ix, target))) continue;
    const stemStems = new Set(contentStems(stem).filter((s) => !e.nameStems.has(s)));
    const saidOfKey = new Set(e.facts.flatMap((x) => mentionsIn(ix, x.fact).map((y) => y.entityKey)));
    // Options come from one list the blanked name belongs to (its siblings in the notes), so all
    // four are things of one kind; the list with the most usable siblings wins.
    const byGroup = new Map<string, Option[]>();
    for (const g of [...target.groups].sort()) {
      const cands: Option[] = [];
      for (const k of ix.groupMembers.get(g) ?? []) {
        const d = ix.entities.get(k)!;
        const opt = nameOption(d);
        if (!opt || d.key === e.key || d.key === target.key || saidOfKey.has(d.key)) continue;
        if (![...d.nameStems].some((s) => ix.distinctive(s))) continue;
        if (leaks(f.fact, leakKeyOfEntity(ix, d))) continue;
        // A sibling whose own facts say much the same as the sentence would also fit the blank.
        if (d.facts.some((x) => mentionsIn(ix, x.fact).some((y) => y.entityKey === e.key))) continue;
        // Even one distinctive word in common ("detect" for an anomaly detector) makes it a
        // second answer.
        if (d.stems.some((s) => [...s].some((x) => stemStems.has(x) && ix.distinctive(x)))) continue;
        // All four must be things of one family, sharing a name word with the blanked one
        // ("Kinesis Data Firehose" beside "Kinesis Data Streams"): a sentence that says what a
        // thing does is answered by any service of another kind only as a trick.
        if (!intersects(d.categories, target.categories)) continue;
        if (sharesLongRun(opt.text, stem)) continue;
        cands.push({ text: opt.text, fact: opt.fact, line: termLineOf(opt.fact), entityKey: d.key, tier: 'list', score: 3 });
      }
      byGroup.set(g, cands);
    }
    // Show the entity's usual spelling when the fact only differs in case ("redshift spectrum").
    const keyText = normaliseOption(target.name) === normaliseOption(m.text) ? target.name : m.text;
    if (leaks(`${label} ${stem}`, leakKeyOfText(ix, keyText))) continue;
    const groups = [...byGroup.values()].filter((c) => c.length >= 3).sort((a, b) => b.length - a.length);
    for (const cands of groups) {
      const picked = pickOptions(keyText, target.key, cands, 3, rng);
      if (picked) return { stem, keyText, picked, line: f.lineStart };
    }
  }
  return null;
}

const CLASS_ORDER = ['port', 'size', 'duration', 'percent', 'none'];

/** The text a blank is cut from: a setting ("Zeppelin notebooks" / Port / 8890) reads as
 * "Port=8890", the way the notes wrote it. */
export function clozeText(f: BankFact): string {
  return f.rule === 'S5/key-value' && f.attribute ? `${f.attribute}=${f.fact}` : f.fact;
}

export const cloze: KindBuilder = {
  kind: 'cloze',
  // Numbers first: a value cloze is the safer item (one right answer, same-class options), and
  // ports the safest of all (a port belongs to exactly one named thing).
  rank: (f) => Math.min(4, ...quantities(clozeText(f)).map((q) => CLASS_ORDER.indexOf(unitClass(q) ?? 'none'))),
  eligible(ctx, f) {
    const e = entityOf(ctx.ix, f);
    return e.named && cleanFact(f) && !isQuestionTerm(f) && stemSet(clozeText(f)).size >= 2;
  },
  build(ctx, f, rng) {
    const e = entityOf(ctx.ix, f);
    // A setting's key already stands in the text ("Port=____"): the label is the name alone.
    const label = f.rule === 'S5/key-value' ? subjectName(e, f) : statementLabel(e, f);
    const made = numeric(ctx, f, e, rng, label) ?? mention(ctx, f, e, rng, label);
    if (!made || made.keyText.length > MAX_OPTION) return null;
    const prompt = `Fill in the blank (${label}): ${made.stem}`;
    if (prompt.length > MAX_PROMPT) return null;
    return {
      kind: 'cloze',
      prompt,
      key: { text: made.keyText, source: source(f) },
      distractors: made.picked.map((o) => ({ text: o.text, source: source(o.fact, o.line) })),
      fact: f,
      line: made.line,
      termKey: e.key,
      attribute: f.attribute,
      explanation: `${statementLabel(e, f)}: ${f.fact}`,
    };
  },
};
