// Where each topic starts, so blocks parsed separately from the main pass (tab tables) get
// the breadcrumb of the heading they sit under.

export interface TopicMark {
  line: number;
  topic: string[];
  term?: string;
}

export function topicAt(marks: TopicMark[], line: number): TopicMark {
  let best: TopicMark = { line: 0, topic: [] };
  for (const m of marks) if (m.line <= line && m.line >= best.line) best = m;
  return best;
}

export interface HeadingInfo {
  text: string;
  line: number;
  depth: number;
  topic: string[];
  /** What the heading is to its notes (heading-role.ts); undefined: a term. */
  role?: 'term' | 'section' | 'label' | 'question';
}

export interface ParserResult {
  marks: TopicMark[];
  headings: HeadingInfo[];
}

// Empty sections (001:690 "Amazon Lex"): a heading with no facts before the next heading of
// the same or a higher level, no deeper headings and no fact naming it elsewhere is kept
// only as a distractor-only name. Run after every parser of the file (tab tables included).
export function reportEmptyHeadings(
  headings: HeadingInfo[],
  facts: { lineStart: number; term: string }[],
  report: (h: HeadingInfo) => void,
): void {
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const nextAny = headings[i + 1];
    if (nextAny && nextAny.depth > h.depth) continue;
    const nextSame = headings.slice(i + 1).find((x) => x.depth <= h.depth);
    const until = nextSame ? nextSame.line : Number.POSITIVE_INFINITY;
    const key = h.text.toLowerCase();
    const used = facts.some((f) => (f.lineStart > h.line && f.lineStart < until) || f.term.toLowerCase() === key);
    if (!used) report(h);
  }
}
