// Parent-side handles on the benchmark's child processes: spawning them (tsx, --expose-gc),
// the pool of load workers (who owns which socket), and merging their raw samples.
import { fork } from 'node:child_process';
import path from 'node:path';
import { nowMs } from './clock.js';
import { Peer } from './ipc.js';
import type { PlayPlan } from './load-worker.js';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..');

export interface SpawnOptions {
  env?: Record<string, string>;
  execArgv?: string[];
  readyTimeoutMs?: number;
}

const children = new Set<Peer>();

/** Forks bench/<file> under tsx and waits for its `ready` event. */
export async function spawn<T = unknown>(name: string, file: string, opts: SpawnOptions = {}): Promise<{ peer: Peer; ready: T }> {
  const child = fork(path.join(HERE, file), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...(opts.execArgv ?? [])],
    env: { ...process.env, ...opts.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const peer = new Peer(name, child);
  children.add(peer);
  child.on('exit', () => children.delete(peer));
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${opts.readyTimeoutMs ?? 60_000} ms`)), opts.readyTimeoutMs ?? 60_000);
    peer.on('ready', (data) => {
      clearTimeout(timer);
      resolve(data as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start-up (code ${code})`));
    });
  });
  return { peer, ready };
}

/** Asks a child to stop, then kills it if it does not exit in time. */
export async function stopChild(peer: Peer, timeoutMs = 10_000): Promise<void> {
  if (peer.child.exitCode !== null || peer.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => peer.child.once('exit', () => resolve()));
  const timer = setTimeout(() => peer.child.kill('SIGKILL'), timeoutMs);
  await peer.call('stop').catch(() => peer.child.kill('SIGKILL'));
  await exited;
  clearTimeout(timer);
}

/** Last resort (timeout, crash, Ctrl-C): kill every child this process started, by pid. */
export function killAllChildren(): void {
  for (const peer of children) {
    if (peer.child.exitCode === null && peer.child.signalCode === null) peer.child.kill('SIGKILL');
  }
}

export interface WorkerCollect {
  arrivals: Map<string, number[]>;
  acks: number[];
  ackByIndex: Map<number, number[]>;
  ackErrors: Record<string, number>;
  playerResults: number;
  disconnects: Record<string, number>;
  hostErrors: Record<string, number>;
  answersInFlight: number;
}

export interface Usage {
  cpu: NodeJS.CpuUsage;
  rss: number;
  players: number;
  hosts: number;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

export class Fleet {
  private owner = new Map<string, number>();
  private rr = 0;

  constructor(readonly workers: Peer[]) {}

  static async start(count: number): Promise<Fleet> {
    const spawned = await Promise.all(Array.from({ length: count }, (_, i) => spawn(`load-worker-${i}`, 'load-worker.ts')));
    return new Fleet(spawned.map((s) => s.peer));
  }

  /** Splits ids over the workers round-robin (so each room's players sit in every worker). */
  private assign(ids: string[]): string[][] {
    const groups: string[][] = this.workers.map(() => []);
    for (const id of ids) {
      let w = this.owner.get(id);
      if (w === undefined) {
        w = this.rr++ % this.workers.length;
        this.owner.set(id, w);
      }
      groups[w].push(id);
    }
    return groups;
  }

  async connect(url: string, ids: string[], label: string, concurrency = 64) {
    const groups = this.assign(ids);
    const t0 = nowMs();
    const results = await Promise.all(
      groups.map((g, w) => (g.length ? this.workers[w].call<{ connected: number; failures: Record<string, number> }>('connect', { url, ids: g, label, concurrency }) : null)),
    );
    const failures: Record<string, number> = {};
    let ok = 0;
    for (const r of results) {
      if (!r) continue;
      ok += r.connected;
      addCounts(failures, r.failures);
    }
    return { connected: ok, failures, ms: nowMs() - t0 };
  }

  async join(slots: { id: string; code: string; nickname: string }[], concurrency = 32) {
    const groups = this.assign(slots.map((s) => s.id));
    const byId = new Map(slots.map((s) => [s.id, s]));
    const t0 = nowMs();
    const results = await Promise.all(
      groups.map((g, w) =>
        g.length
          ? this.workers[w].call<{ joined: number; latencies: number[]; errors: Record<string, number> }>('join', {
              slots: g.map((id) => byId.get(id)!),
              concurrency,
            })
          : null,
      ),
    );
    const errors: Record<string, number> = {};
    const latencies: number[] = [];
    let joined = 0;
    for (const r of results) {
      if (!r) continue;
      joined += r.joined;
      latencies.push(...r.latencies);
      addCounts(errors, r.errors);
    }
    return { joined, latencies, errors, ms: nowMs() - t0 };
  }

  /** Host sockets, spread over the workers; returns a promise per host that settles at room:closed. */
  async hosts(url: string, slots: { id: string; code: string; gameId: string; hostToken: string }[], pauseMs: number) {
    const groups = this.assign(slots.map((s) => s.id));
    const byId = new Map(slots.map((s) => [s.id, s]));
    const done = new Map<string, number>();
    let failed = 0;
    const waiters: (() => void)[] = [];
    const offs = this.workers.map((w) =>
      w.on('host:done', (d: { id: string; t: number; failed?: string }) => {
        if (!byId.has(d.id) || done.has(d.id)) return;
        done.set(d.id, d.t);
        if (d.failed) failed++;
        for (const fn of waiters.splice(0)) fn();
      }),
    );
    const results = await Promise.all(
      groups.map((g, w) =>
        g.length
          ? this.workers[w].call<{ attached: number; errors: Record<string, number> }>('host', {
              url,
              slots: g.map((id) => byId.get(id)!),
              pauseMs,
              concurrency: 16,
            })
          : null,
      ),
    );
    const errors: Record<string, number> = {};
    let attached = 0;
    for (const r of results) {
      if (!r) continue;
      attached += r.attached;
      addCounts(errors, r.errors);
    }
    const allDone = (timeoutMs: number) =>
      new Promise<{ finished: number; timedOut: boolean }>((resolve) => {
        const deadline = setTimeout(() => finish(true), timeoutMs);
        const finish = (timedOut: boolean) => {
          clearTimeout(deadline);
          offs.forEach((off) => off());
          resolve({ finished: done.size - failed, timedOut: timedOut || failed > 0 });
        };
        const check = () => (done.size >= attached ? finish(false) : waiters.push(check));
        check();
      });
    return { attached, errors, allDone, doneAt: done };
  }

  async plan(plan: PlayPlan): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('plan', plan)));
  }

  /** game:start for the given hosts (every attached host when omitted). */
  async start(ids?: string[]): Promise<{ started: number; errors: Record<string, number> }> {
    const results = await Promise.all(this.workers.map((w) => w.call<{ started: number; errors: Record<string, number> }>('start', { ids })));
    const errors: Record<string, number> = {};
    let started = 0;
    for (const r of results) {
      started += r.started;
      addCounts(errors, r.errors);
    }
    return { started, errors };
  }

  /** Ends every attached host's game now (game:end). */
  async end(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('end', {})));
  }

  async collect(): Promise<WorkerCollect> {
    const parts = await Promise.all(this.workers.map((w) => w.call<WorkerCollect>('collect')));
    const merged: WorkerCollect = {
      arrivals: new Map(),
      acks: [],
      ackByIndex: new Map(),
      ackErrors: {},
      playerResults: 0,
      disconnects: {},
      hostErrors: {},
      answersInFlight: 0,
    };
    for (const p of parts) {
      for (const [k, v] of p.arrivals) {
        const list = merged.arrivals.get(k);
        if (list) list.push(...v);
        else merged.arrivals.set(k, v);
      }
      merged.acks.push(...p.acks);
      for (const [k, v] of p.ackByIndex) merged.ackByIndex.set(k, [...(merged.ackByIndex.get(k) ?? []), ...v]);
      addCounts(merged.ackErrors, p.ackErrors);
      addCounts(merged.disconnects, p.disconnects);
      addCounts(merged.hostErrors, p.hostErrors);
      merged.playerResults += p.playerResults;
      merged.answersInFlight += p.answersInFlight;
    }
    return merged;
  }

  /** Players start noting when the server seats them again (game:state). */
  async mark(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('mark')));
  }

  /** When each of these players was seated again since `mark` (null: not yet). */
  async seated(ids: string[]): Promise<(number | null)[]> {
    const groups = this.assign(ids);
    const parts = await Promise.all(groups.map((g, w) => (g.length ? this.workers[w].call<{ times: (number | null)[] }>('seated', { ids: g }) : { times: [] })));
    return parts.flatMap((p) => p.times);
  }

  /** These players reconnect to `url` and resume with their tokens; when each was back. */
  async reconnect(url: string, ids: string[], untilMs: number, concurrency = 64) {
    const groups = this.assign(ids);
    const parts = await Promise.all(
      groups.map((g, w) =>
        g.length ? this.workers[w].call<{ times: (number | null)[]; errors: Record<string, number> }>('reconnect', { url, ids: g, concurrency, untilMs }) : { times: [], errors: {} },
      ),
    );
    const errors: Record<string, number> = {};
    for (const p of parts) addCounts(errors, p.errors);
    return { times: parts.flatMap((p) => p.times), errors };
  }

  async usage(): Promise<Usage[]> {
    return Promise.all(this.workers.map((w) => w.call<Usage>('usage')));
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('closeAll')));
    this.owner.clear();
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const exited = new Promise<void>((resolve) => (w.child.exitCode !== null ? resolve() : w.child.once('exit', () => resolve())));
        await w.call('closeAll').catch(() => {});
        w.child.disconnect();
        const timer = setTimeout(() => w.child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

/** One-way IPC delay measured with the shared clock: proves that the parent's and a child's
 *  clocks agree (a negative or huge value would mean they do not). */
export async function clockCheck(peer: Peer, rounds = 20): Promise<{ minMs: number; maxMs: number }> {
  const deltas: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const sent = nowMs();
    const { t } = await peer.call<{ t: number }>('ping');
    const back = nowMs();
    deltas.push(t - sent, back - t);
  }
  return { minMs: Math.min(...deltas), maxMs: Math.max(...deltas) };
}
