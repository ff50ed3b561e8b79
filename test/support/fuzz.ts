// Seeded random inputs for the fuzz tests: the same seed gives the same sequence, so a failure
// can be replayed (the test prints its seed). Bytes come from SHA-256 in counter mode.
import crypto from 'node:crypto';

export class Rand {
  private buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(readonly seed: string) {}

  /** A float in [0, 1). */
  next(): number {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = crypto.createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
      this.offset = 0;
    }
    const value = this.buffer.readUInt32BE(this.offset) / 2 ** 32;
    this.offset += 4;
    return value;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const STRINGS = [
  '',
  ' ',
  'ABC234',
  'abc-234',
  'q1',
  'p1',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  'a\u0000b',
  '\u202Eevil',
  '<script>alert(1)</script>',
  '"; DROP TABLE "Game"; --',
  '../../etc/passwd',
  '%00',
  '😀'.repeat(30),
  'Z̷̡͓̈́a̶l̸g̵o̸',
  'x'.repeat(300),
  'A'.repeat(20_000),
  '\uD800',
  '=HYPERLINK("x")',
];

const NUMBERS = [0, -1, 1, 2, 3, 4, 99, 1e9, -1e9, 1.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, NaN, Infinity, -0];

/** Any JSON-ish value, nested a little. */
export function randomValue(r: Rand, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(NUMBERS);
    case 3:
      return r.pick(STRINGS);
    case 4:
      return undefined;
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) obj[r.pick([...STRINGS.slice(0, 9), 'code', 'nickname', 'token', 'questionId', 'optionIndex', 'gameId', 'hostToken', 'playerId', 'locked'])] = randomValue(r, depth + 1);
      return obj;
    }
  }
}

/** A payload for `event`: often almost right (one field wrong, one extra), sometimes anything. */
export function randomPayload(r: Rand, fields: readonly string[]): unknown {
  if (r.chance(0.3)) return randomValue(r);
  const obj: Record<string, unknown> = {};
  for (const f of fields) if (!r.chance(0.2)) obj[f] = randomValue(r);
  if (r.chance(0.2)) obj[r.pick(STRINGS)] = randomValue(r);
  return obj;
}
