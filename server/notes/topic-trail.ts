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
  // Linear: the next heading of the same or a higher level from a stack, facts' start lines
  // sorted for a binary search, their terms in a set.
  const until = new Array<number>(headings.length).fill(Number.POSITIVE_INFINITY);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length && headings[open[open.length - 1]].depth >= h.depth) until[open.pop()!] = h.line;
    open.push(i);
  });
  const starts = facts.map((f) => f.lineStart).sort((a, b) => a - b);
  const terms = new Set(facts.map((f) => f.term.toLowerCase()));
  const firstAfter = (line: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : Number.POSITIVE_INFINITY;
  };
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const nextAny = headings[i + 1];
    if (nextAny && nextAny.depth > h.depth) continue;
    const used = firstAfter(h.line) < until[i] || terms.has(h.text.toLowerCase());
    if (!used) report(h);
  }
}
