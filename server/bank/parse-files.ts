// Parsing for a deck. The parser splits glued "Term Definition" lines (its rule S10) with a
// lexicon of terms defined elsewhere; parseNoteFiles builds that lexicon from the files parsed
// together. A deck grows one import at a time, so here the lexicon also takes the terms the
// deck's other files already define. Same two passes as parseNoteFiles, one more source.
import { parseNotes } from '../notes/parse.js';
import type { ParsedFile } from '../notes/types.js';

/** The parser's own test for "this fact names a term on its line" (kept in step with parse.ts). */
export function definesLexiconTerm(rule: string): boolean {
  return rule.startsWith('S5/') || rule.startsWith('S9/pair') || rule.startsWith('S8/');
}

export function parseForDeck(files: readonly { name: string; text: string }[], deckTerms: Iterable<string> = []): ParsedFile[] {
  const lexicon = new Set<string>(deckTerms);
  // The first pass is only read for its terms: each file's result is dropped straight away, so
  // a big import does not hold two parses of every file in memory at once.
  for (const file of files) for (const f of parseNotes(file.name, file.text).facts) if (definesLexiconTerm(f.rule)) lexicon.add(f.term);
  return files.map((f) => parseNotes(f.name, f.text, { lexicon }));
}
