// The note behind each question: the bank's fact while it exists (with its current place in
// its file), else the question's own prompt, answer and frozen file/line. Also the few lines
// of the notes file around it, for the hardest questions and a player's own review list.
import type { ContextLine, NoteSource, ReviewNote } from '../../shared/report-types.js';
import { cleanInline } from '../notes/clean-inline.js';
import type { FactRow, QuestionRow, SourceTexts } from './load.js';

export const CONTEXT_RADIUS = 2;
/** A pasted PDF can hold a whole page on one line; the context is a reminder, not the page. */
const CONTEXT_LINE_MAX = 400;

type NoteQuestion = Pick<QuestionRow, 'index' | 'factId' | 'file' | 'line' | 'explanation' | 'prompt' | 'options' | 'answerIndex'>;

export function liveFact(q: NoteQuestion, facts: ReadonlyMap<string, FactRow>): FactRow | undefined {
  return q.factId ? facts.get(q.factId) : undefined;
}

export function sourceOf(q: NoteQuestion, facts: ReadonlyMap<string, FactRow>): NoteSource {
  const fact = liveFact(q, facts);
  // A re-imported file may have moved the note: the live fact knows where it is now.
  if (fact) return { file: fact.fileName, line: fact.lineStart, lineEnd: fact.lineEnd, explanation: q.explanation, context: null };
  return { file: q.file, line: q.line, lineEnd: q.line, explanation: q.explanation, context: null };
}

/** Term and definition of the note; the same pair the missed.tsv export writes. */
export function termAndText(q: NoteQuestion, facts: ReadonlyMap<string, FactRow>): { factId: string | null; term: string; text: string } {
  const fact = liveFact(q, facts);
  if (fact) {
    // Table cells and sub-lists carry the column or list intro: "Mercury (moons)" -> "0".
    const term = fact.attribute ? `${fact.term} (${fact.attribute})` : fact.term;
    return { factId: fact.id, term, text: fact.fact };
  }
  return { factId: null, term: q.prompt, text: q.options[q.answerIndex] ?? '' };
}

/** Tabs and line breaks become single spaces: for one-line formats and for comparing notes. */
export function flattenField(text: string): string {
  return text
    .replace(/[\t\r\n\v\f\u0085\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Two notes are the same card when they differ only in case, spacing or line breaks. */
export function noteKey(term: string, text: string): string {
  return `${flattenField(term).toLowerCase()}\t${flattenField(text).toLowerCase()}`;
}

export function reviewNote(q: NoteQuestion, facts: ReadonlyMap<string, FactRow>): ReviewNote {
  return { questionIndex: q.index, ...termAndText(q, facts), source: sourceOf(q, facts) };
}

/** A line of notes as it reads: indentation and list marker kept; heading marks, emphasis
 *  markers and HTML tags gone, by the cleaner the import reads facts with. Plain text: the
 *  client shows it as text, never as markup. */
export function readableLine(raw: string): string {
  const [, indent, marker = '', rest] = /^(\s*)((?:[-*+]|\d{1,9}[.)])\s+)?(.*)$/.exec(raw)!;
  const text = cleanInline(rest.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '')).text;
  return text ? indent + marker + text : '';
}

/** Lines around [line, lineEnd] of a file's raw text (1-based), readable, or null if out of range. */
export function contextLines(rawText: string, line: number, lineEnd: number, radius = CONTEXT_RADIUS): ContextLine[] | null {
  const lines = rawText.split(/\r?\n/);
  if (line < 1 || line > lines.length) return null;
  const last = Math.min(Math.max(lineEnd, line), lines.length);
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, last + radius);
  const out: ContextLine[] = [];
  for (let n = from; n <= to; n++) {
    const raw = lines[n - 1];
    // Cut before cleaning: the cleaner's work and cache stay small for a whole pasted page.
    const text = raw.length > CONTEXT_LINE_MAX ? `${readableLine(raw.slice(0, CONTEXT_LINE_MAX))}…` : readableLine(raw);
    out.push({ n, text, focus: n >= line && n <= last });
  }
  return out;
}

/** Which file each question's context comes from: the live fact's file, else the file by name. */
export function contextWanted(qs: readonly NoteQuestion[], facts: ReadonlyMap<string, FactRow>): { ids: string[]; names: string[] } {
  const ids: string[] = [];
  const names: string[] = [];
  for (const q of qs) {
    const fact = liveFact(q, facts);
    if (fact) ids.push(fact.fileId);
    else names.push(q.file);
  }
  return { ids, names };
}

/** Fills `source.context` in place; a file that is gone leaves it null (explanation only). */
export function fillContext(source: NoteSource, q: NoteQuestion, facts: ReadonlyMap<string, FactRow>, texts: SourceTexts): void {
  const fact = liveFact(q, facts);
  const raw = fact ? texts.byId.get(fact.fileId) : texts.byName.get(q.file);
  source.context = raw === undefined ? null : contextLines(raw, source.line, source.lineEnd);
}
