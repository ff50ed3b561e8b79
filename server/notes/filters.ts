// Line filters (P3, F8, F15): text that must never become a fact. Each returns a skip reason
// so the importer can explain what it dropped.
import { eng } from 'stopword';
import type { SkipReason } from './types.js';
import { replaceMath } from './clean-inline.js';

const STOP = new Set([...eng, 'just', 'also', 'etc', 'e.g', 'eg', 'ie', 'i.e', 'vs', 'via', 'like']);

// GitHub page chrome copied with the text of a rendered markdown file.
const CHROME: RegExp[] = [
  /^skip to content$/i,
  /^latest commit\b/i,
  /^history$/i,
  /^\d+ lines \(\d+ loc\) · [\d.]+ ?(?:bytes|kb|mb)$/i,
  /^file metadata and controls$/i,
  /^(?:raw|blame|preview|code|copy raw file|download raw file|edit this file|go to file|top)$/i,
  /^[\w.-]+\.(?:md|markdown|txt|rst)$/i,
];

export function isChrome(text: string): boolean {
  const t = text.trim();
  return CHROME.some((re) => re.test(t));
}

// First-person remarks, exam logistics and author credits (F15). Kept narrow on purpose:
// "you" is how most notes phrase advice, so it is not a signal.
const META: RegExp[] = [
  // "I", "I'm" (capital I only: "i.e." and "I/O" differ; a quoted "I want…" is an example).
  /(^|[\s(])I(?:'m|'ve|'d)?(?=[\s,.!?]|$)/,
  /(^|\s)i (?:found|am|have|was|think|enrolled|took|used|hope)\b/i,
  /\b(?:my|me|myself|mine)\b/i,
  /\bhope (?:this|it|you)\b/i,
  /\bcontact\b.*\b(?:for questions|guidance)\b/i,
  /\b(?:at ?least|atleast) \d+ questions?\b/i,
  /\bexpect (?:at ?least|atleast)?\s*\d+ questions?\b/i,
  /\bquestions? (?:on|around|about) (?:this|the|probability|these)\b/i,
  /\b(?:exam|certification) (?:notes|tips|prep)\b/i,
  /\bprep(?:aration)? material\b/i,
  /\benrolled\b|\budemy\b|\bcourse\b.*\bhands on\b/i,
  /\bcovered by\b/i,
  /\bwe'?ve mentioned\b|\bquick summary\b/i,
  /\b(?:huge|big|important) topic in the (?:test|exam)\b/i,
  /\bless important\?$/i,
];

export function isMeta(text: string): boolean {
  const t = text.trim();
  if (META.some((re) => re.test(t))) return true;
  return isNameDateLine(t);
}

// "CALVIN WRIGHT 2022-0227": an author credit, not knowledge.
export function isNameDateLine(t: string): boolean {
  return /^(?:[A-Z][A-Za-z'.-]+\s+){1,3}\d{4}[-/.]\d{2,4}(?:[-/.]\d{1,2})?$/.test(t) && /[A-Z]{2,}/.test(t);
}

export function contentTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_+./-]*/gu) ?? [])
    .map((w) => w.replace(/[.'/-]+$/, ''))
    .filter((w) => w && !STOP.has(w));
}

// F8: an option needs some substance. Numbers count ("8080", "2-15 containers"), and a short
// acronym-like answer ("CSV", "No") is accepted by callers that know the context.
const FILLERS = /^(?:just|only|maybe|probably|basically|simply|etc)\b/i;

export function isTooShort(text: string): boolean {
  const t = text.trim();
  if (!t || /^[.…\-–—:;,]+$/.test(t)) return true;
  // "too big changes -": the text after the dash is lost and nothing else is left.
  if (/\s[-–—]$/.test(t) && t.split(/\s+/).length <= 5) return true;
  const tokens = contentTokens(t);
  if (tokens.length === 0) return true;
  if (tokens.length === 1 && t.length < 2) return true;
  if (tokens.length === 1 && FILLERS.test(t)) return true; // "just heatmap"
  return false;
}

// A line that is only a formula (003:231–233): nothing but math, operators and "or".
export function isPureMath(raw: string): boolean {
  const hasDollarMath = /\$[^$]+\$/.test(raw);
  const { text } = replaceMath(raw.replace(/\\\$(?=3\b)/g, 'S'));
  if (!hasDollarMath) return false;
  const outside = raw.replace(/\$\$[^$]+\$\$|\$[^$\n]+\$/g, ' ');
  const words = (outside.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((w) => !/^(?:or|and)$/i.test(w));
  // Words glued to "=" are labels of the formula ("Recall=").
  const labels = outside.match(/[A-Za-z][\w ]*?=/g) ?? [];
  const labelWords = labels.join(' ').match(/[A-Za-z][A-Za-z]+/g) ?? [];
  return text.trim().length > 0 && words.length - labelWords.length <= 0;
}

// Label of a formula on its own line ("Accuracy=") followed by the formula.
export function isFormulaLabel(text: string): boolean {
  return /^[A-Za-z][\w ]{0,30}=\s*$/.test(text.trim());
}

// A VS Code / GitHub table of contents entry: a list item that is only a link to an anchor.
export function isTocEntry(raw: string): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s+(?:\d+(?:\.\d+)*\.?\s+)?\[[^\]]*\]\(#[^)]*\)\s*$/.test(raw);
}

// The common gate for any candidate line of prose. Returns why it must be skipped, or null.
export function rejectLine(raw: string, cleaned: string): SkipReason | null {
  if (isChrome(cleaned)) return 'chrome';
  if (isTocEntry(raw)) return 'toc';
  if (isPureMath(raw)) return 'math';
  if (isMeta(cleaned)) return 'meta';
  if (!cleaned && /!\[|<img/i.test(raw)) return 'image';
  if (isTooShort(cleaned)) return 'too-short';
  return null;
}
