// What every scenario gets from run.ts: the load workers, the server under test (its IPC
// handle and URL), the REST client with the host secret, and the imported deck.
import { nowMs, sleep } from '../clock.js';
import type { Fleet, Usage } from '../fleet.js';
import type { Peer } from '../ipc.js';
import type { LoopStats, EmitRecord, GcPause, TimerSample } from '../probes.js';
import { summarize, type Summary } from '../metrics.js';
import type { Api } from '../setup.js';
import { ADJECTIVES, ANIMALS } from '../../server/rooms/nickname-words.js';

export interface Ctx {
  fleet: Fleet;
  server: Peer;
  serverUrl: string;
  api: Api;
  deckId: string;
  log: (line: string) => void;
  /** Monotonic time (clock.ts) by which the whole run must be over, cleanup included. */
  deadline: number;
}

export interface Mem {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export const serverMem = (peer: Peer) => peer.call<Mem>('mem', { gc: true });
export const serverCpu = (peer: Peer) => peer.call<NodeJS.CpuUsage>('cpu');
export const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

/** Starts a measured window on the server: drops earlier samples, resets the loop histogram. */
export async function openWindow(ctx: Ctx, peer: Peer = ctx.server) {
  await Promise.all([
    peer.call('emits:drain'),
    peer.call('timers:drain'),
    peer.call('blocks:drain'),
    peer.call('gc:drain'),
    peer.call('loop:reset'),
    ctx.fleet.collect(),
  ]);
  const [cpu, usage] = await Promise.all([serverCpu(peer), ctx.fleet.usage()]);
  return { cpu, usage, t: nowMs() };
}

export interface WindowResult {
  ms: number;
  cpuMs: number;
  loop: LoopStats;
  emits: EmitRecord[];
  timers: TimerSample[];
  /** The longest loop stalls, each with the room broadcasts that started inside it or just before. */
  stalls: Stall[];
  /** Garbage-collection pauses in the window. */
  gc: { pauses: number; totalMs: number; major: Summary; minor: Summary };
  /** Room timers that fired more than 25 ms late, with any GC pause that ended just before. */
  lateTimers: { atS: number; lateMs: number; gcMs: number }[];
  /** Busiest load worker's CPU use over the window, in % of one core. */
  workerCpuMaxPct: number;
}

export async function closeWindow(ctx: Ctx, start: { cpu: NodeJS.CpuUsage; usage: Usage[]; t: number }, peer: Peer = ctx.server): Promise<WindowResult> {
  const [cpu, loop, emits, timers, blocks, gcPauses, usage] = await Promise.all([
    serverCpu(peer),
    peer.call<LoopStats>('loop:read'),
    peer.call<EmitRecord[]>('emits:drain'),
    peer.call<TimerSample[]>('timers:drain'),
    peer.call<{ end: number; ms: number }[]>('blocks:drain'),
    peer.call<GcPause[]>('gc:drain'),
    ctx.fleet.usage(),
  ]);
  const ms = nowMs() - start.t;
  const workerCpuMaxPct = Math.max(...usage.map((u, i) => (cpuMs(start.usage[i].cpu, u.cpu) / ms) * 100));
  const gc = {
    pauses: gcPauses.length,
    totalMs: gcPauses.reduce((a, p) => a + p.ms, 0),
    major: summarize(gcPauses.filter((p) => p.kind === 'major').map((p) => p.ms)),
    minor: summarize(gcPauses.filter((p) => p.kind === 'minor').map((p) => p.ms)),
  };
  return {
    ms,
    cpuMs: cpuMs(start.cpu, cpu),
    loop,
    emits,
    timers,
    stalls: stalls(blocks, emits, gcPauses, start.t),
    gc,
    lateTimers: lateTimers(timers, gcPauses, start.t),
    workerCpuMaxPct,
  };
}

export interface Stall {
  /** Seconds since the window opened, at the end of the stall. */
  atS: number;
  ms: number;
  /** Broadcasts that started during the stall or in the 60 ms before it. */
  near: string[];
  /** GC pause time inside the stall. */
  gcMs: number;
}

const gcWithin = (pauses: GcPause[], from: number, to: number) =>
  Math.round(pauses.filter((p) => p.end >= from && p.end - p.ms <= to).reduce((a, p) => a + p.ms, 0));

function stalls(blocks: { end: number; ms: number }[], emits: EmitRecord[], pauses: GcPause[], t0: number): Stall[] {
  return blocks
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map((b) => {
      const near = emits.filter((e) => e.t >= b.end - b.ms - 60 && e.t <= b.end);
      const events = new Map<string, { n: number; ms: number }>();
      for (const e of near) {
        const key = `${e.event}#${e.index}`;
        const v = events.get(key) ?? { n: 0, ms: 0 };
        events.set(key, { n: v.n + 1, ms: v.ms + e.syncMs });
      }
      return {
        atS: Math.round((b.end - t0) / 100) / 10,
        ms: Math.round(b.ms),
        near: [...events].map(([k, v]) => `${v.n > 1 ? `${v.n}× ` : ''}${k} (${Math.round(v.ms)} ms)`),
        gcMs: gcWithin(pauses, b.end - b.ms - 10, b.end),
      };
    });
}

function lateTimers(timers: TimerSample[], pauses: GcPause[], t0: number) {
  return timers
    .filter((t) => t.late > 25)
    .sort((a, b) => b.late - a.late)
    .slice(0, 20)
    .map((t) => ({ atS: Math.round((t.t - t0) / 100) / 10, lateMs: Math.round(t.late), gcMs: gcWithin(pauses, t.t - t.late, t.t) }));
}

export function playerIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}

/** "Brave Otter"-style names from the server's own suggestion lists, unique per index (a
 *  number is added past 2,500): like real nicknames, and none trips the profanity filter,
 *  which "Player 455" does (leetspeak). */
export function nickname(i: number): string {
  const pair = `${ADJECTIVES[i % ADJECTIVES.length]} ${ANIMALS[Math.floor(i / ADJECTIVES.length) % ANIMALS.length]}`;
  const round = Math.floor(i / (ADJECTIVES.length * ANIMALS.length));
  return round === 0 ? pair : `${pair} ${round + 1}`;
}

export { nowMs, sleep };
