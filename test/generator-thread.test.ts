// The question generator's worker thread: same questions as on the main thread for the same
// seed, each deck revision sent to the thread once, a generator error passed back as an
// error, and a new thread after the old one died.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNotes } from '../server/notes/parse.js';
import { bankFromParsed } from '../server/questions/bank.js';
import { generateQuestions } from '../server/questions/generate.js';
import { threadGenerator, type BankRef } from '../server/questions/generator-thread.js';
import type { Bank } from '../server/questions/types.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
const bank: Bank = bankFromParsed('seeds', files.slice(0, 2).map((f) => parseNotes(f, readFileSync(path.join(SEEDS_DIR, f), 'utf8'))));

function ref(key: string, source: Bank = bank): BankRef & { loads: number } {
  const r = {
    key,
    loads: 0,
    async load() {
      r.loads++;
      return source;
    },
  };
  return r;
}

const logs: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) });
const generator = threadGenerator(logger);
afterAll(() => generator.close());

describe('question generator thread', () => {
  it('makes the same questions as the main thread, and is sent each deck revision once', async () => {
    const deck = ref('deck-1:rev-a');
    const options = { count: 12, seed: 'same-seed' };
    const fromThread = await generator.generate(deck, options);
    expect(fromThread).toEqual(generateQuestions(bank, options));
    expect(fromThread).toHaveLength(12);
    // The thread kept the deck: no second load, even with other options.
    await generator.generate(deck, { count: 5, seed: 'other', kinds: ['true-false'] });
    expect(deck.loads).toBe(1);
    // A new revision of the deck is loaded and sent again.
    const changed = ref('deck-1:rev-b');
    await generator.generate(changed, options);
    expect(changed.loads).toBe(1);
    expect(logs.join('')).not.toContain('unavailable');
  });

  it('passes a generator error back as an error', async () => {
    const broken = { deck: 'broken', facts: null } as unknown as Bank;
    await expect(generator.generate(ref('broken:1', broken), { count: 3, seed: 1 })).rejects.toThrow();
    // The thread is still serving.
    expect(await generator.generate(ref('deck-1:rev-a'), { count: 2, seed: 2 })).toHaveLength(2);
  });

  it('starts a new thread when the old one has gone', async () => {
    await generator.close();
    const deck = ref('deck-1:rev-c');
    expect(await generator.generate(deck, { count: 3, seed: 3 })).toEqual(generateQuestions(bank, { count: 3, seed: 3 }));
    expect(deck.loads).toBe(1);
    expect(logs.join('')).not.toContain('unavailable');
  });
});
