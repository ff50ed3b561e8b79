// Question generator timing: parse the five seed files once, then time generateQuestions for
// 1,000 questions several times. The first run pays for cold caches (stems, trigrams, JIT), so
// it is printed apart from the median of the rest. Run: npx tsx bench/questions.ts
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNotes } from '../server/notes/parse.js';
import { bankFromParsed } from '../server/questions/bank.js';
import { generateQuestions } from '../server/questions/generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.env.SEEDS_DIR ?? path.resolve(here, '../../shared/seeds');
const COUNT = 1_000;
const RUNS = 7;

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
let t = performance.now();
const parsed = files.map((f) => parseNotes(f, readFileSync(path.join(dir, f), 'utf8')));
const parseMs = performance.now() - t;
t = performance.now();
const bank = bankFromParsed('seeds', parsed);
const bankMs = performance.now() - t;

// Wall time is what a player waits for; CPU time is printed beside it because a shared machine
// (other test runs, builds) inflates wall time without the generator doing more work. CPU time
// counts every thread of the process (garbage collector, JIT), so it can exceed wall time.
const wall: number[] = [];
const cpu: number[] = [];
let produced = 0;
for (let i = 0; i < RUNS; i++) {
  t = performance.now();
  const c = process.cpuUsage();
  produced = generateQuestions(bank, { count: COUNT, seed: 1000 + i }).length;
  const used = process.cpuUsage(c);
  wall.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
// The database layer builds a new Bank object for every game, so the per-bank index and its
// memos are rebuilt each time (only string-level memos survive): time that case as well.
const fresh: number[] = [];
for (let i = 0; i < 3; i++) {
  const copy = { ...bank, facts: bank.facts.map((f) => ({ ...f, flags: [...f.flags], topic: [...f.topic] })) };
  t = performance.now();
  generateQuestions(copy, { count: COUNT, seed: 2000 + i });
  fresh.push(performance.now() - t);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const warmWall = wall.slice(1);
const warmCpu = cpu.slice(1);
console.log(`seeds: ${files.length} files, ${bank.facts.length} facts (parse ${ms(parseMs)}, bank ${ms(bankMs)})`);
console.log(`generateQuestions(count=${COUNT}) -> ${produced} questions`);
console.log(`  first run (cold): wall ${ms(wall[0])}, cpu ${ms(cpu[0])}`);
console.log(`  median of ${warmWall.length} warm runs: wall ${ms(median(warmWall))} (min ${ms(Math.min(...warmWall))}), cpu ${ms(median(warmCpu))}`);
console.log(`  median of ${fresh.length} runs on a freshly loaded bank (index rebuilt): wall ${ms(median(fresh))}`);
console.log(`  budget 500 ms (warm median): ${median(warmWall) < 500 ? 'met' : 'MISSED'}`);
