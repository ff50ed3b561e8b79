// Kind A, definition -> term: "Which term is described as ...?" The term's own distinctive words
// and acronyms are masked out of the definition; when too little is left the fact is skipped.
import type { Entity } from '../bank-index.js';
import { chooseDistractors, entitiesOverlap, formSim, structuralScore, type Option } from '../distractors.js';
import {
  MAX_OPTION,
  MAX_PROMPT,
  cleanFact,
  entityOf,
  isMember,
  isQuestionTerm,
  isTable,
  optionSource,
  ownSpelling,
  shareConflict,
  source,
  statementLabel,
  termLineOf,
  topicHint,
  type KindBuilder,
} from '../guards.js';
import { leakKeyOfEntity, leaks, maskLeaks, namesEntity } from '../mask.js';
import { contentStems, fitClause, hasMarkup, jaccard, overlapsTooMuch, stemSet } from '../text.js';
import type { BankFact } from '../types.js';

/** The option that names an entity, with the fact whose line shows that spelling. */
export function nameOption(e: Entity): { text: string; fact: BankFact } | null {
  if (!e.named || hasMarkup(e.name) || e.name.length > MAX_OPTION) return null;
  const f = e.facts.find((x) => x.term.trim() === e.name) ?? null;
  return f ? { text: e.name, fact: f } : null;
}

// "Which term has Use cases ...?" reads well for a column or field label, not for a list intro
// ("anything else", "There are few types of S3 services").
/** Share of the definition's words that the entity's notes also use. */
function sharedShare(def: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  if (!def.size) return 0;
  let n = 0;
  for (const w of def) if (theirs.has(w)) n++;
  return n / def.size;
}

function shortLabel(attr: string): boolean {
  return attr.split(/\s+/).length <= 3 && /^[A-Z]/.test(attr) && !/[/:]/.test(attr);
}

function prompt(def: string, f: BankFact, hint: string | null): string {
  const a = f.attribute;
  const ask = !a ? `Which term is described as "${def}"?` : shortLabel(a) ? `Which term has ${a} "${def}"?` : `For which term do the notes list "${def}" under "${a}"?`;
  // The heading is context, unless it only repeats the attribute.
  const useHint = hint && (!a || hint.toLowerCase() !== a.toLowerCase());
  return useHint ? `In "${hint}": ${ask[0].toLowerCase()}${ask.slice(1)}` : ask;
}

export const defToTerm: KindBuilder = {
  kind: 'def-to-term',
  eligible(ctx, f) {
    const e = entityOf(ctx.ix, f);
    return e.named && cleanFact(f) && !isMember(f) && !isTable(f) && !isQuestionTerm(f) && contentStems(f.fact).length >= 2;
  },
  build(ctx, f, rng) {
    const { ix } = ctx;
    const e = entityOf(ix, f);
    // The key is the term as this fact's line spells it, so the cited line shows the answer.
    const keyText = ownSpelling(f);
    if (!keyText || keyText.length > MAX_OPTION || hasMarkup(keyText)) return null;
    const def = fitClause(f.fact, 140);
    if (!def) return null;
    const lk = leakKeyOfEntity(ix, e);
    const masked = maskLeaks(def, lk);
    const visible = contentStems(masked.text.replaceAll('____', ' '));
    // Tautologies ("SageMaker Serverless: serverless for your models") leave nothing to go on.
    if (visible.length < 2 || masked.masked > visible.length || !visible.some((s) => ix.distinctive(s))) return null;
    const hint = topicHint(e, f);
    let text = prompt(masked.text, f, hint && !leaks(hint, lk) ? hint : null);
    if (text.length > MAX_PROMPT) text = prompt(masked.text, f, null);
    if (text.length > MAX_PROMPT || leaks(text, lk) || namesEntity(text, e)) return null;
    const defStems = stemSet(def);
    const make = (d: Entity, rel: Parameters<typeof structuralScore>[0]): Option | null => {
      const opt = nameOption(d);
      if (!opt) return null;
      // A path-like name (a content type such as "text/csv") only stands beside another one.
      if (/^\S+\/\S+$/.test(opt.text) !== /^\S+\/\S+$/.test(keyText)) return null;
      // Could the definition also describe d? Then d is a second right answer.
      if (d.stems.some((s) => overlapsTooMuch(s, defStems)) || entitiesOverlap(ix, e, d) || shareConflict(e, d)) return null;
      // A distractor named in the prompt itself reads as a trick.
      if (namesEntity(text, d)) return null;
      const content = Math.max(0, ...d.stems.map((s) => jaccard(s, defStems)));
      const score = structuralScore(rel) + formSim(keyText, opt.text) + (content < 0.4 ? content : 0);
      return { text: opt.text, fact: opt.fact, line: termLineOf(opt.fact), entityKey: d.key, tier: rel.tier, score };
    };
    // Names that look like the key's and entities whose notes sound like the definition (but not
    // too much: the filters above) are the plausible confusions.
    const preScore = (d: Entity) => formSim(keyText, d.name) + Math.min(0.4, sharedShare(defStems, d.allStems));
    const picked = chooseDistractors(ix, e, keyText, 3, rng, make, { preScore });
    if (!picked) return null;
    return {
      kind: 'def-to-term',
      prompt: text,
      key: { text: keyText, source: source(f, termLineOf(f)) },
      distractors: picked.map((o) => ({ text: o.text, source: optionSource(o) })),
      fact: f,
      line: termLineOf(f),
      termKey: e.key,
      attribute: f.attribute,
      explanation: `${statementLabel(e, f)}: ${f.fact}`,
    };
  },
};
