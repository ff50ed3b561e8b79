// What an import report says in words about one file: no facts at all, most of it not
// understood (with examples of the lines left unread), and every flashcard line an unclosed
// quote damaged. Shared by every report builder so the host reads the same sentences.
import type { SkippedLine } from '../notes/types.js';

// Skip reasons that mean "not understood" rather than "left out on purpose".
const UNREAD = new Set(['other', 'too-short', 'intro']);

export function fileWarnings(facts: number, skipped: readonly SkippedLine[]): string[] {
  const warnings: string[] = [];
  if (!facts) {
    warnings.push(
      skipped.length
        ? `No facts found (${skipped.length} lines skipped, see skipped). Facts come from "term: definition" lines, lists under headings, tables and flashcards.`
        : 'No facts found: the file is empty.',
    );
  } else {
    // A thin harvest must not pass as a good import: page furniture and blank headings,
    // skipped on purpose, do not count.
    const unread = skipped.filter((x) => UNREAD.has(x.reason));
    if (unread.length >= 10 && unread.length > facts) {
      const examples = unread.slice(0, 3).map((x) => `line ${x.line}: "${x.text.slice(0, 60)}"`);
      warnings.push(`Most of this file was not understood: ${facts} facts, ${unread.length} lines left unread, e.g. ${examples.join('; ')}.`);
    }
  }
  for (const d of skipped.filter((x) => x.reason === 'damaged')) {
    warnings.push(`Line ${d.line} has a quote that is never closed, so that card was left out; the cards after it were read normally. Fix the quote and import the file again.`);
  }
  return warnings;
}
