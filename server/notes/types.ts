// The contract between the note parsers, the notes bank (database) and the question generator.
// Parsers are pure: (file name, raw text) -> ParsedFile. Nothing here touches the database.

export type Layout = 'markdown' | 'rendered-bullets' | 'flashcard-pairs' | 'flashcard-tsv' | 'csv' | 'plain-outline';

export type FactFlag =
  | 'math' // the source held a formula; the fact text has it removed or kept as plain text
  | 'truncated' // unbalanced parenthesis, trailing comma or dangling word
  | 'merged' // several definitions glued on one line; context only, never a key or distractor
  | 'typoSuspect' // term looks like a misspelling of a more frequent term
  | 'openList' // the list it comes from ends with "..." (open world)
  | 'termInFact' // the fact repeats the term (the generator must mask it)
  | 'question' // the term is a question (Q&A card), not a name
  | 'conflict' // contradicts a fact of the same term in another file (set by the bank, not parsers)
  | 'section' // the "term" is the heading of a section of notes, not the name of a thing
  | 'lowConfidence';

export interface ParsedFact {
  lineStart: number; // 1-based, inclusive
  lineEnd: number; // 1-based, inclusive
  topic: string[]; // breadcrumb, outermost first; may be empty
  term: string; // clean display text, no markup
  attribute?: string; // table column / sub-list intro ("input", "Retrieve Time")
  fact: string; // clean display text, no markup
  rule: string; // which parser rule produced it, e.g. "S5/colon", "S8/pipe-table"
  confidence: number; // 0..1
  polarity?: '+' | '-';
  flags: FactFlag[];
  // Facts that are siblings for distractor purposes share a group id, unique within the file:
  // the items of one list, the cells of one table column, the cards of one flashcard set.
  group?: string;
  // Optional extras (added by the parsers; consumers may ignore them).
  termLine?: number; // 1-based line where the term itself is written (heading, card front, table header)
  aliases?: string[]; // other names for the term found on the same line ("AKA", acronym expansions)
  emphasis?: string[]; // bold / <b> / <u> / <mark> spans of the source: cloze candidates
}

export type SkipReason =
  | 'toc'
  | 'image'
  | 'meta'
  | 'math'
  | 'too-short'
  | 'chrome'
  | 'empty-heading'
  | 'blank'
  | 'heading'
  | 'other'
  | 'intro' // a line that only introduces the list below it ("Includes 4 key services:")
  | 'table-header' // header row of a table: its cells become terms or attributes, not facts
  | 'front-matter' // YAML/TOML front matter of a page (title, tags, dates)
  | 'callout' // the marker line of a box (`::: tip`, `> [!note]`); the box's text is kept
  | 'navigation' // "<- Overview | Exam Guide ->", "back to top", breadcrumbs
  | 'badge' // shields.io-style status images
  | 'placeholder' // a card whose answer is TODO, TBD, PASS, ? or similar
  | 'damaged'; // a line the export broke (an unclosed quote): reported, never merged silently

export interface SkippedLine {
  line: number;
  reason: SkipReason;
  text: string;
}

export interface ParsedFile {
  name: string;
  layout: Layout;
  facts: ParsedFact[];
  skipped: SkippedLine[];
  // Terms that have a heading but no facts (e.g. an empty section): usable as distractor names only.
  bareTerms?: { term: string; line: number; topic: string[] }[];
}
