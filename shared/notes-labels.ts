// Plain words for the notes importer's internal names, for host screens: why a line was
// skipped, what a fact's flag means, and what kind of file a layout is. The server's names
// (server/notes/types.ts: SkipReason, FactFlag, Layout) stay as they are in the API; only the
// screens translate. A name this table does not know yet (the parser grows) is shown readably
// instead of breaking the screen.

export interface PlainLabel {
  /** A few words, shown in tags and lists. */
  label: string;
  /** One sentence for a tooltip. */
  hint: string;
}

export const SKIP_REASON_LABELS: Readonly<Record<string, PlainLabel>> = {
  toc: { label: 'table of contents', hint: 'A contents list that only repeats the headings.' },
  image: { label: 'picture', hint: 'An image or a link to one: there is no text to ask about.' },
  meta: { label: 'page details', hint: 'Author, date, tags or similar details about the page.' },
  math: { label: 'formula', hint: 'A formula that cannot be turned into a question.' },
  'too-short': { label: 'too short', hint: 'Too few words to make a fact from.' },
  chrome: { label: 'page header/footer text', hint: 'Menus, buttons or footer text copied along with a web page.' },
  'empty-heading': { label: 'heading with nothing under it', hint: 'A heading with no notes below it.' },
  blank: { label: 'empty line', hint: 'Nothing but spaces or punctuation.' },
  heading: { label: 'heading', hint: 'A heading: it names the topic of the notes below it.' },
  other: { label: 'not a fact', hint: 'A line that does not read as a term and what it means.' },
  intro: { label: 'introduces a list', hint: 'A line such as “Includes 4 key services:” that only leads into the list below.' },
  'table-header': { label: 'table header row', hint: 'The header row of a table: its cells name the columns.' },
  'front-matter': { label: 'page settings block', hint: 'The title, tags and dates block at the top of a page.' },
  callout: { label: 'box marker', hint: 'The line that opens a tip or note box; the text in the box is kept.' },
  navigation: { label: 'navigation links', hint: 'Links such as “back to top” or “next page”.' },
  badge: { label: 'status badge', hint: 'A small status picture, such as a build badge.' },
  placeholder: { label: 'answer not written yet', hint: 'A card whose answer is TODO, TBD, “?” or similar.' },
  damaged: { label: 'damaged line', hint: 'The export broke this line (for example an unclosed quote). Fix it in the file and import again.' },
};

export const FACT_FLAG_LABELS: Readonly<Record<string, PlainLabel>> = {
  math: { label: 'had a formula', hint: 'The line held a formula and the fact keeps only its text, so it is left out of questions until you edit it.' },
  truncated: { label: 'looks cut off', hint: 'It ends mid-sentence or has an unclosed bracket. It is left out of questions until you fix it.' },
  merged: { label: 'several facts on one line', hint: 'Several definitions were glued together on one line. Shown for context, not asked.' },
  typoSuspect: { label: 'possible typo in the term', hint: 'The term looks like a misspelling of a more common one; it is left out of questions until you fix it.' },
  openList: { label: 'from an unfinished list', hint: 'The list it comes from ends with “…”, so it may not be complete.' },
  termInFact: { label: 'repeats its term', hint: 'The text says the term itself; questions hide it.' },
  question: { label: 'a question card', hint: 'The term is a question, as on a Q&A flashcard.' },
  conflict: { label: 'disagrees with another file', hint: 'Another file says something different about the same term. Neither is asked until one is fixed.' },
  section: { label: 'section heading', hint: 'The term is the heading of a section rather than the name of a thing.' },
  lowConfidence: { label: 'unsure reading', hint: 'The importer is not sure it read this line right. It is left out of questions until you fix it.' },
};

export const LAYOUT_LABELS: Readonly<Record<string, PlainLabel>> = {
  markdown: { label: 'notes with headings (Markdown)', hint: 'Markdown notes: headings, lists and tables.' },
  'rendered-bullets': { label: 'web page copied as text', hint: 'Text copied from a web page or PDF, bullets and headings kept as plain text.' },
  'flashcard-pairs': { label: 'flashcards', hint: 'Flashcards written as term and definition pairs.' },
  'flashcard-tsv': { label: 'flashcard export (Quizlet/Anki)', hint: 'A Quizlet or Anki export: one card per line, term and definition split by a tab.' },
  csv: { label: 'spreadsheet (CSV)', hint: 'A spreadsheet saved as CSV: one row per fact.' },
  'plain-outline': { label: 'indented outline', hint: 'Plain text notes organised by indentation.' },
};

/** "termInFact" → "term in fact", "too-short" → "too short": readable even when unknown. */
function spaced(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();
}

function lookup(table: Readonly<Record<string, PlainLabel>>, key: string): PlainLabel {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : { label: spaced(key) || 'other', hint: '' };
}

export const skipReasonLabel = (reason: string): PlainLabel => lookup(SKIP_REASON_LABELS, reason);
export const factFlagLabel = (flag: string): PlainLabel => lookup(FACT_FLAG_LABELS, flag);
export const layoutLabel = (layout: string): PlainLabel => lookup(LAYOUT_LABELS, layout);
