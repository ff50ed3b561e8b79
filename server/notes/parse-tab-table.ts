// S8 for tables that a PDF or web copy left as tab-separated lines (003:9-11, 24-28,
// 289-313, 324-332). They can sit inside any layout, so they are cut out before the layout
// parser runs and parsed here with the topic of the heading they sit under.
//  - Orientation: an empty top-left cell means the header row names the entities
//    (column-major); otherwise the first column does (row-major).
//  - A header repeated after a page break (same first cell) continues the same table.
//  - An empty header cell is a spill-over column: its cells continue the previous column.
//  - Cells holding <ul><li> or "- a - b" bullets give one fact per value.
import type { Element, Nodes } from 'hast';
import { cleanInline } from './clean-inline.js';
import { htmlParser } from './optional-libs.js';
import type { Env } from './list-facts.js';
import { topicAt, type TopicMark } from './topic-trail.js';

export interface TabBlock {
  start: number; // 1-based, inclusive
  end: number;
}

// A tab after non-space text: indentation tabs (001's table of contents) do not count.
const TAB_ROW = /\S\t|^\t+\S[^\t]*\t/;

export function findTabBlocks(lines: string[]): TabBlock[] {
  const blocks: TabBlock[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isRow = i < lines.length && TAB_ROW.test(lines[i]);
    if (isRow && start < 0) start = i;
    if (!isRow && start >= 0) {
      if (i - start >= 2) blocks.push({ start: start + 1, end: i });
      start = -1;
    }
  }
  return blocks;
}

function liTexts(node: Nodes, out: string[]): void {
  if (node.type === 'element' && (node as Element).tagName === 'li') {
    out.push(htmlParser().toText(node).replace(/\s+/g, ' ').trim());
    return;
  }
  if ('children' in node) for (const c of node.children) liTexts(c as Nodes, out);
}

// Splits at depth-0 commas: "BlazingText, DeepAR" but not "(servers, mobile devices, …)".
function commaItems(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

interface CellValues {
  values: string[];
  emphasis: string[];
  math: boolean;
}

// Column-wrap damage: "Classificati on" (lexicon re-join) and "application/x- recordio".
function repairCell(s: string, env: Env): string {
  return env.lexicon.repair(s).replace(/\b([a-z])- (?=[a-z])/g, '$1-');
}

export function cellValues(raw: string, env: Env): CellValues {
  const fix = (s: string) => repairCell(s, env);
  if (/<li\b/i.test(raw)) {
    const items: string[] = [];
    liTexts(htmlParser().fromHtml(raw, { fragment: true }), items);
    const outside = cleanInline(raw.replace(/<(ul|ol)\b[\s\S]*?<\/\1>/gi, ' '));
    const values = [outside.text, ...items.map((i) => cleanInline(i).text)].map(fix).filter(Boolean);
    return { values, emphasis: outside.emphasis, math: outside.math };
  }
  const c = cleanInline(raw);
  const text = fix(c.text);
  let values = [text];
  if (/^[-–]/.test(text)) values = text.split(/(?:^|\s)[-–]\s*(?=\S)|(?<=\))[-–]\s+/).map((v) => v.trim());
  else {
    const items = commaItems(text);
    if (items.length >= 2 && items.every((i) => i.split(/\s+/).length <= 4) && !/[.;:]/.test(text)) values = items;
  }
  return { values: values.filter(Boolean), emphasis: c.emphasis, math: c.math };
}

interface TableState {
  id: number; // line of the first header: groups stay shared across page-break repeats
  first: string;
  lastLine: number;
}

export function parseTabTables(lines: string[], blocks: TabBlock[], env: Env, marks: TopicMark[]): void {
  let table: TableState | null = null;
  for (const block of blocks) {
    const rows: { line: number; cells: string[] }[] = [];
    for (let l = block.start; l <= block.end; l++) rows.push({ line: l, cells: lines[l - 1].split('\t') });
    const header = rows[0].cells.map((c) => cleanInline(c).text);
    const continues = table !== null && header[0] !== '' && header[0] === table.first && block.start - table.lastLine <= 4;
    if (!continues) table = { id: block.start, first: header[0], lastLine: block.end };
    table!.lastLine = block.end;
    const tableId = table!.id;
    env.sink.skip(block.start, 'table-header', lines[block.start - 1]);

    const columnMajor = header[0] === '';
    // Spill-over columns: an empty header cell after the first continues its left neighbour.
    const spill = header.map((h, k) => k > 0 && h === '' && !(columnMajor && k === 0));
    const names = header.map((h) => repairCell(h, env));
    const topic = topicAt(marks, block.start).topic;
    for (const n of columnMajor ? names.slice(1) : []) if (n) env.lexicon.addTerm(n);

    for (const row of rows.slice(1)) {
      const merged: string[] = [];
      const cols: number[] = [];
      row.cells.forEach((cell, k) => {
        if (spill[k] && merged.length) merged[merged.length - 1] = env.lexicon.joinCells(merged[merged.length - 1], cell.trim());
        else {
          merged.push(cell.trim());
          cols.push(k);
        }
      });
      const rowHead = repairCell(cleanInline(merged[0] ?? '').text, env);
      if (!rowHead) continue;
      if (!columnMajor) env.lexicon.addTerm(rowHead);
      for (let i = 1; i < merged.length; i++) {
        const k = cols[i];
        const colName = names[k] ?? '';
        const term = columnMajor ? colName : rowHead;
        const attribute = columnMajor ? rowHead : colName;
        if (!term || !merged[i]) continue; // empty cell: unknown (003:10, RDS / Aurora)
        const cv = cellValues(merged[i], env);
        const many = cv.values.length > 1;
        for (const value of cv.values) {
          env.sink.add({
            line: row.line,
            termLine: columnMajor ? block.start : row.line,
            topic,
            term,
            attribute: attribute || undefined,
            fact: value,
            rule: many ? 'S8/tab-cell-item' : 'S8/tab-cell',
            confidence: many ? 0.8 : 0.85,
            group: `table:${tableId}:${(attribute || String(k)).toLowerCase()}`,
            flags: cv.math ? ['math'] : [],
            emphasis: cv.emphasis,
            allowShort: true,
          });
        }
      }
    }
  }
}
