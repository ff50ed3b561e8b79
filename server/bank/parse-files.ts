// Parsing for a deck. The parser splits glued "Term Definition" lines (its rule S10) with a
// lexicon of terms defined elsewhere; a deck grows one import at a time, so the lexicon also
// takes the terms the deck's other files already define. parseNoteFiles parses a file twice only
// when the other files' terms could change it.
import { definesLexiconTerm, parseNoteFiles } from '../notes/parse.js';
import type { ParsedFile } from '../notes/types.js';

export { definesLexiconTerm };

export function parseForDeck(files: readonly { name: string; text: string }[], deckTerms: Iterable<string> = []): ParsedFile[] {
  return parseNoteFiles(files, deckTerms);
}
