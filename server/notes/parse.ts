// Entry point of the note parsers: (file name, raw text) -> ParsedFile. Pure and
// deterministic: no I/O, no clock, no randomness; the same input gives the same output.
import { ankiSeparator, consistentDelimiter, detectLayout } from './detect-layout.js';
import { FactSink } from './fact-sink.js';
import { maskFurniture } from './furniture.js';
import { Lexicon } from './lexicon.js';
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

// Several files at once: a first pass collects every file's terms so that the second pass can
// split glued "Term Definition" lines (S10) using terms defined in the other files.
export function parseNoteFiles(files: { name: string; text: string }[]): ParsedFile[] {
  const first = files.map((f) => parseNotes(f.name, f.text));
  const lexicon = new Set<string>();
  for (const p of first) for (const f of p.facts) if (f.rule.startsWith('S5/') || f.rule.startsWith('S9/pair') || f.rule.startsWith('S8/')) lexicon.add(f.term);
  return files.map((f) => parseNotes(f.name, f.text, { lexicon }));
}
