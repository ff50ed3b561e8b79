// Kind B, term -> definition: "Which statement about X matches the notes?" Distractors are facts
// of X's siblings (same list, heading, category), never a fact that could also be true of X.
import type { Entity } from '../bank-index.js';
import { chooseDistractors, formSim, relatedness, sameSubjectEntities, sharesSubject, structuralScore, type Option, type Relation } from '../distractors.js';
import {
  MAX_PROMPT,
  cleanFact,
  entityOf,
  isMember,
  isQuestionTerm,
  isTable,
  optionSource,
  optionText,
  shareConflict,
  source,
  statementLabel,
  subjectName,
  type Ctx,
  type KindBuilder,
} from '../guards.js';
import { otherForm } from '../entity-kind.js';
import { leakKeyOfEntity, leakKeyOfText, leaks, type LeakKey } from '../mask.js';
import { descriptionProblem } from '../sense.js';
import { intersects, overlapsTooMuch, sameSense, stem } from '../text.js';
import { termKey, termWords } from '../canonical.js';
import type { BankFact } from '../types.js';

/**
 * The best fact of a sibling entity to stand beside the key fact: same attribute, clean, no
 * overlap with anything the notes say about the key entity, not naming either entity.
 */
export function siblingFact(
  ctx: Ctx,
  key: Entity,
  keyFact: BankFact,
  keyText: string,
  d: Entity,
  strict: boolean,
): { fact: BankFact; text: string } | null {
  const attr = (keyFact.attribute ?? '').toLowerCase();
  if (!d.named || !d.attrs.has(attr) || shareConflict(key, d) || nestedEntities(key, d)) return null;
  let best: { fact: BankFact; text: string; v: number } | null = null;
  for (const c of usableFacts(ctx, key, d, attr, strict)) {
    const v = -Math.abs(c.text.length - keyText.length) / Math.max(c.text.length, keyText.length);
    if (!best || v > best.v) best = { ...c, v };
  }
  return best;
}

// "Ground Truth" and "Ground Truth Plus": one name inside the other is a parent and a variant,
// and what the notes say of one may well hold for the other.
/** One is filed under the other's heading, or one name holds the other ("LSTM" under "RNN";
 * "Ground Truth" and "Ground Truth Plus"): what is said of one may hold for the other. */
export function nestedEntities(a: Entity, b: Entity): boolean {
  const under = (x: Entity, y: Entity) => x.facts.some((f) => f.topic.some((t) => y.termKeys.has(termKey(t))));
  const inside = (x: Set<string>, y: Set<string>) => x.size > 0 && [...x].every((s) => y.has(s));
  // Whole written words, so "A record" (whose "A" is no content word) is not inside "MX record".
  const all = (x: Entity) => new Set(termWords(x.name).map((w) => stem(w.toLowerCase())));
  return under(a, b) || under(b, a) || inside(all(a), all(b)) || inside(all(b), all(a));
}

// The filters depend only on the two entities, the attribute and strictness, not on the key
// fact: term -> definition and true/false items about one entity share the work.
const usableCache = new WeakMap<object, Map<string, { fact: BankFact; text: string }[]>>();

function usableFacts(ctx: Ctx, key: Entity, d: Entity, attr: string, strict: boolean): { fact: BankFact; text: string }[] {
  let cache = usableCache.get(ctx.ix);
  if (!cache) usableCache.set(ctx.ix, (cache = new Map()));
  const id = `${key.key}\u0000${d.key}\u0000${attr}\u0000${strict}`;
  let out = cache.get(id);
  if (!out) cache.set(id, (out = computeUsable(ctx, key, d, attr, strict)));
  return out;
}

// What an entity can offer as a statement option at all, whatever the key: clean, not a list
// member or a question, short enough, and not naming the entity itself.
const offerCache = new WeakMap<Entity, { fact: BankFact; text: string }[]>();
function offers(ctx: Ctx, d: Entity): { fact: BankFact; text: string }[] {
  let out = offerCache.get(d);
  if (!out) {
    const ownLeak: LeakKey = leakKeyOfEntity(ctx.ix, d);
    out = [];
    for (const f of d.facts) {
      if (!cleanFact(f) || isMember(f) || isQuestionTerm(f)) continue;
      const text = optionText(f.fact);
      // An option must say something too: no bare list of names, no empty praise.
      if (text && !leaks(text, ownLeak) && !descriptionProblem(text)) out.push({ fact: f, text });
    }
    offerCache.set(d, out);
  }
  return out;
}

function sharedDistinctive(ctx: Ctx, a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  // Synonyms count as the same word: "copy … minority" and "duplicate … minority" share two.
  const senses = new Set([...b].map(sameSense));
  let n = 0;
  for (const x of a) if (senses.has(sameSense(x)) && (ctx.ix.distinctive(x) || sameSense(x) !== x)) n++;
  return n;
}

function computeUsable(ctx: Ctx, key: Entity, d: Entity, attr: string, strict: boolean): { fact: BankFact; text: string }[] {
  const keyLeak: LeakKey = leakKeyOfEntity(ctx.ix, key);
  const out: { fact: BankFact; text: string }[] = [];
  for (const o of offers(ctx, d)) {
    const f = o.fact;
    if ((f.attribute ?? '').toLowerCase() !== attr) continue;
    // An open-ended list item ("can be used for things other than words, ...") is too general to
    // be false of anything else: never a swapped statement.
    if (strict && f.flags.includes('openList')) continue;
    const s = ctx.ix.stemsOf(f);
    // strict (true/false swaps): not a single shared content word with any fact of the key.
    // Otherwise still no two distinctive words in common with one of them: "Remove majority
    // case" says what "Remove majority samples" says.
    if (key.stems.some((k) => (strict ? intersects(k, s) : overlapsTooMuch(k, s) || sharedDistinctive(ctx, k, s) >= 2))) continue;
    if (leaks(o.text, keyLeak)) continue;
    out.push(o);
  }
  return out;
}

function prompt(name: string, f: BankFact): string {
  if (!f.attribute) return `What do the notes say about ${name}?`;
  const attr = f.attribute.split(' / ').pop()!.trim();
  if (attr.split(/\s+/).length <= 3 && !/[/:]/.test(attr)) return `What do the notes give as the ${attr.toLowerCase()} of ${name}?`;
  return `Which item do the notes list under "${attr}" for ${name}?`;
}

export const termToDef: KindBuilder = {
  kind: 'term-to-def',
  eligible(ctx, f) {
    const e = entityOf(ctx.ix, f);
    return e.named && cleanFact(f) && !isMember(f) && !isTable(f) && !isQuestionTerm(f) && optionText(f.fact) !== null;
  },
  build(ctx, f, rng) {
    const { ix } = ctx;
    const e = entityOf(ix, f);
    const keyText = optionText(f.fact)!;
    // The answer must not repeat the term (a giveaway) and the prompt must not echo the answer.
    if (leaks(keyText, leakKeyOfEntity(ix, e))) return null;
    const text = prompt(subjectName(e, f), f);
    if (text.length > MAX_PROMPT || leaks(text, leakKeyOfText(ix, keyText))) return null;
    const make = (d: Entity, rel: Relation): Option | null => {
      if ((rel.tier === 'bank' && !sharesSubject(ix, e, d)) || !sameSubjectEntities(ix, e, d)) return null;
      // Beyond the key's own list or name family, only things the notes discuss in the same
      // words: a deployment note beside a classification threshold makes the key obvious.
      // A short section ("Medieval" in a card set's unit column) holds things that belong together.
      if (rel.tier !== 'list' && rel.tier !== 'category' && !rel.sameSection && relatedness(ix, e, d) < 1) return null;
      // "What do the notes say about the Treaty of Tordesillas?" among a voyage and a plague:
      // the only agreement is the answer.
      if (otherForm(e, d)) return null;
      const sib = siblingFact(ctx, e, f, keyText, d, false);
      if (!sib) return null;
      // Statements on the key's own subject matter make plausible options ("labels data" beside
      // other data-preparation services, not beside chatbots): a little shared vocabulary.
      const stems = ctx.ix.stemsOf(sib.fact);
      let shared = 0;
      let distinct = 0;
      for (const x of stems) if (ix.distinctive(x)) (distinct++, e.allStems.has(x) && shared++);
      // A statement whose telling words the key's own notes use too ("Serverless; scales
      // automatically" beside a Batch said to be serverless) may be true of the key as well.
      if (shared && shared * 2 >= distinct) return null;
      const score = structuralScore(rel) + formSim(keyText, sib.text) + Math.min(1.5, shared * 0.5) + 0.3 * relatedness(ix, e, d);
      return { text: sib.text, fact: sib.fact, line: sib.fact.lineStart, entityKey: d.key, tier: rel.tier, score };
    };
    const picked = chooseDistractors(ix, e, keyText, 3, rng, make, { maxFar: 1, preScore: (d) => 0.5 * relatedness(ix, e, d) });
    if (!picked) return null;
    return {
      kind: 'term-to-def',
      prompt: text,
      key: { text: keyText, source: source(f) },
      distractors: picked.map((o) => ({ text: o.text, source: optionSource(o) })),
      fact: f,
      line: f.lineStart,
      termKey: e.key,
      attribute: f.attribute,
      explanation: `${statementLabel(e, f)}: ${f.fact}`,
    };
  },
};
