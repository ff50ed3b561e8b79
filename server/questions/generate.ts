// Bank + options -> questions. Slots are (entity, attribute, kind) groups of candidate facts
// (one question per slot, F2); the selection walks kinds round-robin and, inside a kind, topics
// round-robin, so a game touches many topics and every requested kind. Every random choice comes
// from a PRNG keyed by the seed and the slot, so the same inputs give byte-identical output.
import { QUESTION_KINDS } from '../../shared/game-types.js';
import { indexOf, type BankIndex } from './bank-index.js';
import { leakKeyOfText, leaks } from './mask.js';
import { normaliseOption } from './text.js';
import { entityOf, type Ctx, type Draft, type KindBuilder } from './guards.js';
import { cloze } from './kinds/cloze.js';
import { defToTerm } from './kinds/def-to-term.js';
import { tableCell } from './kinds/table-cell.js';
import { qa } from './kinds/qa.js';
import { termToDef } from './kinds/term-to-def.js';
import { trueFalse } from './kinds/true-false.js';
import { Rng, stableId } from './seeded.js';
import { senseProblems } from './sense.js';
import type { Bank, BankFact, GenerateOptions, Question, QuestionKind } from './types.js';

const BUILDERS: Record<QuestionKind, KindBuilder> = {
  'def-to-term': defToTerm,
  'term-to-def': termToDef,
  'table-cell': tableCell,
  'true-false': trueFalse,
  cloze,
  qa,
};

interface Slot {
  id: string;
  kind: QuestionKind;
  entity: string;
  bucket: string;
  facts: BankFact[];
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A fact belongs to a chosen topic when that topic path is a prefix of its own path. */
export function inTopics(f: BankFact, topics: readonly string[][] | undefined): boolean {
  if (!topics?.length) return true;
  const path = f.topic.map(norm);
  return topics.some((t) => t.length <= path.length && t.every((x, i) => norm(x) === path[i]));
}

function slotsOf(ctx: Ctx, facts: readonly BankFact[], kinds: readonly QuestionKind[]): Slot[] {
  const slots = new Map<string, Slot>();
  for (const f of facts) {
    for (const kind of kinds) {
      if (!BUILDERS[kind].eligible(ctx, f)) continue;
      const entity = entityOf(ctx.ix, f).key;
      const id = `${entity}|${(f.attribute ?? '').toLowerCase()}|${kind}`;
      let s = slots.get(id);
      if (!s) {
        // Spread by file and the top two levels of the topic path.
        const bucket = `${f.file}|${f.topic.slice(0, 2).map(norm).join(' > ')}`;
        slots.set(id, (s = { id, kind, entity, bucket, facts: [] }));
      }
      s.facts.push(f);
    }
  }
  // Inside a slot, the kind's preferred facts first, then the most trustworthy; ties keep
  // file/line order (the sort is stable).
  for (const s of slots.values()) {
    const rank = BUILDERS[s.kind].rank ?? (() => 0);
    s.facts.sort((a, b) => rank(a) - rank(b) || b.confidence - a.confidence);
  }
  return [...slots.values()];
}

/** Interleave buckets: one slot from each bucket in turn, bucket order and contents shuffled. */
function spread(slots: Slot[], rng: Rng): Slot[] {
  const buckets = new Map<string, Slot[]>();
  for (const s of slots) {
    if (!buckets.has(s.bucket)) buckets.set(s.bucket, []);
    buckets.get(s.bucket)!.push(s);
  }
  const lists = rng.shuffle([...buckets.keys()].sort()).map((b) => rng.shuffle(buckets.get(b)!));
  const out: Slot[] = [];
  for (let i = 0; out.length < slots.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * The topic path players see while a question is open: the full path up to (not including) the
 * first heading that shows the keyed option or one of its distinctive words. "Model Training >
 * ML instance recommendations" above a question keyed "ML instance recommendations" would hand
 * out the answer; the reveal shows the full path.
 */
export function shownTopic(ix: BankIndex, topic: readonly string[], draft: Draft): string[] {
  if (draft.kind === 'true-false') return [...topic];
  const key = draft.key.text;
  const lk = leakKeyOfText(ix, key);
  const keyNorm = normaliseOption(key);
  // Headings the distractors sit under too. A heading only the key sits under ("Amazon Kinesis"
  // above Firehose among Athena, EMR and QuickSight) points at it; options that are values
  // (cloze, table cells) are not named by a heading.
  const named = draft.kind === 'def-to-term' || draft.kind === 'term-to-def' || draft.kind === 'qa';
  const others = draft.distractors.flatMap((d) => {
    const f = d.source ? ix.factById.get(d.source.factId) : undefined;
    return f ? [new Set(f.topic.map((t) => normaliseOption(t)))] : [];
  });
  const out: string[] = [];
  for (const t of topic) {
    const n = normaliseOption(t);
    if (n.includes(keyNorm) || keyNorm.includes(n) || leaks(t, lk)) break;
    if (named && others.length && !others.some((o) => o.has(n))) break;
    out.push(t);
  }
  return out;
}

const BRAND_PREFIX = /^(?:Amazon|AWS|Sage\s?[Mm]aker|SM)\s+(?=\S)/;

/**
 * Names written with and without their vendor word in one question ("Amazon DeepComposer" among
 * "Lookout" and "Fraud Detector") point at the odd one out: the vendor word goes from every
 * short name option, unless that would make two options equal.
 */
export function evenBrands(options: string[], answer: number): string[] {
  const names = options.every((o) => o.split(/\s+/).length <= 5);
  const branded = options.map((o) => BRAND_PREFIX.test(o));
  // Only when the key is the odd one out: some other option must look like it.
  if (!names || options.some((_o, i) => i !== answer && branded[i] === branded[answer])) return options;
  const out = options.map((o) => o.replace(BRAND_PREFIX, ''));
  if (out.some((o) => !/^[\p{L}\p{N}]/u.test(o))) return options;
  const lengths = out.map((o) => o.length);
  // Still distinct, and still of comparable lengths (the rule every pick obeys).
  if (Math.max(...lengths) > 3 * Math.min(...lengths)) return options;
  return new Set(out.map((o) => o.toLowerCase())).size === out.length ? out : options;
}

function finalise(ix: BankIndex, deck: string, draft: Draft, seed: GenerateOptions['seed'], slot: string): Question {
  const rng = new Rng(seed, `order|${slot}`);
  let options: string[];
  let sources: Question['sources'];
  let answer: number;
  if (draft.kind === 'true-false') {
    // True/False keep a fixed order; the coin flip in the builder balances the answers.
    options = ['True', 'False'];
    sources = [null, null];
    answer = draft.truth ? 0 : 1;
  } else {
    answer = rng.int(0, draft.distractors.length);
    const rest = rng.shuffle(draft.distractors);
    const all = [...rest.slice(0, answer), draft.key, ...rest.slice(answer)];
    options = evenBrands(all.map((o) => o.text), answer);
    sources = all.map((o) => o.source);
  }
  return {
    id: stableId(draft.kind, draft.fact.id, ...options),
    kind: draft.kind,
    prompt: draft.prompt,
    options,
    answer,
    deck,
    topic: [...(draft.topic ?? draft.fact.topic)],
    shownTopic: shownTopic(ix, draft.topic ?? draft.fact.topic, draft),
    file: draft.fact.file,
    line: draft.line,
    factLine: draft.fact.lineStart,
    explanation: draft.explanation,
    factId: draft.fact.id,
    termKey: draft.termKey,
    ...(draft.attribute ? { attribute: draft.attribute } : {}),
    sources,
  };
}

/** The bank without the facts the host left out; the same object when nothing is excluded, so
 * the index cache keeps working. A filtered bank is cached per exclusion list. */
const curatedCache = new WeakMap<readonly BankFact[], { sig: string; bank: Bank }>();
export function curatedBank(bank: Bank, exclude: GenerateOptions['exclude']): Bank {
  const facts = new Set(exclude?.facts ?? []);
  const terms = new Set(exclude?.terms ?? []);
  if (!facts.size && !terms.size) return bank;
  const sig = JSON.stringify([[...facts].sort(), [...terms].sort()]);
  const hit = curatedCache.get(bank.facts);
  if (hit && hit.sig === sig) return hit.bank;
  const kept = bank.facts.filter((f) => !facts.has(f.id) && !terms.has(f.termKey));
  const out: Bank = { ...bank, facts: kept };
  curatedCache.set(bank.facts, { sig, bank: out });
  return out;
}

export function generateQuestions(fullBank: Bank, options: GenerateOptions): Question[] {
  const kinds = (options.kinds?.length ? QUESTION_KINDS.filter((k) => options.kinds!.includes(k)) : [...QUESTION_KINDS]) as QuestionKind[];
  const bank = curatedBank(fullBank, options.exclude);
  const struck = new Set(options.exclude?.questions ?? []);
  const ctx: Ctx = { ix: indexOf(bank) };
  const only = options.facts ? new Set(options.facts) : null;
  const facts = bank.facts.filter((f) => inTopics(f, options.topics) && (!only || only.has(f.id)));
  const rng = new Rng(options.seed, 'select');
  const byKind = new Map<QuestionKind, Slot[]>();
  for (const s of slotsOf(ctx, facts, kinds)) {
    if (!byKind.has(s.kind)) byKind.set(s.kind, []);
    byKind.get(s.kind)!.push(s);
  }
  const queues = kinds.map((k) => ({ kind: k, slots: spread(byKind.get(k) ?? [], rng.fork()), at: 0, deferred: [] as Slot[], back: 0 }));
  const out: Question[] = [];
  const ids = new Set<string>();
  const usedEntities = new Set<string>();
  // True/false answers: the builder is asked for the side that is behind, so a game stays near
  // half True even though a false statement cannot always be made.
  const answers = { true: 0, false: 0 };
  const truthHint = () => (answers.true > answers.false ? false : answers.false > answers.true ? true : undefined);
  const want = Math.max(0, Math.floor(options.count));

  // One question per kind in turn (kind order shuffled per round), preferring entities not yet
  // asked about; a kind whose slots run out drops out of the rotation.
  const pending = (q: (typeof queues)[number]) => q.at < q.slots.length || q.back < q.deferred.length;
  while (out.length < want && queues.some(pending)) {
    for (const q of rng.shuffle(queues)) {
      if (out.length >= want) break;
      let made: Question | null = null;
      while (!made && pending(q)) {
        const fresh = q.at < q.slots.length;
        const slot = fresh ? q.slots[q.at++] : q.deferred[q.back++];
        if (fresh && usedEntities.has(slot.entity)) {
          q.deferred.push(slot);
          continue;
        }
        for (const f of slot.facts) {
          const draft = BUILDERS[slot.kind].build(ctx, f, new Rng(options.seed, `${slot.id}|${f.id}`), { truth: truthHint() });
          if (!draft) continue;
          const question = finalise(ctx.ix, bank.deck, draft, options.seed, slot.id);
          if (ids.has(question.id) || struck.has(`${question.factId}|${question.kind}`)) continue;
          // The same sense checks `quality` reports: a question that fails one is never asked.
          if (senseProblems(ctx.ix, question).length) continue;
          made = question;
          break;
        }
      }
      if (!made) continue;
      ids.add(made.id);
      if (made.kind === 'true-false') answers[made.answer === 0 ? 'true' : 'false']++;
      usedEntities.add(made.termKey);
      out.push(made);
    }
  }
  return out;
}
