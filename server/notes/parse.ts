// Entry point of the note parsers: (file name, raw text) -> ParsedFile. Pure and
// deterministic: no I/O, no clock, no randomness; the same input gives the same output.
import { ankiSeparator, consistentDelimiter, detectLayout } from './detect-layout.js';
import { FactSink } from './fact-sink.js';
import { maskFurniture } from './furniture.js';
import { Lexicon, lexiconKeys } from './lexicon.js';
import type { Env } from './list-facts.js';
import { parseBullets } from './parse-bullets.js';
import { parseDelimitedCards, parseFlashcardPairs } from './parse-flashcards.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePlainOutline } from './parse-outline.js';
import { findTabBlocks, parseTabTables } from './parse-tab-table.js';
import { reportEmptyHeadings, type ParserResult } from './topic-trail.js';
import type { Layout, ParsedFile } from './types.js';
import { isGenericLabel } from './heuristics.js';

export interface ParseOptions {
  layout?: Layout; // skip detection
  lexicon?: Iterable<string>; // terms known from other files (S10 glued-term splits)
  asked?: Set<string>; // filled with the term keys the glued-term rule looked up
}

function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
}

export function parseNotes(name: string, text: string, options: ParseOptions = {}): ParsedFile {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const layout = options.layout ?? detectLayout(normalised, name);
  const lines = normalised.split('\n');
  const sink = new FactSink();
  const env: Env = { sink, lexicon: new Lexicon(normalised, options.lexicon) };
  env.lexicon.asked = options.asked;

  if (layout === 'flashcard-tsv' || layout === 'csv') {
    const delimiter = ankiSeparator(normalised) ?? (layout === 'csv' ? (consistentDelimiter(normalised) ?? ',') : '\t');
    parseDelimitedCards(normalised, env, delimiter, [baseName(name)].filter(Boolean));
  } else if (layout === 'flashcard-pairs') {
    parseFlashcardPairs(lines, env);
  } else {
    // Page furniture goes first (front matter, callout markers, navigation, badges); then tab
    // tables, which can sit inside any layout, are cut out (line numbers stay) for their parser.
    const page = maskFurniture(lines, sink);
    const blocks = findTabBlocks(page);
    const masked = [...page];
    for (const b of blocks) for (let l = b.start; l <= b.end; l++) masked[l - 1] = '';
    const parse = layout === 'markdown' ? parseMarkdown : layout === 'rendered-bullets' ? parseBullets : parsePlainOutline;
    const result: ParserResult = parse(masked, env);
    parseTabTables(page, blocks, env, result.marks);
    reportEmptyHeadings(result.headings, sink.facts, (h) => {
      // The document title and generic labels ("Example") are not entities of their own.
      const title = h === result.headings[0] && h.depth === Math.min(...result.headings.map((x) => x.depth));
      if (!title && !isGenericLabel(h.text)) sink.bare(h.text, h.line, h.topic);
      sink.skip(h.line, title ? 'heading' : 'empty-heading', h.text);
    });
  }

  const out = sink.finish();
  const file: ParsedFile = { name, layout, facts: out.facts, skipped: out.skipped };
  if (out.bareTerms.length) file.bareTerms = out.bareTerms;
  return file;
}

/** The parser's own test for "this fact names a term on its line": such terms feed the lexicon. */
export function definesLexiconTerm(rule: string): boolean {
  return rule.startsWith('S5/') || rule.startsWith('S9/pair') || rule.startsWith('S8/');
}

/**
 * Several files at once (with the terms a deck already defines, if any): a first pass collects
 * every file's terms, so that glued "Term Definition" lines (S10) can be split with terms
 * defined in the other files. A file is parsed a second time only when the first pass looked
 * up a term that the other files turned out to define; otherwise the second pass would give
 * the same result, and the first is kept.
 */
export function parseNoteFiles(files: readonly { name: string; text: string }[], knownTerms: Iterable<string> = []): ParsedFile[] {
  const known = new Set<string>(knownTerms);
  const asked = files.map(() => new Set<string>());
  const first = files.map((f, i) => parseNotes(f.name, f.text, { lexicon: known, asked: asked[i] }));
  const added = new Set<string>();
  for (const p of first) for (const f of p.facts) if (definesLexiconTerm(f.rule) && !known.has(f.term)) added.add(f.term);
  const addedKeys = lexiconKeys(added);
  const lexicon = new Set([...known, ...added]);
  return files.map((f, i) => ([...asked[i]].some((k) => addedKeys.has(k)) ? parseNotes(f.name, f.text, { lexicon }) : first[i]));
}
