// Hashing and seeded randomness. Every random choice goes through a generator derived from the
// room seed and a stable key, so one question never depends on which others were generated.
import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Short stable id: the first 16 hex digits of SHA-256. */
export function stableId(...parts: (string | number | undefined)[]): string {
  return sha256(parts.map((p) => (p === undefined ? '' : String(p))).join('|')).slice(0, 16);
}

// MurmurHash3's finaliser: every input bit flips about half of the output bits.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The full 128-bit generator state from two independent string hashes, each word passed through
 * an avalanche mix. Plain seeding is not enough: pure-rand's one-number seeding leaves the first
 * outputs tied to the low bits of that number, and the low bits of FNV hashes barely change
 * between seeds "1" and "9", so answer positions came out nearly identical across rooms.
 */
function stateOf(text: string): number[] {
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x3b9aca07);
  return [fmix32(a), fmix32(b), fmix32(a ^ 0x9e3779b9), fmix32(b + 0x7f4a7c15) | 1];
}

export class Rng {
  private readonly gen: RandomGenerator;
  constructor(seed: number | string, key = '', state?: number[]) {
    this.gen = xoroshiro128plusFromState(state ?? stateOf(`${seed}#${key}`));
  }
  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }
  /** Float in [0, 1) with 24 bits of resolution: enough for tie-breaking jitter. */
  unit(): number {
    return uniformInt(this.gen, 0, 0xffffff) / 0x1000000;
  }
  /** An independent generator for a sub-task: its state is four fresh draws of this one, so a
   * fork is as deterministic as the parent and costs no hashing. */
  fork(): Rng {
    return new Rng(0, '', [this.gen.next(), this.gen.next(), this.gen.next(), this.gen.next() | 1]);
  }
  coin(): boolean {
    return this.int(0, 1) === 1;
  }
  /** Fisher-Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
