// The blind-review sheet (question-review.md): for each question, its kind, the topic players
// see while it is open, the prompt, the options with the key marked, the explanation shown at
// the reveal and the source file's lines around the cited line. Nothing about how the
// generator judged the question goes on the sheet: a reviewer must judge it unaided.
import type { Question } from './types.js';

export interface SheetOptions {
  /** Raw text of each note file by name. */
  raw: Record<string, string>;
  /** Title line of the sheet, e.g. the deck and seed. */
  title: string;
  /** Lines shown before and after the cited line. */
  before?: number;
  after?: number;
}

const LETTERS = 'ABCDEFGH';

function sourceBlock(raw: string | undefined, file: string, line: number, before: number, after: number): string[] {
  const out = [`SOURCE ${file} line ${line}:`];
  if (raw === undefined) return [...out, '    (the file is no longer in the notes bank)'];
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const from = Math.max(1, line - before);
  const to = Math.min(lines.length, line + after);
  for (let n = from; n <= to; n++) out.push(`    ${n}: ${lines[n - 1]}`);
  return out;
}

/** One question as it appears on the sheet, numbered from 1. */
export function sheetEntry(q: Question, n: number, opts: SheetOptions): string {
  const topic = (q.shownTopic ?? q.topic).join(' > ');
  const lines = [`### Q${n} [${q.kind}] topic: ${topic || '(none)'}`, `PROMPT: ${q.prompt}`];
  q.options.forEach((o, i) => lines.push(`  ${LETTERS[i]}. ${o}${i === q.answer ? '   <= keyed answer' : ''}`));
  lines.push(`EXPLANATION shown at reveal: ${q.explanation}`);
  lines.push(...sourceBlock(opts.raw[q.file], q.file, q.line, opts.before ?? 4, opts.after ?? 3));
  return lines.join('\n');
}

export function reviewSheet(questions: readonly Question[], opts: SheetOptions): string {
  const head = [`# Review sheet: ${opts.title}`, '', `${questions.length} questions, each with the source lines it was made from.`].join('\n');
  return [head, ...questions.map((q, i) => sheetEntry(q, i + 1, opts))].join('\n\n') + '\n';
}
