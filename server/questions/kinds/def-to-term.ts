// Kind A, definition -> term: "Which term is described as ...?" The term's own distinctive words
// and acronyms are masked out of the definition; when too little is left the fact is skipped.
import type { Entity } from '../bank-index.js';
import { chooseDistractors, entitiesOverlap, formSim, relatedness, sameSubjectEntities, sharesSubject, structuralScore, type Option } from '../distractors.js';
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
import { blanksWholeName, leakKeyOfEntity, leaks, maskLeaks, namesEntity } from '../mask.js';
import { termKey, termWords } from '../canonical.js';
import { kindOf, otherForm } from '../entity-kind.js';
import { mentionsIn } from './mentions.js';
import { nestedEntities } from './term-to-def.js';
import { descriptionProblem } from '../sense.js';
import { contentStems, fitClause, hasMarkup, jaccard, overlapsTooMuch, stem, stemSet } from '../text.js';
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

// Labels under which a value reads as a property of its term: "Which term has this input: …".
const FIELD_LABELS = /^(?:inputs?|outputs?|input formats?|data types?|data formats?|use cases?|examples?|hyper ?parameters?|instances?|hardware|metrics?|tuning|pros|cons|benefits|features|limitations|concepts|key concepts|purpose|port|ports|retention|file types?|content types?|algorithms?|side effects|indications|contraindications|mechanism(?: of action)?|symptoms|treatment|causes|function|role|location)$/i;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+$|^[a-z]+[A-Z]\w*$/;

function prompt(def: string, f: BankFact): string | null {
  const a = f.attribute;
  if (!a) return `Which term is described as "${def}"?`;
  const label = a.split(' / ').pop()!.trim();
  // Any other attribute ("Training", "Convert audio files to text") is context the clue needs
  // and a prompt cannot phrase naturally: no question.
  if (!FIELD_LABELS.test(label)) return null;
  if (!shortLabel(label)) return `For which term do the notes list "${def}" under "${label}"?`;
  // "Which term has these use cases: …", "Which term has this input: …".
  return `Which term has ${/[^s]s$/i.test(label) ? 'these' : 'this'} ${label.toLowerCase()}: "${def}"?`;
}

/** The definition as a clue: the whole fact when it is short, else its first sentence. A clause
 * cut at a comma ("During training") is no definition, so commas are never cut at. */
function clueText(fact: string): string | null {
  const t = fact.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (t.length <= 140) return t;
  // The first sentence: a period that is not part of "v.s.", "e.g." or "etc.", outside brackets.
  const first = fitClause(t, 140, false);
  return first && first.length >= 20 && t.startsWith(first) && /[.!?]\s/.test(t.slice(first.length, first.length + 2)) ? first : null;
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
    const def = clueText(f.fact);
    if (!def || descriptionProblem(def)) return null;
    const lk = leakKeyOfEntity(ix, e);
    const masked = maskLeaks(def, lk);
    const visible = contentStems(masked.text.replaceAll('____', ' '));
    const blanks = masked.text.split('____').length - 1;
    // Tautologies ("SageMaker Serverless: serverless for your models") leave nothing to go on;
    // more than one blank, or a third of the words masked, leaves a riddle, not a definition.
    // With a blank in it, the clue needs enough words that it is not a fill-in of the term; a
    // short clue needs two words that are not common to the whole deck ("allows to low costs").
    const rare = visible.filter((s) => ix.distinctive(s)).length;
    if (visible.length < (blanks ? 5 : 3) || (visible.length <= 4 && rare < 2) || blanks > 1 || masked.masked > 0.3 * (visible.length + masked.masked) || !visible.some((s) => ix.distinctive(s))) return null;
    // A blank for part of the name is a riddle about a word; a clue that ends in its blank
    // ("an EMR cluster running ____") is a fill-in that only the key completes.
    if (!blanksWholeName(masked, e) || /____[\s.)\]"'!?]*$/.test(masked.text)) return null;
    const midBlank = blanks > 0 && masked.text.indexOf('____') > 12;
    const text = prompt(masked.text, f);
    if (!text || text.length > MAX_PROMPT || leaks(text, lk) || namesEntity(text, e)) return null;
    // The deck's own brand ("Amazon SageMaker") is the subject of half the notes: no clue
    // singles it out.
    if (![...e.nameStems].some((s) => ix.distinctive(s))) return null;
    const defStems = stemSet(def);
    const keyKind = kindOf(ix, e);
    const keyMentions = new Set(e.facts.flatMap((x) => mentionsIn(ix, x.fact).map((m) => m.entityKey)));
    const make = (d: Entity, rel: Parameters<typeof structuralScore>[0]): Option | null => {
      if ((rel.tier === 'bank' && !sharesSubject(ix, e, d)) || !sameSubjectEntities(ix, e, d)) return null;
      // Things of one kind only: no algorithm among services, no concept among products. A
      // thing of unknown kind stands beside a known one only from the key's own list or family,
      // or when the notes discuss both in the same words.
      // An identifier ("SAGEMAKER_PROGRAM") stands only beside identifiers, a name beside names.
      if (IDENTIFIER.test(keyText) !== IDENTIFIER.test(d.name)) return null;
      const dKind = kindOf(ix, d);
      if ((keyKind && dKind && keyKind !== dKind) || otherForm(e, d)) return null;
      const family = rel.tier === 'list' || rel.tier === 'category' || (!!keyKind && dKind === keyKind);
      if (!family && relatedness(ix, e, d) < 2) return null;
      // A clue with a blank after its first words ("an EMR cluster running ____") is half a
      // fill-in: only things of the key's own kind or name family can stand in the blank.
      if (midBlank && !(rel.tier === 'category' || (!!keyKind && dKind === keyKind))) return null;
      // One named in the other's notes is a part, a kind or a rival of it ("LSTM" in RNN's notes,
      // "Recurrent Neural Networks" in LSTM's): either may be defensible.
      if (keyMentions.has(d.key) || d.facts.some((x) => mentionsIn(ix, x.fact).some((m) => m.entityKey === e.key))) return null;
      const opt = nameOption(d);
      if (!opt) return null;
      // A path-like name (a content type such as "text/csv") only stands beside another one.
      if (/^\S+\/\S+$/.test(opt.text) !== /^\S+\/\S+$/.test(keyText)) return null;
      // Could the definition also describe d? Then d is a second right answer.
      if (d.stems.some((s) => overlapsTooMuch(s, defStems)) || entitiesOverlap(ix, e, d) || shareConflict(e, d) || nestedEntities(e, d)) return null;
      // A distractor named in the prompt itself reads as a trick.
      if (namesEntity(text, d) || namesEntity(def, d)) return null;
      const content = Math.max(0, ...d.stems.map((s) => jaccard(s, defStems)));
      // Things the notes discuss in the same words are the plausible confusions (a CNN among
      // CNNs, not an activation function).
      const score = structuralScore(rel) + formSim(keyText, opt.text) + (content < 0.4 ? content : 0) + 0.4 * relatedness(ix, e, d) + (keyKind && dKind === keyKind ? 1 : 0);
      return { text: opt.text, fact: opt.fact, line: termLineOf(opt.fact), entityKey: d.key, tier: rel.tier, score };
    };
    // Names that look like the key's and entities whose notes sound like the definition (but not
    // too much: the filters above) are the plausible confusions.
    const preScore = (d: Entity) => formSim(keyText, d.name) + Math.min(0.4, sharedShare(defStems, d.allStems)) + 0.4 * relatedness(ix, e, d);
    const picked = chooseDistractors(ix, e, keyText, 3, rng, make, { preScore, maxFar: 1 });
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
