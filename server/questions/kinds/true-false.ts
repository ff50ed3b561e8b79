// Kind E, true/false: a term with its own fact (true) or with a sibling's fact (false). The
// swapped fact shares no content word with anything the notes say about the term, and no
// statement ever comes from a conflict group (cleanFact excludes them).
import { chooseDistractors, relatedness, structuralScore } from '../distractors.js';
import { descriptionProblem, isGenericStatement, isOnlyAName } from '../sense.js';
import {
  MAX_PROMPT,
  cleanFact,
  entityOf,
  isMember,
  isQuestionTerm,
  optionText,
  statementLabel,
  type Ctx,
  type KindBuilder,
} from '../guards.js';
import { contentStems, fitClause, isStop } from '../text.js';
import { mentionsIn } from './mentions.js';
import { namesEntity } from '../mask.js';
import type { BankFact } from '../types.js';
import { siblingFact } from './term-to-def.js';

/** A claim that can be false of another subject: it carries a number, names something the notes
 *  name, or gives the value of a labelled property the other fact has too. */
export function specificClaim(ix: Ctx['ix'], claim: BankFact, about: BankFact): boolean {
  if (/\d/.test(claim.fact)) return true;
  // Two entries of one glossary list ("CNAME record: points one host name at another", "MX
  // record: names the mail servers ..."): a full definition of one entry is not the other's.
  if (claim.rule === 'S5/colon' && about.rule === 'S5/colon' && contentStems(claim.fact).length >= 4 && !isGenericStatement(ix, claim)) return true;
  if (claim.attribute && about.attribute && claim.attribute.toLowerCase() === about.attribute.toLowerCase()) return true;
  return mentionsIn(ix, claim.fact).length > 0;
}

/** A word of the statement inside the subject's name ("max" in "Maxout"). */
export function echoesName(name: string, text: string): boolean {
  // Only a one-word coined name hides words in it; "CNAME record" is no echo of "host name".
  if (/\s/.test(name.trim()) || /^[A-Z\d]+$/.test(name.trim())) return false;
  const n = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).some((w) => !isStop(w) && n.includes(w) && w.length < n.length);
}

export const TRUE_LABEL = 'True';
export const FALSE_LABEL = 'False';

function statement(label: string, text: string): string | null {
  const p = `True or false? ${label}: ${text}`;
  return p.length <= MAX_PROMPT ? p : null;
}

export const trueFalse: KindBuilder = {
  kind: 'true-false',
  eligible(ctx, f) {
    const e = entityOf(ctx.ix, f);
    return e.named && cleanFact(f) && !isMember(f) && !isQuestionTerm(f) && optionText(f.fact) !== null;
  },
  build(ctx, f, rng, hints) {
    const { ix } = ctx;
    const e = entityOf(ix, f);
    const label = statementLabel(e, f);
    const own = fitClause(f.fact, 150, false);
    if (!own) return null;
    // "SageMaker Serverless: serverless for your models" says its own name back, and "Maxout:
    // outputs max of the inputs" half of it: no test.
    const rest = contentStems(own).filter((s) => !e.nameStems.has(s));
    if (rest.length < 2 || echoesName(e.name, own)) return null;
    let shown: BankFact = f;
    let shownText = own;
    let truth = true;
    const tryFalse = rng.coin();
    if (hints?.truth === undefined ? tryFalse : !hints.truth) {
      // Aim for half false: a sibling's fact from the same list or heading only (the same walk
      // as the MCQ distractors, asking for a single option). Things filed apart in the notes
      // may well share a property the notes never denied ("Spark connects to QuickSight").
      // A sibling under the same heading must also speak of the same things ("Autoscaling" with
      // a confusion-matrix line reads as a joke): list siblings are parallel by construction.
      const picked = chooseDistractors(ix, e, own, 1, rng, (d, rel) => {
        // Only a sibling from the same list or table column: things merely filed under the same
        // heading share too many unstated properties ("Encoder-Decoder" can caption images too).
        if (rel.tier !== 'list') return null;
        const near = relatedness(ix, e, d);
        const sib = siblingFact(ctx, e, f, own, d, true);
        if (!sib || descriptionProblem(sib.text) || isOnlyAName(ix, sib.fact.fact)) return null;
        // A general description ("create caption from an image", "achieve high accuracy") may be
        // true of the subject too, whatever the notes file it under: only a specific claim (a
        // number, a name of the notes, or a value of the same labelled property) can be false.
        if (!specificClaim(ix, sib.fact, f)) return null;
        // "Leaky ReLU: ... Tanh often preferable" names its real subject: plainly not the key's.
        if (namesEntity(sib.text, d)) return null;
        return { text: sib.text, fact: sib.fact, line: sib.fact.lineStart, entityKey: d.key, tier: rel.tier, score: structuralScore(rel) + 0.5 * near };
      }, { lastTier: 'topic', preScore: (d) => 0.5 * relatedness(ix, e, d) });
      const best = picked?.[0];
      if (best) {
        shown = best.fact;
        shownText = fitClause(best.fact.fact, 150, false) ?? best.text;
        truth = false;
      } else if (hints?.truth === false) {
        // The game needs a False next: a True here would teach players to always answer True.
        return null;
      }
    }
    const prompt = statement(label, shownText);
    if (!prompt) return null;
    const truthLine = `${label}: ${f.fact}`;
    return {
      kind: 'true-false',
      prompt,
      key: { text: truth ? TRUE_LABEL : FALSE_LABEL, source: null },
      distractors: [{ text: truth ? FALSE_LABEL : TRUE_LABEL, source: null }],
      truth,
      fact: shown,
      line: shown.lineStart,
      topic: f.topic,
      termKey: e.key,
      attribute: f.attribute,
      explanation: truth ? truthLine : `False. The notes say this of ${entityOf(ix, shown).name}: ${shown.fact}. ${truthLine}`,
    };
  },
};
