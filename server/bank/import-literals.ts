// Rows go to PostgreSQL as a few array parameters per statement (INSERT … SELECT FROM
// unnest($1::text[], …), as the live rooms' writer does), and those parameters are written here
// as array literal text, in the import thread. The main thread then only hands finished strings
// to the driver: it never walks or converts thousands of rows, which is what stalled it when
// Prisma compiled and serialised createMany batches.

/** A value of one cell: text, a number, or NULL. */
export type Cell = string | number | null;

const NEEDS_ESCAPE = /[\\"]/;

function quoted(s: string): string {
  // Most cells hold neither a backslash nor a quote: no copy to escape them.
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`;
}

/**
 * A PostgreSQL array literal: `{"a","b\"c",NULL,3}`. Text is always quoted, so commas, braces,
 * spaces and the word NULL inside a value stay text. A cell can itself be a literal (a row's
 * text[] column): SQL then casts it per row (`v.flags::text[]`), since unnest cannot take an
 * array of arrays of different lengths.
 */
export function arrayLiteral(values: readonly Cell[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    out += v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoted(v);
  }
  return out + '}';
}

/** One statement's parameters: one array literal per column. */
export type Chunk = string[];

/** Rows -> statements of at most `size` rows, each as column literals in `columns` order. */
export function columnChunks<T>(rows: readonly T[], columns: readonly ((row: T) => Cell)[], size: number): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    out.push(columns.map((cell) => arrayLiteral(part.map(cell))));
  }
  return out;
}

/**
 * A long text cut into pieces of about `size` UTF-16 units, never inside a surrogate pair (a
 * half pair would reach the database as U+FFFD). A file's raw text is written a piece per
 * statement: one statement carrying a whole 1 MB text kept the main thread busy 30–80 ms.
 */
export function textPieces(text: string, size = 64 * 1024): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    // A piece ending on the first half of a pair ends one earlier, or one later if that would
    // leave it empty.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > at ? -1 : 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out.length ? out : [''];
}
