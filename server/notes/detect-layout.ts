// P2: one layout per file, decided from the text (the file name only breaks ties for
// delimited exports). Order matters: delimited exports first (their cells may contain "#"
// or "•"), then markdown headings, "•" glyph lists, term/definition pairs, plain outline.
import { csvParser } from './optional-libs.js';
import { pairParity, unclosedQuoteLines } from './parse-flashcards.js';
import type { Layout } from './types.js';

const LIST_MARKER = /^\s*(?:[-*+•▪◦]|\d{1,2}[.)])\s+/;
const ANKI_HEADER = /^#(?:separator|html|columns|notetype|deck|tags|guid)[a-z ]*:/i;

function contentLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() && !ANKI_HEADER.test(l.trim()));
}

// Quizlet / Anki tab export: (almost) every line is "front<TAB>back[<TAB>…]".
export function looksLikeTsv(text: string): boolean {
  const lines = contentLines(text);
  if (lines.length < 2 || /^#{1,6}\s/m.test(text)) return false;
  const tabbed = lines.filter((l) => /[^\t]\t/.test(l) || /^\t*[^\t]+\t/.test(l));
  return tabbed.length / lines.length >= 0.8;
}

// CSV export: consistent field count (2-6) on nearly every row; quoted multi-line fields allowed.
export function looksLikeCsv(text: string, name = ''): boolean {
  // A line with an unclosed quote would swallow the rest of the file into one field.
  const lines = contentLines(text);
  for (const i of unclosedQuoteLines(lines)) lines[i] = lines[i].replace(/"/g, '');
  const body = lines.join('\n');
  if (!body || /^#{1,6}\s/m.test(text)) return false;
  const rows = csvParser().parse<string[]>(body, { delimiter: ',', skipEmptyLines: true }).data;
  if (rows.length < 2) return false;
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const [mode, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (mode < 2 || mode > 6) return false;
  const share = n / rows.length;
  if (/\.csv$/i.test(name)) return share >= 0.6;
  const quoted = /(^|,)"/m.test(body);
  return share >= 0.9 && (quoted || rows.length >= 3) && rows.every((r) => !LIST_MARKER.test(r[0] ?? ''));
}

// 002: no blank lines after the title, no list markers, and alternating short/long lines.
export function looksLikePairs(text: string): boolean {
  const lines = text.replace(/\n+$/, '').split('\n');
  const first = lines.findIndex((l) => l.trim());
  if (first < 0) return false;
  const body = lines.slice(first + 1);
  if (body.length < 4 || body.some((l) => !l.trim())) return false;
  // A definition may itself start with an inline list ("* Converting to lower case * …", 002:41).
  if (body.filter((l) => LIST_MARKER.test(l)).length > body.length * 0.1) return false;
  const { offset, score } = pairParity(body.map((l) => l.trim()));
  const terms = body.filter((_l, i) => i % 2 === offset);
  const shortTerms = terms.filter((t) => t.trim().length <= 80).length / Math.max(1, terms.length);
  return score >= 0.7 && shortTerms >= 0.8;
}

// Anki states its separator in a header line: "#separator:tab", "#separator:Comma".
export function ankiSeparator(text: string): Delimiter | undefined {
  const m = /^#separator:\s*(\S+)/im.exec(text);
  if (!m) return undefined;
  const v = m[1].toLowerCase();
  if (v === 'tab' || v === '\t') return '\t';
  if (v === 'comma' || v === ',') return ',';
  if (v === 'semicolon' || v === ';') return ';';
  if (v === 'pipe' || v === '|') return '|';
  return undefined;
}

export type Delimiter = '\t' | ',' | ';' | '|';

/**
 * The separator of a flashcard export written without a header: the candidate that splits
 * (nearly) every line into the same number of fields, 2 to 6. Semicolons and bars are tried
 * before commas, since definitions are full of commas. Null when no candidate is consistent.
 */
/** Fields of one line, honouring quotes that open and close on the line; a stray quote that
 * never closes is taken literally, so it cannot hide the line's shape. */
function fieldCount(line: string, d: string): number {
  if ((line.match(/"/g)?.length ?? 0) % 2 === 1) return line.split(d).length;
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export function consistentDelimiter(text: string): Delimiter | null {
  const lines = contentLines(text);
  if (lines.length < 3 || /^#{1,6}\s/m.test(text)) return null;
  let best: { d: Delimiter; share: number } | null = null;
  for (const d of [';', '|'] as const) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = fieldCount(l, d);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const [mode, hits] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const share = hits / lines.length;
    if (mode >= 2 && mode <= 6 && share >= 0.9 && (!best || share > best.share)) best = { d, share };
  }
  return best?.d ?? null;
}

export function detectLayout(text: string, name = ''): Layout {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const anki = ankiSeparator(t);
  if (anki) return anki === '\t' ? 'flashcard-tsv' : 'csv';
  if (/\.tsv$/i.test(name) && looksLikeTsv(t)) return 'flashcard-tsv';
  if (/\.csv$/i.test(name) && looksLikeCsv(t, name)) return 'csv';
  if (looksLikeTsv(t)) return 'flashcard-tsv';
  if (consistentDelimiter(t)) return 'csv';
  if (looksLikeCsv(t, name)) return 'csv';
  if (/^#{1,6}[ \t]+\S/m.test(t) || /^\s*\|.+\|\s*\n\s*\|[\s:|-]+\|\s*$/m.test(t)) return 'markdown';
  if ((t.match(/^\s*•\s/gm)?.length ?? 0) >= 2) return 'rendered-bullets';
  if (looksLikePairs(t)) return 'flashcard-pairs';
  return 'plain-outline';
}
