// Markdown notes (001, and the non-table parts of 003), parsed with micromark into an mdast
// tree (the parser under remark) with GFM tables and math blocks, so headings, nested lists,
// indented paragraphs inside items and pipe tables keep their structure and their line
// positions. Inline text is taken from the source slice of each
// node and cleaned by clean-inline, the same cleaner every other layout uses.
import type { Heading, List, ListItem as MdListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfmTable } from 'micromark-extension-gfm-table';
import { math } from 'micromark-extension-math';
import { cleanInline } from './clean-inline.js';
import { isTocEntry, rejectLine } from './filters.js';
import { headingRole, type HeadingRole, type RoleEvidence } from './heading-role.js';
import { hasVerb, isGenericLabel, isHeadingLike, isTermLike, sameLabel, words } from './heuristics.js';
import { emitFeature, emitList, emitSplit, introCtx, type Ctx, type Env, type ItemBlock, type ListItem } from './list-facts.js';
import { splitKeyValues } from './key-value.js';
import { splitTerm } from './split-term.js';
import type { HeadingInfo, ParserResult, TopicMark } from './topic-trail.js';
import type { FactFlag } from './types.js';

// Only the block structure is read: every inline text is taken from the source and cleaned by
// clean-inline. So of GFM only tables are parsed (autolinks, footnotes, strikethrough and task
// items are inline or ignored, and autolink literals alone cost a fifth of the parse), and
// inline constructs are off: a paragraph or cell is one text node spanning its source.
const INLINE = ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'mathText'];
const PARSE_OPTIONS: FromMarkdownOptions = {
  extensions: [gfmTable(), math(), { disable: { null: INLINE } }],
  mdastExtensions: [gfmTableFromMarkdown(), mathFromMarkdown()],
};

// P3: the VS Code table of contents (001:8-56) and any run of anchor-link list items.
export function maskToc(lines: string[], env: Env): string[] {
  const out = [...lines];
  let inToc = false;
  for (let i = 0; i < out.length; i++) {
    const t = out[i].trim();
    const opens = /^#{1,6}\s+table of contents\s*$/i.test(t) || /^<!--\s*vscode-markdown-toc\s*-->$/.test(t);
    if (opens) inToc = true;
    if (inToc || isTocEntry(out[i])) {
      if (t) env.sink.skip(i + 1, 'toc', out[i]);
      if (/^<!--\s*\/vscode-markdown-toc\s*-->$/.test(t)) inToc = false;
      // The TOC heading still closes the section above it: keep an empty heading of its level.
      out[i] = opens && /^#{1,6}\s/.test(t) ? t.replace(/\s.*$/, '') : '';
    }
  }
  return out;
}

interface HeadingState {
  depth: number;
  text: string;
  aliases?: string[];
  line: number;
  factsAtStart: number;
  role: HeadingRole | 'title';
}

// What sits directly under each heading (until the next heading) and how many headings nest
// under it: the evidence for its role (heading-role.ts).
function headingEvidence(nodes: RootContent[], text: (n: Nodes) => string): Map<number, RoleEvidence> {
  const out = new Map<number, RoleEvidence>();
  for (let i = 0; i < nodes.length; i++) {
    const h = nodes[i];
    if (h.type !== 'heading') continue;
    const ev: RoleEvidence = { termItems: 0, plainItems: 0, subHeadings: 0 };
    let direct = true;
    for (let j = i + 1; j < nodes.length; j++) {
      const n = nodes[j];
      if (n.type === 'heading') {
        if (n.depth <= h.depth) break;
        ev.subHeadings++;
        direct = false;
        continue;
      }
      if (!direct) continue;
      if (n.type === 'table') ev.termItems += Math.max(0, n.children.length - 1);
      else if (n.type === 'list') for (const li of n.children) countItem(text(li.children[0] ?? li), ev);
      else if (n.type === 'paragraph') countItem(text(n), ev);
    }
    out.set(i, ev);
  }
  return out;
}

function countItem(raw: string, ev: RoleEvidence): void {
  const c = cleanInline(raw);
  const lead = c.emphasis[0] && c.text.startsWith(c.emphasis[0]) ? c.emphasis[0] : undefined;
  const split = /:$/.test(c.text) ? null : splitTerm(c.text, { leadingEmphasis: lead });
  if (split && split.kind !== 'paren' && isTermLike(split.term) && !isGenericLabel(split.term)) ev.termItems++;
  else if (c.text) ev.plainItems++;
}

// The first heading is the file's title when it is the only heading of the top level, or when
// it opens the file and the next heading of its level follows with nothing in between.
function titleIndex(nodes: RootContent[], text: (n: Nodes) => string): number {
  const heads = nodes.map((n, i) => ({ n, i })).filter((x): x is { n: Heading; i: number } => x.n.type === 'heading' && !!cleanHeading(text(x.n)));
  const first = heads[0];
  if (!first) return -1;
  const before = nodes.slice(0, first.i).filter((n) => n.type !== 'html' && !(n.type === 'paragraph' && !cleanInline(text(n)).text));
  if (before.length > 1) return -1;
  const top = Math.min(...heads.map((h) => h.n.depth));
  if (first.n.depth !== top) return -1;
  const sameLevel = heads.filter((h) => h.n.depth === top);
  if (sameLevel.length === 1 && heads.length > 1) return first.i;
  const next = heads[1];
  if (!next || next.n.depth > top) return -1;
  // Only an author line or a date between the title and the next top heading.
  const between = nodes.slice(first.i + 1, next.i).filter((n) => n.type === 'paragraph' || n.type === 'list' || n.type === 'table');
  return between.length <= 1 && between.every((n) => n.type === 'paragraph' && words(cleanInline(text(n)).text).length <= 6) ? first.i : -1;
}

/** "Endoplasmic reticulum (ER)", "Glyceryl trinitrate (GTN)": a name with its abbreviation. */
export function headingAlias(text: string): { name: string; alias: string } | null {
  const m = /^(.+?)\s*\(([A-Z][A-Za-z0-9&+-]{1,9})\)$/.exec(text);
  if (!m || m[1].split(/\s+/).length < 2) return null;
  const initials = m[1].split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w) && !/^(?:of|the|and|for|in|on|a|an)$/i.test(w)).map((w) => w[0].toUpperCase()).join('');
  const acr = m[2].toUpperCase().replace(/[^A-Z0-9]/g, '');
  // The letters of the abbreviation, in order, among the initials ("EMR" in "Elastic Map Reduce").
  let at = 0;
  for (const ch of initials) if (ch === acr[at]) at++;
  return at === acr.length || initials.startsWith(acr) ? { name: m[1].trim(), alias: m[2] } : null;
}

export function cleanHeading(raw: string): string {
  const body = raw.replace(/^\s*#{1,6}\s*/, '').replace(/\s#+\s*$/, '');
  const c = cleanInline(body.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, ''));
  return c.text.replace(/^\d+(?:\.\d+)*\.?\s+/, '').replace(/[:\s]+$/, '');
}

/**
 * The markdown tree of a whole file, parsed in pieces. micromark re-copies every event parsed
 * so far each time a list closes, which makes one big file quadratic; a piece ends before a
 * line that starts a new top-level block (an ATX heading, or an unindented paragraph after a
 * blank line), outside fenced code, so no construct spans two pieces. Positions are shifted
 * back to the whole file's lines and offsets.
 */
export function parseInPieces(source: string): Root {
  const lines = source.split('\n');
  const cuts = [0];
  let fence: string | null = null;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (f) fence = fence === null ? f[1][0] : fence === f[1][0] ? null : fence;
    size += l.length + 1;
    if (fence !== null || i === 0 || size < 4_000) continue;
    const starts = /^#{1,6}\s/.test(l) || (lines[i - 1] === '' && /^[^\s>*+\-|\d]/.test(l) && !/^\d+[.)]\s/.test(l));
    if (starts) {
      cuts.push(i);
      size = 0;
    }
  }
  cuts.push(lines.length);
  const root: Root = { type: 'root', children: [] };
  let offset = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const text = lines.slice(cuts[c], cuts[c + 1]).join('\n');
    const piece = fromMarkdown(text, PARSE_OPTIONS);
    shift(piece, cuts[c], offset);
    root.children.push(...piece.children);
    offset += text.length + 1;
  }
  return root;
}

function shift(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
    if (node.position.start.offset !== undefined) node.position.start.offset += offset;
    if (node.position.end.offset !== undefined) node.position.end.offset += offset;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) shift(c, lines, offset);
}

export function parseMarkdown(lines: string[], env: Env): ParserResult {
  const masked = maskToc(lines, env);
  const source = masked.join('\n');
  const tree = parseInPieces(source);
  // A paragraph inside a quote or callout carries the "> " of its later lines in the source.
  const slice = (n: Nodes) => source.slice(n.position!.start.offset!, n.position!.end.offset!).replace(/\n[ \t]*(?:>[ \t]?)+/g, '\n');
  const lineOf = (n: Nodes) => n.position!.start.line;
  const endOf = (n: Nodes) => n.position!.end.line;

  // An image written right under a list item (001:132-133) belongs to the item's paragraph in
  // markdown, but it is not part of the fact: the fact ends on the last line with text.
  const lastTextLine = (from: number, to: number): number => {
    let end = to;
    while (end > from && !cleanInline(lines[end - 1] ?? '').text) {
      if (/!\[|<img/i.test(lines[end - 1] ?? '')) env.sink.skip(end, 'image', lines[end - 1]);
      end--;
    }
    return end;
  };

  const marks: TopicMark[] = [];
  const stack: HeadingState[] = [];
  const headings: HeadingInfo[] = [];
  let label: { text: string; line: number } | null = null;
  let pending: Ctx | null = null;

  // Topic: the headings above, without the title and without generic labels ("Use Cases"),
  // which become the attribute of what they file. Term: the nearest heading that names a thing
  // or a section; a section's own notes are flagged so they never read as its definition.
  const ctx = (): Ctx => {
    const topic: string[] = [];
    const labels: string[] = [];
    let owner: HeadingState | undefined;
    for (const h of stack) {
      if (h.role === 'title') continue;
      if (h.role === 'label') {
        labels.push(h.text);
        continue;
      }
      topic.push(h.text);
      owner = h;
      labels.length = 0;
    }
    if (label && isGenericLabel(label.text)) labels.push(label.text);
    else if (label) {
      topic.push(label.text);
      return { topic, term: label.text, termLine: label.line, nested: false };
    }
    const attribute = labels.length ? labels.join(' / ') : undefined;
    if (!owner) return { topic, term: labels[0], termLine: stack.find((h) => h.role === 'label')?.line, nested: false, flags: ['section'] };
    const flags: FactFlag[] | undefined = owner.role === 'section' ? ['section'] : undefined;
    return { topic, term: owner.text, termLine: owner.line, attribute, nested: false, flags, aliases: owner.aliases };
  };

  const toItems = (list: List): ListItem[] =>
    list.children.map((li: MdListItem) => {
      let kids = [...li.children];
      // "- > **Task Node**: …" (003:136): a quote marker inside an item is a PDF glyph, not a quote.
      if (kids[0]?.type === 'blockquote') kids = [...kids[0].children, ...kids.slice(1)];
      const head = kids[0]?.type === 'paragraph' ? (kids.shift() as Paragraph) : null;
      const blocks: ItemBlock[] = [];
      for (const k of kids) {
        if (k.type === 'list') blocks.push({ kind: 'list', items: toItems(k) });
        else if (k.type === 'paragraph') blocks.push({ kind: 'para', line: lineOf(k), lineEnd: endOf(k), raw: slice(k) });
        else if (k.type === 'blockquote')
          for (const q of k.children) if (q.type === 'paragraph') blocks.push({ kind: 'para', line: lineOf(q), lineEnd: endOf(q), raw: slice(q) });
      }
      const at = head ?? li;
      return { line: lineOf(at), lineEnd: head ? lastTextLine(lineOf(head), endOf(head)) : lineOf(li), raw: head ? slice(head) : '', blocks };
    });

  const evidence = headingEvidence(tree.children, slice);
  const title = titleIndex(tree.children, slice);

  const onHeading = (node: Heading, index: number) => {
    const text = cleanHeading(slice(node));
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    label = null;
    pending = null;
    const line = lineOf(node);
    if (!text) return env.sink.skip(line, 'empty-heading', slice(node));
    const reject = rejectLine(slice(node), text);
    if (reject === 'meta') return env.sink.skip(line, 'meta', slice(node));
    const role = index === title ? 'title' : headingRole(text, evidence.get(index));
    // "Endoplasmic reticulum (ER)": the name, with its abbreviation as another name of it.
    const alias = headingAlias(text);
    const h: HeadingState = { depth: node.depth, text: alias?.name ?? text, line, factsAtStart: env.sink.facts.length, role, aliases: alias ? [alias.alias] : undefined };
    stack.push(h);
    if (role === 'title') return env.sink.skip(line, 'heading', slice(node));
    if (role === 'term') env.lexicon.addTerm(text);
    headings.push({ text, line, depth: node.depth, topic: ctx().topic, role });
    marks.push({ line, topic: ctx().topic, term: ctx().term });
  };

  const onTable = (node: Table) => {
    const [head, ...rows] = node.children;
    if (!head) return;
    // A cell's own source is its children's span (the node itself includes the pipes).
    const cellText = (c: Nodes & { children?: Nodes[] }) => {
      const kids = c.children ?? [];
      if (!kids.length) return '';
      return source.slice(kids[0].position!.start.offset!, kids[kids.length - 1].position!.end.offset!);
    };
    const headers = head.children.map((c) => cleanInline(cellText(c)).text);
    env.sink.skip(lineOf(head), 'table-header', slice(head));
    const c0 = ctx();
    for (const row of rows) {
      const cells = row.children.map((c) => cleanInline(cellText(c)));
      const term = cells[0]?.text;
      if (!term) continue;
      env.lexicon.addTerm(term);
      for (let i = 1; i < cells.length; i++) {
        const cell = cells[i];
        if (!cell.text) continue; // a missing cell is unknown, not empty (001:80)
        env.sink.add({
          line: lineOf(row),
          topic: c0.topic,
          term,
          attribute: headers[i] || undefined,
          fact: cell.text,
          rule: 'S8/pipe-table',
          confidence: 0.9,
          group: `table:${lineOf(node)}:c${i}`, // one column = one sibling set
          flags: cell.math ? ['math'] : [],
          emphasis: cell.emphasis,
          allowShort: true, // "hours", "Regularly" are full answers in a table
        });
      }
    }
  };

  const onParagraph = (node: Paragraph, next: RootContent | undefined) => {
    const raw = slice(node);
    const line = lineOf(node);
    const at = { line, lineEnd: lastTextLine(line, endOf(node)) };
    const c = cleanInline(raw);
    const reject = rejectLine(raw, c.text);
    if (reject) {
      for (let l = at.line; l <= at.lineEnd; l++) env.sink.skip(l, reject, lines[l - 1]);
      return;
    }
    const text = c.text;
    const followedByList = next?.type === 'list' || next?.type === 'table';
    // S2b: ":white_check_mark: Text" at column 0 is a label (pseudo-heading) when a list follows.
    if (c.polarity && /^\s*(?::[a-z_]+:|[✅❌✔✖])/u.test(raw)) {
      // A label introduces what follows unless what follows is another label (001:361-365).
      const nextIsLabel = next?.type === 'paragraph' && /^\s*(?::[a-z_]+:|[✅❌✔✖])/u.test(slice(next));
      const introduces = followedByList || (next?.type === 'paragraph' && !nextIsLabel);
      if (introduces) {
        label = null;
        const split = splitTerm(text, { paren: true });
        if (split?.kind === 'paren') emitSplit(env, ctx(), at, split, c, undefined, 'S2b');
        else if (c.polarity === '-') emitFeature(env, ctx(), at, text, c, 'S2b/label', undefined, 0.8);
        else env.sink.skip(line, 'heading', raw);
        label = { text: split?.kind === 'paren' ? split.term : text, line };
        marks.push({ line, topic: ctx().topic, term: label.text });
        return;
      }
      label = null;
      return emitFeature(env, ctx(), at, text, c, 'S2b/polarity', undefined, 0.85);
    }
    if (/:$/.test(text)) {
      const intro = text.replace(/:$/, '').trim();
      env.sink.skip(line, 'intro', raw);
      if (followedByList) pending = introCtx(ctx(), intro, line);
      else label = { text: intro, line };
      marks.push({ line, topic: (pending ?? ctx()).topic, term: (pending ?? ctx()).term });
      return;
    }
    // F10: "**Recall**: … **Precision**: …" holds two definitions; split before removing bold.
    const markers = [...raw.matchAll(/\*\*[^*\n]+?\*\*\s*[:=]|\*\*[^*\n]+?[:=]\s*\*\*/g)];
    if (markers.length >= 2) {
      for (let i = 0; i < markers.length; i++) {
        const seg = raw.slice(markers[i].index, markers[i + 1]?.index ?? raw.length);
        termParagraph(seg, at, undefined);
      }
      return;
    }
    termParagraph(raw, at, next);
  };

  const termParagraph = (raw: string, at: { line: number; lineEnd: number }, next: RootContent | undefined) => {
    const c = cleanInline(raw);
    const text = c.text;
    if (!text) return;
    const lead = c.emphasis[0] && text.startsWith(c.emphasis[0]) ? c.emphasis[0] : undefined;
    // A tagline: the first thing under a term heading, wholly bold or italic ("**Protein factory
    // of the cell**", "**Fluid mosaic: a bilayer …**") is the heading's definition, whatever
    // separators it holds.
    const owner = stack[stack.length - 1];
    const wholeEmphasis = c.emphasis.length === 1 && c.emphasis[0].replace(/\W+/g, '') === text.replace(/\W+/g, '');
    if (wholeEmphasis && owner && owner.role === 'term' && !label && env.sink.facts.length === owner.factsAtStart) {
      return emitFeature(env, ctx(), at, text, { ...c, emphasis: [] }, 'S7/tagline', undefined, 0.9);
    }
    let split = splitKeyValues(text) ? null : splitTerm(text, { leadingEmphasis: lead });
    // "UDP is not \"broken TCP\": it simply …": a clause before the colon names no term.
    if (split && split.kind !== 'bold' && hasVerb(split.term)) split = null;
    // "#### **Model Monitor**" with its bullets, then "**JumpStart =** …": a bold-term paragraph
    // after a deep term heading's own notes is that heading's sibling, written without a heading.
    const top = stack[stack.length - 1];
    if (split && lead && top?.role === 'term' && top.depth >= 3 && env.sink.facts.length > top.factsAtStart && !prevWasHeading && !label) stack.pop();
    const here = ctx();
    // Right under a heading the heading is the term: "Optical Character Recognition – used for …"
    // (003:503) defines Amazon Textract, so a dash or arrow there is not a separator.
    const firstUnderHeading = !label && stack.length > 0 && stack[stack.length - 1].factsAtStart === env.sink.facts.length && prevWasHeading;
    const weak = split && (split.kind === 'dash' || split.kind === 'arrow') && (firstUnderHeading || words(split.term).length > 4);
    if (split && split.kind !== 'paren' && !weak) {
      if (isGenericLabel(split.term) && here.term) return emitFeature(env, { ...here, attribute: split.term }, at, split.fact, c, 'S5/label');
      emitSplit(env, here, at, split, c);
      if (next?.type === 'list') pending = { topic: [...here.topic, split.term], term: split.term, termLine: at.line, nested: false };
      return;
    }
    if (sameLabel(text, here.term ?? '')) return env.sink.skip(at.line, 'heading', raw);
    if (isHeadingLike(text) && words(text).length <= 5 && next && next.type !== 'heading') {
      // A short bare line over a list is a pseudo-heading; elsewhere it is an orphan name
      // ("Recommendation systems" between two metric definitions, 003:216).
      if (next.type === 'list' || next.type === 'table') {
        label = { text, line: at.line };
        marks.push({ line: at.line, topic: ctx().topic, term: text });
      } else env.sink.bare(text, at.line, ctx().topic);
      return env.sink.skip(at.line, 'heading', raw);
    }
    const first = stack.length > 0 && stack[stack.length - 1].factsAtStart === env.sink.facts.length;
    emitFeature(env, here, at, text, c, 'S7/definition', undefined, first ? 0.85 : 0.7);
  };

  let prevWasHeading = false;
  const walk = (nodes: RootContent[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const next = nodes[i + 1];
      prevWasHeading = nodes[i - 1]?.type === 'heading';
      if (node.type === 'heading') onHeading(node, nodes === tree.children ? i : -1);
      else if (node.type === 'paragraph') onParagraph(node, next);
      else if (node.type === 'list') {
        emitList(env, toItems(node), pending ?? ctx());
        pending = null;
      } else if (node.type === 'table') onTable(node);
      else if (node.type === 'blockquote') walk(node.children);
      else if (node.type === 'math') for (let l = lineOf(node); l <= endOf(node); l++) env.sink.skip(l, 'math', lines[l - 1]);
      else if (node.type === 'html' || node.type === 'code') for (let l = lineOf(node); l <= endOf(node); l++) env.sink.skip(l, 'other', lines[l - 1]);
    }
  };
  walk(tree.children);
  return { marks, headings };
}
