// Shared generation guards (doc §2.3 and F1-F20): which facts may be a key or an option, how an
// option is trimmed, and the draft shape every kind produces.
import { hasVerb } from '../notes/heuristics.js';
import type { BankIndex, Entity } from './bank-index.js';
import { termKey } from './canonical.js';
import type { Option } from './distractors.js';
import type { Rng } from './seeded.js';
import { capitalise, contentStems, fitClause, hasMarkup } from './text.js';
import type { BankFact, OptionSource, QuestionKind } from './types.js';

export const MAX_PROMPT = 200;
export const MAX_OPTION = 90;

// Text the notes themselves mark as unreliable is never shown as a key or an option.
const BAD_FLAGS = new Set(['merged', 'truncated', 'typoSuspect', 'math', 'lowConfidence', 'conflict']);

// Text that only makes sense next to its neighbours ("can tackle this problem", "same as above").
const CONTEXTUAL = /\b(?:this|these|those|that)\s+(?:problem|issue|one|case|method|approach|technique|algorithm|model|step|way|service)\b|\b(?:above|below|aforementioned|latter|former)\b/i;

const cleanCache = new WeakMap<BankFact, boolean>();
export function cleanFact(f: BankFact): boolean {
  let ok = cleanCache.get(f);
  if (ok === undefined) {
    ok = !f.conflictGroup && f.confidence >= 0.5 && !f.flags.some((x) => BAD_FLAGS.has(x)) && !hasMarkup(f.fact) && !hasMarkup(f.term) && !CONTEXTUAL.test(f.fact);
    cleanCache.set(f, ok);
  }
  return ok;
}

/** A list item that names a member, or a note filed under a section ("EMR storages:" over
 *  "HDFS ..."): neither defines the term it is filed under. */
export function isMember(f: BankFact): boolean {
  return /\/member$/.test(f.rule) || f.flags.includes('section');
}

export function isTable(f: BankFact): boolean {
  return /^S8\//.test(f.rule);
}

export function isQuestionTerm(f: BankFact): boolean {
  return f.flags.includes('question') || /\?\s*$/.test(f.term);
}

/** A fact as an answer option: first clause(s) within 90 chars, >= 2 content words, >= 8 chars (F8). */
const optionCache = new Map<string, string | null>();
export function optionText(text: string, max = MAX_OPTION): string | null {
  const id = `${max}|${text}`;
  let out = optionCache.get(id);
  if (out === undefined) {
    const t = fitClause(text, max);
    out = !t || t.length < 8 || hasMarkup(t) || contentStems(t).length < 2 ? null : capitalise(t);
    if (optionCache.size > 50_000) optionCache.clear();
    optionCache.set(id, out);
  }
  return out;
}

/** A cell is readable when it is short and has no repeated run left by the PDF conversion (F19). */
export function readable(text: string): boolean {
  return text.split(/\s+/).length <= 12 && !/\b(\w+)\s+\1\b/i.test(text) && !hasMarkup(text);
}

export function entityOf(ix: BankIndex, f: BankFact): Entity {
  return ix.entities.get(ix.entityOfKey.get(f.termKey)!)!;
}

/** The fact's own spelling of its term, unless it was a misspelling merged into another key. */
export function ownSpelling(f: BankFact): string | null {
  return termKey(f.term) === f.termKey ? f.term.trim() : null;
}

/** The line where the term itself is written: its heading or card front, or the fact's own
 * line for items named inside a card's back ("CPU vs GPU" -> "GPU: ..."). */
export function termLineOf(f: BankFact): number {
  return /^S9\/(?:compare|named)$/.test(f.rule) ? f.lineStart : (f.termLine ?? f.lineStart);
}

export function source(f: BankFact, line = f.lineStart): OptionSource {
  return { factId: f.id, file: f.file, line };
}

export function optionSource(o: Option): OptionSource {
  return source(o.fact, o.line);
}

export function shareConflict(a: Entity, b: Entity): boolean {
  const ga = new Set(a.facts.map((f) => f.conflictGroup).filter(Boolean));
  return ga.size > 0 && b.facts.some((f) => f.conflictGroup && ga.has(f.conflictGroup));
}

/** The nearest topic element that is not the term itself: context for a prompt. */
export function topicHint(e: Entity, f: BankFact): string | null {
  for (let i = f.topic.length - 1; i >= 0; i--) {
    const t = f.topic[i].trim();
    if (e.termKeys.has(termKey(t))) continue;
    return t.length <= 40 && !/[?]$/.test(t) ? t : null;
  }
  return null;
}

/**
 * How a prompt names the subject. A one-word name that heads facts under different headings of
 * one file is a homonym (F14: "Standard" retrieval is 3-5 hours under Flexible, 12 hours under
 * Deep Archive), so the nearest heading goes with it.
 */
export function subjectName(e: Entity, f: BankFact): string {
  if (/\s/.test(e.name.trim())) return e.name;
  const parents = new Set(e.facts.filter((x) => x.file === f.file).map((x) => topicHint(e, x)));
  const hint = parents.size > 1 ? topicHint(e, f) : null;
  return hint ? `${e.name} (${hint})` : e.name;
}

export function statementLabel(e: Entity, f: BankFact): string {
  const name = subjectName(e, f);
  if (!f.attribute) return name;
  // "SageMaker (Training)" already says what a "(Training)" attribute would add.
  const attr = f.attribute.split(' / ').pop()!.trim();
  // A clause used as a list intro ("Contains 2 machine learning algorithms") is no label.
  if (attr.split(/\s+/).length > 4 || /\b(?:is|are|can|contains?|has|have|includes?)\b/i.test(attr)) return name;
  // A heading that was a sentence ("SageMaker maintains auto-scaling" over "• based on target
  // metrics") reads on as that sentence: "SageMaker maintains auto-scaling: based on ...".
  if (hasVerb(`x ${attr.split(/\s+/)[0]}`)) return `${e.name} ${attr}`;
  return name.toLowerCase().includes(`(${attr.toLowerCase()})`) ? name : `${name} (${attr})`;
}

export interface DraftOption {
  text: string;
  source: OptionSource | null;
}

export interface Draft {
  kind: QuestionKind;
  prompt: string;
  key: DraftOption;
  distractors: DraftOption[];
  /** True/false only: whether the statement is true. */
  truth?: boolean;
  /** The fact the question cites, and the line that shows the key. */
  fact: BankFact;
  line: number;
  /** Topic of the fact being asked about (a false statement cites a sibling's line). */
  topic?: string[];
  termKey: string;
  attribute?: string;
  explanation: string;
}

export interface Ctx {
  ix: BankIndex;
}

export interface BuildHints {
  /** True/false: the answer the selection would like next (it keeps True and False balanced). */
  truth?: boolean;
}

export interface KindBuilder {
  kind: QuestionKind;
  /** Cheap test before any distractor work: can this fact give this kind at all? */
  eligible(ctx: Ctx, f: BankFact): boolean;
  /** Order of a slot's facts (lower first); ties keep confidence, then file and line order. */
  rank?: (f: BankFact) => number;
  build(ctx: Ctx, f: BankFact, rng: Rng, hints?: BuildHints): Draft | null;
}
