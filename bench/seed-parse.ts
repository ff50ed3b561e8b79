// Parse time of the five seed notes files, as an import parses them (parseForDeck: both passes,
// the second with the lexicon of the first). Timed in the orchestrator before anything else
// starts: the first call (cold: the parser's code not yet optimised, as for the first import
// after a start) and the median of a few more.
import fs from 'node:fs';
import path from 'node:path';
import { parseForDeck } from '../server/bank/parse-files.js';
import { median } from './metrics.js';

export interface SeedParse {
  files: number;
  facts: number;
  coldMs: number;
  warmMs: number;
}

export function timeSeedParse(dir: string, warmRuns = 3): SeedParse {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  const times: number[] = [];
  let facts = 0;
  for (let i = 0; i <= warmRuns; i++) {
    const t = performance.now();
    facts = parseForDeck(files).reduce((n, f) => n + f.facts.length, 0);
    times.push(performance.now() - t);
  }
  return { files: files.length, facts, coldMs: times[0], warmMs: median(times.slice(1)) };
}
