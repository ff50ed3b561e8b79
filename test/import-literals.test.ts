// The import writes rows as PostgreSQL array literals it builds itself (import-literals.ts).
// Round trip through a real PostgreSQL: what goes in as literal text comes back as the same
// values, whatever the text holds (quotes, backslashes, braces, commas, the word NULL, line
// breaks, emoji), including a row's own text[] value nested in a cell; and a long text cut into
// pieces never splits a surrogate pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral, columnChunks, textPieces } from '../server/bank/import-literals.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

const NASTY = ['', ' ', 'plain', 'a,b', '{braces}', '"quoted"', 'back\\slash', '\\"', 'NULL', 'null', 'line\nbreak\ttab', ' padded ', 'émoji 🎉 ok', "it's", '}{,"\\'];

describe('array literals', () => {
  it('round-trips text, numbers, NULL and nested text[] cells through unnest', async () => {
    type Row = { t: string | null; n: number | null; f: number; list: string[] };
    const rows: Row[] = NASTY.map((t, i) => ({ t: i % 5 === 4 ? null : t, n: i % 3 ? i * 7 : null, f: [0.1, 1e-7, -2.5, 0.85, 1 / 3][i % 5], list: NASTY.slice(i, i + (i % 4)) }));
    const [chunk] = columnChunks(rows, [(r) => r.t, (r) => r.n, (r) => r.f, (r) => arrayLiteral(r.list)], 1_000);
    const back = await test.db.prisma.$queryRawUnsafe<{ t: string | null; n: number | null; f: number; list: string[] }[]>(
      `SELECT v.t, v.n, v.f, v.list::text[] AS list FROM unnest($1::text[], $2::int[], $3::float8[], $4::text[]) WITH ORDINALITY AS v(t, n, f, list, i) ORDER BY v.i`,
      ...chunk,
    );
    expect(back).toEqual(rows.map((r) => ({ t: r.t, n: r.n, f: r.f, list: r.list })));
  });

  it('cuts long text into pieces that join back exactly, never inside a surrogate pair', () => {
    const text = 'a'.repeat(9) + '🎉'.repeat(20) + 'é'.repeat(7);
    for (const size of [1, 2, 3, 10, 11, 64]) {
      const pieces = textPieces(text, size);
      expect(pieces.join('')).toBe(text);
      // No piece starts with a low surrogate or ends with a high one.
      for (const p of pieces) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)).toBe(false);
    }
    expect(textPieces('')).toEqual(['']);
  });
});
