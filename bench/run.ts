// `npm run bench`: plays real games over loopback against the real server and prints figures
// next to their targets. Processes: this orchestrator, the server under test (createApp in
// its own process, see server-process.ts), a bare Socket.IO server for the baseline, and
// several load workers holding the players' sockets. Everything is bounded: player counts,
// per-scenario waits, and a hard global timeout after which every child is killed.
// Options: --quick, --players N, --workers N, --only big,baseline,many,soak,import,flood, --cpu-prof,
// --sliced (baseline also tries sliced broadcasts), --timeout S, --log-level L,
// --processes 2 (one room of 4,000 players on two processes sharing it through Redis, and a
// takeover; see processes.ts).
// Method, and how to read the output: docs/performance.md.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nowMs } from './clock.js';
import { clockCheck, Fleet, killAllChildren, spawn, stopChild } from './fleet.js';
import type { Peer } from './ipc.js';
import { round } from './metrics.js';
import { rows, summarize, table, type Results } from './report.js';
import { baseline } from './scenarios/baseline.js';
import { bigRoom } from './scenarios/big-room.js';
import type { Ctx } from './scenarios/context.js';
import { importScenario } from './scenarios/import.js';
import { manyRooms } from './scenarios/many-rooms.js';
import { soak } from './scenarios/soak.js';
import { floodScenario } from './scenarios/flood.js';
import { tonightScenario } from './scenarios/tonight.js';
import { timeSeedParse } from './seed-parse.js';
import { Api, createDatabase, DEFAULT_DATABASE_URL, importSeedDeck, SEEDS_DIR, type BenchDatabase } from './setup.js';

const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');
const GAME_PLAYER_CAP = 2_000; // GAME_RULES.playerCapMax

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    players: { type: 'string' },
    workers: { type: 'string', default: '4' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    sliced: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
    processes: { type: 'string', default: '1' },
  },
  strict: true,
});

if (args.processes !== '1') {
  if (args.processes !== '2') {
    console.error('bench: --processes must be 1 or 2');
    process.exit(1);
  }
  const { runTwoProcesses } = await import('./processes.js');
  process.exit(await runTwoProcesses({ players: args.players, workers: args.workers!, timeout: args.timeout, logLevel: args['log-level']! }));
}

const quick = args.quick!;
const players = Math.min(GAME_PLAYER_CAP, Number(args.players ?? (quick ? 300 : 2000)));
const config = {
  quick,
  workers: Number(args.workers),
  big: {
    players,
    questions: quick ? 2 : 10,
    seconds: quick ? 5 : 20,
    // First question: answers over the whole window, 1 % abstain so the deadline timer fires
    // while answers are still arriving. Then shorter spreads so the run stays under 5 minutes.
    first: { spreadMs: quick ? 4_000 : 19_500, abstain: 0.01 },
    rest: { spreadMs: quick ? 1_500 : 3_000, abstain: 0 },
    pauseMs: 300,
  },
  baselineGapMs: 600,
  many: { rooms: quick ? 20 : 200, playersPerRoom: 10, questions: quick ? 1 : 2, seconds: 5, abstain: 0.1, pauseMs: 300, createDuringPlay: quick ? 2 : 10 },
  soak: { games: quick ? 3 : 20, players: quick ? 20 : 50, questions: 1, seconds: 5, spreadMs: 300, pauseMs: 200 },
  // A 1.5 MB file on an idle server, then 1 MB while a game of `players` plays (small in --quick).
  // The embedded database (its own server process) under 100 sockets sending random resumes.
  flood: { players: quick ? 20 : 50, flooders: 100, questions: quick ? 2 : 4, seconds: 10, spreadMs: 4_000 },
  import: { bigBytes: quick ? 150_000 : 1_500_000, duringBytes: quick ? 100_000 : 1_000_000, players, seconds: 10, spreadMs: 6_000, pauseMs: 300, controlMs: quick ? 3_000 : 10_000 },
  // Hard limit for the whole run; the soak plays fewer games rather than overrun it.
  timeoutS: Number(args.timeout ?? (quick ? 240 : 480)),
};
const SCENARIOS = ['big', 'baseline', 'many', 'soak', 'import', 'flood', 'tonight'];
const only = new Set((args.only ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()));
if (only.has('baseline')) only.add('big'); // the baseline replays the big room's payloads
const badArg = (message: string): never => {
  console.error(`bench: ${message}`);
  process.exit(1);
};
for (const name of only) if (!SCENARIOS.includes(name)) badArg(`--only: unknown scenario ${name} (${SCENARIOS.join(', ')})`);
if (!Number.isInteger(players) || players < 1) badArg('--players must be a positive integer');
if (!Number.isInteger(config.workers) || config.workers < 1 || config.workers > 16) badArg('--workers must be 1 to 16');
if (!(config.timeoutS > 0)) badArg('--timeout must be a number of seconds');

const startedAt = new Date();
const t0 = nowMs();
const log = (line: string) => console.log(`[${((nowMs() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);
let database: BenchDatabase | undefined;
let server: Peer | undefined;
let fleet: Fleet | undefined;
let cleaning: Promise<void> | undefined;
// Module-level so that the hard timeout can still report what was measured.
const results: Results = {};
const errors: Record<string, string> = {};
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const before = machine();
let runInfo: Record<string, unknown> = {};

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    if (fleet) await fleet.stop().catch(() => {});
    if (server) await stopChild(server).catch(() => {});
    killAllChildren();
    if (database) await database.drop().catch((e) => console.error(`could not drop ${database!.name}: ${e.message}`));
  })();
  return cleaning;
}

const hardTimeout = setTimeout(() => {
  console.error(`bench: hard timeout after ${config.timeoutS} s, stopping everything`);
  errors.timeout = `hard timeout after ${config.timeoutS} s`;
  killAllChildren();
  void cleanup().finally(() => {
    report();
    process.exit(2);
  });
}, config.timeoutS * 1000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllChildren();
    void cleanup().finally(() => process.exit(130));
  });
}

function machine() {
  let gitCommit: string | null = null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memTotalGb: round(os.totalmem() / 1024 ** 3),
    memFreeGb: round(os.freemem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAvg: os.loadavg().map(round),
    gitCommit,
  };
}

async function main(): Promise<number> {
  log(`quick=${quick} players=${players} workers=${config.workers} on ${before.nproc} cores, load ${before.loadAvg.join(' ')}`);
  if (only.has('import')) {
    results.seedParse = timeSeedParse(SEEDS_DIR, quick ? 1 : 3);
    log(`seed notes parse: ${Math.round(results.seedParse.coldMs)} ms first, ${Math.round(results.seedParse.warmMs)} ms warm`);
  }
  if (Number(args.players) > GAME_PLAYER_CAP) log(`--players capped at ${GAME_PLAYER_CAP}, the game's player cap`);
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL;
  // Tonight's review needs no server: it runs first, in this process, on its own database.
  if (only.has('tonight')) {
    const own = await createDatabase(adminUrl);
    try {
      results.tonight = await tonightScenario(own, log);
    } catch (error) {
      errors.tonight = (error as Error).stack ?? String(error);
      log(`tonight FAILED: ${(error as Error).message}`);
    } finally {
      await own.drop();
    }
    if (only.size === 1) {
      report();
      return Object.keys(errors).length ? 1 : 0;
    }
  }
  database = await createDatabase(adminUrl);
  log(`database ${database.name} created`);

  const hostToken = crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const execArgv = ['--expose-gc'];
  const profileDir = path.join(RESULTS_DIR, `profile-${stamp}`);
  if (args['cpu-prof']) execArgv.push('--cpu-prof', '--cpu-prof-dir', profileDir);
  const serverEnv = {
    BENCH_SERVER_DATABASE_URL: database.url,
    BENCH_HOST_TOKEN: hostToken,
    BENCH_SERVER_LOG: path.join(RESULTS_DIR, `server-${stamp}.log`),
    LOG_LEVEL: args['log-level']!,
  };
  // The deck goes in through the real import route of a first server process, which then
  // stops: the measured server starts on the filled database without the parse's leftovers
  // in its heap and RSS (they would blur the memory-per-player figure).
  const [importer, workers] = await Promise.all([
    spawn<{ port: number }>('import-server', 'server-process.ts', { execArgv: ['--expose-gc'], env: serverEnv }),
    Fleet.start(config.workers),
  ]);
  fleet = workers;
  const deck = await importSeedDeck(new Api(`http://127.0.0.1:${importer.ready.port}`, hostToken));
  await stopChild(importer.peer);
  log(`deck imported: ${deck.files} files, ${deck.facts} facts`);

  const started = await spawn<{ port: number }>('server', 'server-process.ts', {
    execArgv,
    env: serverEnv,
  });
  server = started.peer;
  const serverUrl = `http://127.0.0.1:${started.ready.port}`;
  const clock = await clockCheck(server);
  if (clock.minMs < 0) throw new Error(`process clocks disagree (IPC one-way ${clock.minMs} ms): results would be meaningless`);
  log(`server on ${serverUrl}, ${config.workers} load workers, clock check: IPC one-way ${clock.minMs.toFixed(3)}–${clock.maxMs.toFixed(3)} ms`);
  const api = new Api(serverUrl, hostToken);
  const ctx: Ctx = { fleet, server, serverUrl, api, deckId: deck.deckId, log, deadline: t0 + config.timeoutS * 1000 };
  runInfo = { clock, deck };
  const attempt = async (name: string, fn: () => Promise<void>) => {
    if (!only.has(name)) return;
    try {
      await fn();
    } catch (error) {
      errors[name] = (error as Error).stack ?? String(error);
      log(`${name} FAILED: ${(error as Error).message}`);
      await fleet!.closeAll().catch(() => {});
    }
  };
  await attempt('big', async () => {
    results.big = await bigRoom(ctx, config.big);
  });
  await attempt('baseline', async () => {
    const payloads = Array.from({ length: config.big.questions }, (_, i) => results.big?.payloads[`question:open#${i}`]).filter(Boolean);
    if (payloads.length === 0) throw new Error('no question:open payload captured from the big room');
    results.baseline = await baseline(ctx, { connections: results.big!.joined, payloads, rounds: 2, gapMs: config.baselineGapMs, execArgv: ['--expose-gc'], sliced: args.sliced!, reveal: results.big?.payloads['question:reveal#0'] });
  });
  await attempt('many', async () => {
    results.many = await manyRooms(ctx, config.many);
  });
  // The import runs last: its thread's memory (and its exit when idle) would blur the soak's
  // RSS growth. The soak stops early rather than eat the time the import needs.
  await attempt('soak', async () => {
    const reserveMs = only.has('import') ? (quick ? 40_000 : 120_000) : 0;
    results.soak = await soak({ ...ctx, deadline: ctx.deadline - reserveMs }, config.soak);
  });
  await attempt('import', async () => {
    results.import = await importScenario(ctx, config.import);
  });

  // Its own server process on PGlite; the PostgreSQL server above is idle by now.
  await attempt('flood', async () => {
    results.flood = await floodScenario(log, config.flood);
  });

  await cleanup();
  clearTimeout(hardTimeout);
  report();
  return Object.keys(errors).length ? 1 : 0;
}

/** Table, full JSON file and the summary line (always the last line printed). */
/** The server's own timings of every import ("notes imported" log lines: parse, plan, write…). */
function importTimings(): unknown[] {
  try {
    return fs
      .readFileSync(path.join(RESULTS_DIR, `server-${stamp}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"notes imported"'))
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

function report(): void {
  const durationS = round((nowMs() - t0) / 1000);
  const after = machine();
  const summary = summarize(results, players, {
    quick,
    durationS,
    crashed: Object.keys(errors),
  });
  const list = rows(results, summary, { firstSpreadS: config.big.first.spreadMs / 1000, restSpreadS: config.big.rest.spreadMs / 1000 });
  const file = path.join(RESULTS_DIR, `bench-${stamp}${quick ? '-quick' : ''}.json`);
  const { payloads: _p, ...bigWithoutPayloads } = results.big ?? ({} as Record<string, unknown>);
  try {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt: startedAt.toISOString(),
          durationS,
          config,
          machine: { ...before, loadAvgAfter: after.loadAvg },
          ...runInfo,
          imports: importTimings(),
          summary,
          results: { ...results, big: results.big ? bigWithoutPayloads : undefined },
          errors,
        },
        null,
        2,
      ),
    );
  } catch (error) {
    console.error(`could not write ${file}: ${(error as Error).message}`);
  }
  console.log('');
  console.log(table(list));
  console.log('');
  console.log(`run took ${durationS} s; load average before ${before.loadAvg.join(' ')}, after ${after.loadAvg.join(' ')}`);
  console.log(`full figures: ${path.relative(process.cwd(), file)}`);
  if (args['cpu-prof']) console.log(`server CPU profile: ${path.relative(process.cwd(), path.join(RESULTS_DIR, `profile-${stamp}`))} (Chrome DevTools or VS Code)`);
  console.log(JSON.stringify(summary));
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`bench: ${(error as Error).stack ?? error}`);
    errors.setup = (error as Error).message;
    await cleanup();
    clearTimeout(hardTimeout);
    report();
    process.exit(1);
  },
);
