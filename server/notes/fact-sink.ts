// Collects the facts and skipped lines of one file. Every parser emits through here, so the
// final guarantees live in one place: no markup residue, no empty term or fact, derived
// flags (termInFact, truncated, openList, question), stable order and no duplicates.
import { stemmer } from 'stemmer';
import type { FactFlag, ParsedFact, SkipReason, SkippedLine } from './types.js';
import { stripResidue, MARKUP_RESIDUE } from './clean-inline.js';
import { contentTokens, isTooShort } from './filters.js';

export interface FactInput {
  line: number;
  lineEnd?: number;
  termLine?: number;
  topic: string[];
  term: string;
  attribute?: string;
  fact: string;
  rule: string;
  confidence: number;
  polarity?: '+' | '-';
  flags?: FactFlag[];
  group?: string;
  aliases?: string[];
  emphasis?: string[];
  allowShort?: boolean; // yes/no answers of Q&A cards, single-value table cells
}

const QUESTION_START = /^(?:how|what|why|when|which|where|who|can|could|should|does|do|is|are|will)\b/i;
const DANGLING_END = /\b(?:and|or|the|a|an|of|to|for|with|between|in|on|by|from|is|are|than)$/i;

// Display cleanup shared by terms and facts: surrounding punctuation a list or split leaves.
// Topic names and terms come back for fact after fact: results are kept (bounded).
const tidyCache = new Map<string, string>();
export function tidyValue(s: string): string {
  let out = tidyCache.get(s);
  if (out === undefined) {
    if (tidyCache.size > 100_000) tidyCache.clear();
    tidyCache.set(s, (out = tidyUncached(s)));
  }
  return out;
}

function tidyUncached(s: string): string {
  let t = stripResidue(s);
  t = t.replace(/^[\s,;:\-–—•]+/, '').replace(/[\s,;:]+$/, '');
  // A value wholly wrapped in one pair of parentheses: "(serverless: you don't provision …)".
  if (/^\([^()]*(?:\([^()]*\)[^()]*)*\)$/.test(t)) t = t.slice(1, -1).trim();
  return t.trim();
}

const stemCache = new Map<string, Set<string>>();
function stems(text: string): Set<string> {
  let s = stemCache.get(text);
  if (!s) {
    if (stemCache.size > 100_000) stemCache.clear();
    s = new Set(contentTokens(text).filter((w) => w.length >= 3).map((w) => stemmer(w)));
    stemCache.set(text, s);
  }
  return s;
}

function unbalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
  }
  return depth !== 0;
}

export class FactSink {
  readonly facts: ParsedFact[] = [];
  readonly skipped: SkippedLine[] = [];
  readonly bareTerms: { term: string; line: number; topic: string[] }[] = [];
  private readonly seen = new Set<string>();
  private readonly skippedSeen = new Set<number>();
  private readonly factLines = new Set<number>();

  add(input: FactInput): boolean {
    const term = tidyValue(input.term).replace(/\s*[:=]$/, '');
    const fact = tidyValue(input.fact);
    if (!term || !fact) return false;
    if (!input.allowShort && isTooShort(fact)) {
      this.skip(input.line, 'too-short', fact);
      return false;
    }
    const attribute = input.attribute ? tidyValue(input.attribute) : undefined;
    const key = `${input.line}|${term.toLowerCase()}|${attribute ?? ''}|${fact.toLowerCase()}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);

    const flags = new Set<FactFlag>(input.flags ?? []);
    const termStems = stems(term);
    const factStems = stems(fact);
    for (const s of termStems) if (factStems.has(s)) flags.add('termInFact');
    // A trailing comma alone is how list items are often written; it is no truncation by itself.
    if (unbalanced(fact) || DANGLING_END.test(fact) || /\s[-–]$/.test(fact)) flags.add('truncated');
    if (/(?:\.\.\.|…)\s*\)?$/.test(fact) || /,\s*(?:\.\.\.|…)/.test(fact)) flags.add('openList');
    // A formula written as plain text ("Recall = TP / (TP + FN)") is math too (F6).
    if (/\b\w+\s*=\s*[\w(][^=]*?\s[/*]\s/.test(fact)) flags.add('math');
    if (/\?$/.test(term) || (QUESTION_START.test(term) && term.split(/\s+/).length > 3)) flags.add('question');

    const record: ParsedFact = {
      lineStart: input.line,
      lineEnd: Math.max(input.line, input.lineEnd ?? input.line),
      topic: input.topic.map((t) => tidyValue(t)).filter(Boolean),
      term,
      fact,
      rule: input.rule,
      confidence: Math.round(input.confidence * 100) / 100,
      flags: [...flags].sort(),
    };
    if (attribute) record.attribute = attribute;
    if (input.polarity) record.polarity = input.polarity;
    if (input.group) record.group = input.group;
    if (input.termLine && input.termLine !== input.line) record.termLine = input.termLine;
    const aliases = (input.aliases ?? []).map(tidyValue).filter((a) => a && a.toLowerCase() !== term.toLowerCase());
    if (aliases.length) record.aliases = [...new Set(aliases)];
    const emphasis = (input.emphasis ?? []).map(tidyValue).filter(Boolean);
    if (emphasis.length) record.emphasis = [...new Set(emphasis)];
    if (MARKUP_RESIDUE.test(record.term) || MARKUP_RESIDUE.test(record.fact)) return false; // cannot happen after stripResidue
    this.facts.push(record);
    for (let l = record.lineStart; l <= record.lineEnd; l++) this.factLines.add(l);
    return true;
  }

  skip(line: number, reason: SkipReason, text: string): void {
    if (this.skippedSeen.has(line)) return;
    this.skippedSeen.add(line);
    this.skipped.push({ line, reason, text: text.trim().slice(0, 200) });
  }

  bare(term: string, line: number, topic: string[]): void {
    const t = tidyValue(term);
    if (t) this.bareTerms.push({ term: t, line, topic: topic.map(tidyValue).filter(Boolean) });
  }

  // Stable output: by line, then by emission order (Array.prototype.sort is stable).
  // A line that produced a fact is not also reported as skipped.
  finish(): { facts: ParsedFact[]; skipped: SkippedLine[]; bareTerms: { term: string; line: number; topic: string[] }[] } {
    const facts = [...this.facts].sort((a, b) => a.lineStart - b.lineStart);
    const skipped = this.skipped.filter((s) => !this.factLines.has(s.line)).sort((a, b) => a.line - b.line);
    const bareTerms = [...this.bareTerms].sort((a, b) => a.line - b.line);
    return { facts, skipped, bareTerms };
  }
}
