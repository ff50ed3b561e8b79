// `npm run bench -- --processes 2`: the scale-out run. Two quiz server processes on one
// PostgreSQL database and one Redis database index (BENCH_REDIS_DB, default 14; flushed
// before and after, and nothing else), the load workers, then:
//   1. one room of 4,000 players, half connected to each process, plays (scenarios/two-processes.ts);
//   2. the owner is killed with SIGKILL mid-question of a second game; its players reconnect
//      to the survivor and resume;
//   3. the bare Socket.IO floor of ONE process at 2,000 connections, same payloads, same run.
// Prints fan-out p99 against that floor, answer ack p99, and the time until everyone is back.
// Not part of --quick (CI): it needs minutes and thousands of sockets.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { nowMs } from './clock.js';
import { clockCheck, Fleet, killAllChildren, spawn, stopChild } from './fleet.js';
import { round } from './metrics.js';
import { table, type Row } from './report.js';
import { baseline, type BaselineResult } from './scenarios/baseline.js';
import { twoProcesses, type TwoProcessResult } from './scenarios/two-processes.js';
import { Api, createDatabase, DEFAULT_DATABASE_URL, importSeedDeck, type BenchDatabase } from './setup.js';

const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');
export const TARGETS = { fanoutRatio: 1.5, ackP99Ms: 50, backMs: 5_000 };

export async function runTwoProcesses(o: { players?: string; workers: string; timeout?: string; logLevel: string }): Promise<number> {
  const players = Math.min(5_000, Number(o.players ?? 4_000));
  const workers = Number(o.workers);
  const timeoutS = Number(o.timeout ?? 600);
  const t0 = nowMs();
  const log = (line: string) => console.log(`[${((nowMs() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const redisUrl = `${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}/${Number(process.env.BENCH_REDIS_DB ?? 14)}`;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  let database: BenchDatabase | undefined;
  let fleet: Fleet | undefined;
  const results: { two?: TwoProcessResult; floor?: BaselineResult } = {};
  const errors: Record<string, string> = {};

  const cleanup = async () => {
    if (fleet) await fleet.stop().catch(() => {});
    killAllChildren();
    await redis.flushdb().catch(() => {});
    redis.disconnect();
    if (database) await database.drop().catch((e) => console.error(`could not drop ${database!.name}: ${e.message}`));
  };
  const hard = setTimeout(() => {
    console.error(`bench: hard timeout after ${timeoutS} s, stopping everything`);
    killAllChildren();
    void cleanup().finally(() => process.exit(2));
  }, timeoutS * 1000);

  try {
    log(`processes=2 players=${players} workers=${workers} on ${os.availableParallelism()} cores, load ${os.loadavg().map(round).join(' ')}`);
    await redis.connect();
    await redis.flushdb();
    database = await createDatabase(process.env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL);
    const hostToken = crypto.randomBytes(24).toString('base64url');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const env = {
      BENCH_SERVER_DATABASE_URL: database.url,
      BENCH_HOST_TOKEN: hostToken,
      BENCH_SERVER_LOG: path.join(RESULTS_DIR, `server-${stamp}-processes.log`),
      LOG_LEVEL: o.logLevel,
    };
    const [importer, started] = await Promise.all([spawn<{ port: number }>('import-server', 'server-process.ts', { execArgv: ['--expose-gc'], env }), Fleet.start(workers)]);
    fleet = started;
    const deck = await importSeedDeck(new Api(`http://127.0.0.1:${importer.ready.port}`, hostToken));
    await stopChild(importer.peer);
    const shared = { ...env, BENCH_REDIS_URL: redisUrl };
    const [owner, other] = await Promise.all([
      spawn<{ port: number }>('server-a', 'server-process.ts', { execArgv: ['--expose-gc'], env: shared }),
      spawn<{ port: number }>('server-b', 'server-process.ts', { execArgv: ['--expose-gc'], env: { ...shared, BENCH_SERVER_LOG: path.join(RESULTS_DIR, `server-${stamp}-processes-b.log`) } }),
    ]);
    const clock = await clockCheck(owner.peer);
    if (clock.minMs < 0) throw new Error(`process clocks disagree (IPC one-way ${clock.minMs} ms)`);
    const ownerUrl = `http://127.0.0.1:${owner.ready.port}`;
    const otherUrl = `http://127.0.0.1:${other.ready.port}`;
    log(`servers on ${ownerUrl} (owner) and ${otherUrl}, redis ${redisUrl}, deck of ${deck.facts} facts`);
    const ctx = { fleet, server: owner.peer, serverUrl: ownerUrl, api: new Api(ownerUrl, hostToken), deckId: deck.deckId, log, deadline: t0 + timeoutS * 1000, other: other.peer, otherUrl };
    results.two = await twoProcesses(ctx, {
      players,
      // As the one-process run: the first question's answers spread over its 20 s (its ack p99
      // is the target figure), then shorter spreads.
      questions: 4,
      seconds: 20,
      first: { spreadMs: 19_500, abstain: 0.01 },
      rest: { spreadMs: 3_000, abstain: 0 },
      pauseMs: 300,
    });
    await stopChild(other.peer).catch(() => {});
    // The floor: bare Socket.IO, ONE process, half the players, the owner's own payloads.
    results.floor = await baseline(ctx, { connections: Math.ceil(players / 2), payloads: results.two.openPayloads, rounds: 2, gapMs: 600, execArgv: ['--expose-gc'], sliced: false });
  } catch (error) {
    errors.run = (error as Error).stack ?? String(error);
    log(`FAILED: ${(error as Error).message}`);
  }
  await cleanup();
  clearTimeout(hard);
  report(results, errors, stamp, (nowMs() - t0) / 1000);
  return Object.keys(errors).length ? 1 : 0;
}

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v)} ms`);
const pass = (v: number | undefined, limit: number) => (v === undefined || !Number.isFinite(v) ? 'n/a' : v <= limit ? 'PASS' : 'FAIL');

function report(r: { two?: TwoProcessResult; floor?: BaselineResult }, errors: Record<string, string>, stamp: string, durationS: number): void {
  const two = r.two;
  const fan = two?.open.p99s.p50;
  const floor = r.floor?.open.p99s.p50;
  const ratio = fan !== undefined && floor ? fan / floor : undefined;
  const list: Row[] = [];
  const info = (figure: string, value: string) => list.push({ figure, value, target: '', result: '' });
  if (two) {
    info(`join: ${two.joined}/${two.players} players on 2 processes`, ms(two.joinMs));
    info('question:open fan-out p50, all players × questions', ms(two.open.pooled.p50));
    info('question:open fan-out p99: median / worst question', `${ms(fan)} / ${ms(two.open.p99s.max)}`);
    info('question:reveal fan-out p99: median question', ms(two.reveal.p99s.p50));
  }
  if (r.floor) info(`bare Socket.IO, ONE process, ${r.floor.connections} conns: fan-out p99 median`, ms(floor));
  list.push({ figure: 'fan-out p99 ours (2 processes) / bare floor (1 process, half)', value: ratio === undefined ? '—' : ratio.toFixed(2), target: `≤ ${TARGETS.fanoutRatio}`, result: pass(ratio, TARGETS.fanoutRatio) });
  if (two) {
    list.push({
      figure: `answer ack p99, first question (${two.ackFirst.n} answers over 19.5 s; half forwarded)`,
      value: ms(two.ackFirst.p99),
      target: `≤ ${TARGETS.ackP99Ms} ms`,
      result: pass(two.ackFirst.p99, TARGETS.ackP99Ms),
    });
    info(`answer ack p50 / p99, all ${two.ack.n} answers (later questions: everyone within 3 s)`, `${ms(two.ack.p50)} / ${ms(two.ack.p99)}`);
    info('answer errors, host errors', `${JSON.stringify(two.ackErrors)} ${JSON.stringify(two.hostErrors)}`);
    const t = two.takeover;
    list.push({
      figure: `killed owner: its ${t.killedPlayers} players back (resumed on the other), last`,
      value: t.notBack ? `${t.notBack} not back` : ms(t.back.max),
      target: `≤ ${TARGETS.backMs} ms`,
      result: t.notBack ? 'FAIL' : pass(t.back.max, TARGETS.backMs),
    });
    info('  … p50 of those players', ms(t.back.p50));
    info(`survivor's own players seated again, last (${t.notSeated} not)`, ms(t.seatedAgain.max));
  }
  const file = path.join(RESULTS_DIR, `bench-${stamp}-processes.json`);
  const { openPayloads: _p, ...twoWithoutPayloads } = two ?? ({} as Partial<TwoProcessResult>);
  try {
    fs.writeFileSync(file, JSON.stringify({ durationS: round(durationS), loadAvg: os.loadavg().map(round), results: { two: two ? twoWithoutPayloads : undefined, floor: r.floor }, errors }, null, 2));
  } catch (error) {
    console.error(`could not write ${file}: ${(error as Error).message}`);
  }
  console.log('');
  console.log(table(list));
  console.log('');
  if (Object.keys(errors).length) console.log(`errors: ${Object.values(errors).join('\n')}`);
  console.log(`run took ${Math.round(durationS)} s; load average now ${os.loadavg().map(round).join(' ')}`);
  console.log(`full figures: ${path.relative(process.cwd(), file)}`);
  console.log(JSON.stringify({ processes: 2, players: two?.players, fanoutP99Ms: fan, floorP99Ms: floor, fanoutRatio: ratio, ackP99Ms: two?.ackFirst.p99, ackAllP99Ms: two?.ack.p99, backMaxMs: two?.takeover.back.max }));
}
