// Sense checks: whether a finished question reads as a sensible question to a player, beyond
// the mechanical checks of quality.ts. Each check names a cause a blind reviewer found:
// a heading or a clause offered as a term, a definition that is only a list of names, more
// than one blank, the answer shown in the topic line, a generic statement swapped into a
// true/false, a prompt too long for the projector. The generator drops every question with a
// problem here, and `quality` counts them, so the two can never disagree.
import nlp from 'compromise';
import { headingRole } from '../notes/heading-role.js';
import { isGenericLabel } from '../notes/heuristics.js';
import type { BankIndex, Entity } from './bank-index.js';
import { termKey } from './canonical.js';
import { mentionsIn } from './kinds/mentions.js';
import { BLANK } from './mask.js';
import { contentStems, isStop as isStopWord, normaliseOption, stem } from './text.js';
import type { BankFact, Question } from './types.js';

export const SENSE_CHECKS = ['name-not-a-term', 'definition-not-descriptive', 'blanks', 'key-in-topic', 'generic-statement', 'prompt-length'] as const;
export type SenseCheck = (typeof SENSE_CHECKS)[number];

/** Longest prompt a projector shows without shrinking it to unreadable (characters). */
export const MAX_SENSIBLE_PROMPT = 170;

const TRAILING_FUNCTION = /\b(?:for|of|to|in|on|with|by|from|and|or|the|a|an|is|are|can|be|as|at|into|via|than|like|using|when|if|which|that)$/i;
const THIRD_PERSON = /^(?:works|uses|runs|needs|helps|makes|takes|gives|lets|allows|supports|provides|creates|detects)$/i;

const shapeCache = new Map<string, string | null>();

/** Why a text cannot stand as the name of a thing, or null when it can. */
export function nameProblem(name: string): string | null {
  let out = shapeCache.get(name);
  if (out !== undefined) return out;
  const t = name.trim().replace(/\s*\([^()]*\)\s*$/, '');
  const w = t.split(/\s+/).filter(Boolean);
  out = null;
  if (!w.length || /[?]$/.test(t)) out = 'empty or a question';
  else if (isGenericLabel(t)) out = 'a generic label';
  else if (TRAILING_FUNCTION.test(t)) out = 'ends in a function word';
  else if (w.length > 7) out = 'a phrase, not a name';
  else if (/\bvs\.?(?:\s|$)|\bversus\b/i.test(t)) out = 'a comparison, not a name';
  else if (headingRole(t) === 'section') out = 'names a section, not a thing';
  else {
    const terms = nlp(t).terms().json() as { terms: { tags: string[] }[] }[];
    const first = terms[0]?.terms[0]?.tags ?? [];
    const startsWithVerb = (first.includes('PresentTense') && !first.includes('Infinitive') && !first.includes('Gerund') && /s$/i.test(w[0])) || THIRD_PERSON.test(w[0]);
    // A lower-case verb clause ("maintains auto-scaling") or one bare adjective ("transient").
    // "Prepare Data for Machine Learning": an instruction, not a name.
    const imperative = first.includes('Imperative') || (first.includes('Infinitive') && !first.includes('Noun'));
    if (startsWithVerb && (w.length > 1 || /^[a-z]/.test(w[0]))) out = 'starts with a verb';
    else if (imperative && w.length >= 3 && w.some((x) => /^(?:for|to|the|a|an|your|with|from)$/i.test(x))) out = 'an instruction';
    else if (w.length === 1 && /^[a-z]/.test(w[0]) && first.includes('Adjective')) out = 'a bare adjective';
  }
  if (shapeCache.size > 20_000) shapeCache.clear();
  shapeCache.set(name, out);
  return out;
}

// Stems of words that judge without saying anything checkable.
const VAGUE = new Set(['better', 'best', 'good', 'great', 'choic', 'chois', 'option', 'prefer', 'recommend', 'use', 'fine', 'nice', 'ok', 'okay', 'work', 'well', 'help', 'allow', 'low', 'lower', 'cost', 'cheap', 'save', 'money', 'effici', 'easi', 'simpl']);

const LIST_SEP = /\s*(?:,|;|\band\b|\bor\b|&|\/)\s*/i;

/**
 * Why a text cannot serve as a description (the clue of "which term is described as …", the
 * key of "what do the notes say about …"), or null when it can: it must say something, not
 * only list names ("Blazing text and Deep AR") or stop at a fragment ("During training").
 */
export function descriptionProblem(text: string): string | null {
  const t = text.trim();
  const content = contentStems(t.replaceAll(BLANK, ' '));
  if (content.length < 2) return 'too few words';
  // "Area under the ROC curve (TP v.s": cut inside a bracket.
  let depth = 0;
  for (const ch of t) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
  if (depth !== 0) return 'cut off';
  const parts = t.split(LIST_SEP).map((p) => p.trim()).filter(Boolean);
  // Only names joined by commas or "and": every part short and capitalised (or an acronym).
  if (parts.length >= 2 && parts.every((p) => p.split(/\s+/).length <= 3 && /^[\p{Lu}\p{N}]/u.test(p))) return 'only a list of names';
  if (/^(?:during|before|after|while|when|if|because|since|unless|until|although)\b/i.test(t) && content.length < 4) return 'a fragment';
  // "Better choice for activation function": praise with nothing specific, true of anything.
  const specific = content.filter((w) => !VAGUE.has(w));
  if (specific.length <= 2 && content.some((w) => VAGUE.has(w))) return 'vague';
  // "Cross Validation vs. K-Fold Cross validation": two names set side by side, nothing said.
  if (/\bvs\.?\s|\bversus\b/i.test(t) && t.split(/\s+/).length <= 8 && !/\b(?:is|are|has|have|uses?|gives?|means?)\b/i.test(t)) return 'a comparison of names';
  // A lower-case start on a conjunction or a question word is the middle of a sentence.
  if (/^(?:and|or|but|so|then|also|when|while|if|whether|which|that|unless|until)\b/.test(t)) return 'a fragment';
  return null;
}

/** A name key hinted at by the words around it: "Fill in the blank (Boosting): … (____)" keyed
 * XGBoost, whose name holds "boost". */
function keyHintedByPrompt(ix: BankIndex, q: Question): boolean {
  // A statement key given away by a name in the prompt: "What does vgmerge do?" keyed
  // "Merges two volume groups into one".
  if (q.kind === 'qa' && q.options.length > 2) {
    const words = (q.prompt.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !/^(?:which|where|there)$/.test(w));
    const keyStems = contentStems(q.options[q.answer]).filter((s) => s.length >= 4);
    return keyStems.some((s) => words.some((w) => w.includes(s) && w !== s && !q.options.some((o, i) => i !== q.answer && contentStems(o).includes(s))));
  }
  // A statement key that echoes its subject's name: "Outputs max of the inputs" for Maxout.
  if (q.kind === 'term-to-def') {
    const subject = ix.entities.get(q.termKey)?.name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') ?? '';
    const echo = (q.options[q.answer].toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !isStopWord(w) && subject.includes(w) && w.length < subject.length);
    return echo.some((w) => !q.options.some((o, i) => i !== q.answer && o.toLowerCase().includes(w)));
  }
  if (!(q.kind === 'cloze' || q.kind === 'def-to-term' || (q.kind === 'table-cell' && /which row/.test(q.prompt)))) return false;
  const keyText = q.options[q.answer].toLowerCase();
  const key = keyText.replace(/[^\p{L}\p{N}]/gu, '');
  if (key.length < 4 || /^\d/.test(key)) return false;
  const prompt = q.prompt.replaceAll(BLANK, ' ').toLowerCase();
  const others = (s: string) => q.options.some((o, i) => i !== q.answer && o.toLowerCase().includes(s));
  for (const w of prompt.match(/\p{L}{4,}/gu) ?? []) {
    const s = stem(w);
    if (s.length >= 4 && key.includes(s) && ix.distinctive(s) && !others(s)) return true;
  }
  // And the other way round: "… Great accuracy (XGBoost)" keyed "Boosting".
  for (const w of keyText.match(/\p{L}{4,}/gu) ?? []) {
    const s = stem(w);
    if (s.length >= 4 && (prompt.match(/\p{L}{5,}/gu) ?? []).some((p) => p !== w && p.includes(s) && p.length > s.length + 1) && !others(s)) return true;
  }
  return false;
}

function keyShownInTopic(q: Question): boolean {
  if (q.kind === 'true-false') return false;
  const key = normaliseOption(q.options[q.answer]);
  if (!key) return false;
  return q.shownTopic.some((t) => {
    const n = normaliseOption(t);
    return n === key || (key.length >= 4 && n.includes(key)) || (n.length >= 4 && key.includes(n) && n.split(' ').length >= 2);
  });
}

/** Facts of several entities say the same few words: true of many things, so no test of one. */
const genericCache = new WeakMap<BankFact, boolean>();
export function isGenericStatement(ix: BankIndex, fact: BankFact): boolean {
  let v = genericCache.get(fact);
  if (v === undefined) genericCache.set(fact, (v = computeGeneric(ix, fact)));
  return v;
}

function computeGeneric(ix: BankIndex, fact: BankFact): boolean {
  const s = ix.stemsOf(fact);
  if (s.size <= 2) return true;
  let holders = 0;
  const seen = new Set<string>();
  for (const e of ix.entities.values()) {
    if (!e.named || seen.has(e.key) || e.termKeys.has(fact.termKey)) continue;
    for (const other of e.stems) {
      let shared = 0;
      for (const x of s) if (other.has(x)) shared++;
      if (shared >= Math.max(2, Math.ceil(s.size * 0.75))) {
        holders++;
        seen.add(e.key);
        break;
      }
    }
    if (holders >= 2) return true;
  }
  return false;
}

/** "Kinesis firehouse" under "Consumption options": the fact is only the name of something
 * else in the notes, so "X: Kinesis firehouse" says nothing a player could judge. */
export function isOnlyAName(ix: BankIndex, text: string): boolean {
  const key = termKey(text);
  const ek = ix.entityOfKey.get(key);
  if (ek && ix.entities.get(ek)?.named) return true;
  const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const named = mentionsIn(ix, text).reduce((n, m) => n + m.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);
  return letters > 0 && named / letters >= 0.8;
}

function entityOfQuestion(ix: BankIndex, q: Question): Entity | undefined {
  return ix.entities.get(q.termKey);
}

/** Every sense problem of a finished question (empty when it reads well). */
export function senseProblems(ix: BankIndex, q: Question): SenseCheck[] {
  const out = new Set<SenseCheck>();
  const fact = ix.factById.get(q.factId);
  const subject = entityOfQuestion(ix, q);
  if (q.prompt.length > MAX_SENSIBLE_PROMPT || q.options.some((o) => o.length > 100)) out.add('prompt-length');
  if (keyShownInTopic(q) || keyHintedByPrompt(ix, q)) out.add('key-in-topic');
  const blanks = q.prompt.split(BLANK).length - 1;
  if (q.kind === 'cloze' ? blanks !== 1 : blanks > 1) out.add('blanks');
  if (blanks && q.kind !== 'cloze') {
    const clue = q.prompt.replaceAll(BLANK, ' ');
    const words = contentStems(clue).length;
    if (words < 3) out.add('blanks');
  }
  // The thing a question is about must be named like a thing.
  if (subject && q.kind !== 'qa' && (nameProblem(subject.name) || subject.facts.every((f) => f.flags.includes('section')))) out.add('name-not-a-term');
  if (q.kind === 'def-to-term' || (q.kind === 'table-cell' && /which row/.test(q.prompt))) {
    for (const o of q.options) if (nameProblem(o)) out.add('name-not-a-term');
  }
  if (q.kind === 'def-to-term' && fact && descriptionProblem(fact.fact)) out.add('definition-not-descriptive');
  if (q.kind === 'term-to-def' && (descriptionProblem(q.options[q.answer]) || isOnlyAName(ix, q.options[q.answer]))) out.add('definition-not-descriptive');
  if (q.kind === 'true-false' && fact && isOnlyAName(ix, fact.fact)) out.add('definition-not-descriptive');
  if (q.kind === 'true-false' && q.answer === 1 && fact && isGenericStatement(ix, fact)) out.add('generic-statement');
  if (q.kind === 'term-to-def' && fact && isGenericStatement(ix, fact)) out.add('generic-statement');
  return [...out];
}
