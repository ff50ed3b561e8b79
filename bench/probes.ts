// Measurements taken inside a server process (ours or the bare baseline) and read by run.ts
// over IPC, so every figure is the server's own: event-loop delay, CPU time, memory after a
// forced GC (the process runs with --expose-gc), and the moment each room broadcast starts.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { Server } from 'socket.io';
import { nowMs } from './clock.js';

/** Events whose fan-out we time; all are room broadcasts (one payload for the whole room). */
export const TRACKED_EVENTS = new Set(['question:show', 'question:open', 'question:reveal', 'leaderboard:show', 'podium:show']);

export interface EmitRecord {
  event: string;
  rooms: string[];
  /** Question index from the payload (afterIndex for leaderboards, -1 for the podium). */
  index: number;
  /** Sockets in the target rooms at the time of the emit. */
  recipients: number;
  t: number;
  /** Time spent inside adapter.broadcast (serialise once + write to every socket). */
  syncMs: number;
}

/** One room timer that fired: how late (ms after its due time) and how far ahead it had been set. */
export interface TimerSample {
  late: number;
  delay: number;
  /** When it fired (clock.ts). */
  t: number;
}

/** One garbage-collection pause: when it ended (clock.ts), how long, 'major' or 'minor'. */
export interface GcPause {
  end: number;
  ms: number;
  kind: 'major' | 'minor' | 'other';
}

/** Deadline timers are set when answers open, 5–120 s (+ grace) ahead; reading timers 3 s. */
export const isDeadlineTimer = (t: TimerSample) => t.delay > 4_000;

export interface LoopStats { p50: number; p99: number; max: number; mean: number; samples: number }

// 1 ms sampling: the histogram records the interval between 1 ms timer callbacks, so the
// delay is that interval minus the 1 ms (error below 1 ms either way).
const LOOP_RESOLUTION_MS = 1;
const WATCHDOG_MS = 10;
const BLOCK_MS = 30;

/** Question index carried by a room event (afterIndex for leaderboards; -1 for the podium). */
export function payloadIndex(payload: any): number {
  if (!payload || typeof payload !== 'object') return -1;
  if (payload.question && typeof payload.question.index === 'number') return payload.question.index;
  if (typeof payload.index === 'number') return payload.index;
  if (typeof payload.afterIndex === 'number') return payload.afterIndex;
  return -1;
}

export class Probes {
  private loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private emits: EmitRecord[] = [];
  /** First payload of each tracked event/index, so the baseline can send the very same bytes. */
  readonly samplePayloads = new Map<string, unknown>();
  private timers: TimerSample[] = [];
  /** Loop stalls longer than BLOCK_MS: when they ended and how long they were. */
  private blocks: { end: number; ms: number }[] = [];
  private gc: GcPause[] = [];
  /** While an import is measured: the highest RSS seen, sampled every few milliseconds. */
  private rssWatch: { timer: NodeJS.Timeout; peak: number; samples: number } | null = null;

  constructor() {
    this.loop.enable();
    // GC pauses stop the event loop too; recorded so stalls and late timers can be explained.
    const origin = performance.timeOrigin;
    const toClock = nowMs() - (origin + performance.now()); // performance time -> clock.ts time
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const gcKind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
        const kind = gcKind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'major' : gcKind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : 'other';
        this.gc.push({ end: origin + e.startTime + e.duration + toClock, ms: e.duration, kind });
      }
    }).observe({ entryTypes: ['gc'] });
    // A coarse second watchdog that remembers *when* the loop stalled, so a stall can be
    // matched with what the room was doing (the `stalls` lists in the results JSON).
    let last = nowMs();
    setInterval(() => {
      const now = nowMs();
      const stall = now - last - WATCHDOG_MS;
      if (stall > BLOCK_MS) this.blocks.push({ end: now, ms: stall });
      last = now;
    }, WATCHDOG_MS).unref();
  }

  /** Wraps the adapter's broadcast, which every io.to(room).emit goes through. */
  hookBroadcasts(io: Server): void {
    const adapter = io.of('/').adapter as any;
    const proto = Object.getPrototypeOf(adapter);
    const original = proto.broadcast;
    if (proto.__benchHooked) return;
    proto.__benchHooked = true;
    const probes = this;
    proto.broadcast = function (this: any, packet: any, opts: any) {
      const event = packet?.data?.[0];
      if (!TRACKED_EVENTS.has(event)) return original.call(this, packet, opts);
      const t = nowMs();
      const result = original.call(this, packet, opts);
      const syncMs = nowMs() - t;
      const rooms: string[] = opts?.rooms ? [...opts.rooms] : [];
      let recipients = 0;
      for (const room of rooms) recipients += this.rooms.get(room)?.size ?? 0;
      const index = payloadIndex(packet.data[1]);
      probes.emits.push({ event, rooms, index, recipients, t, syncMs });
      const key = `${event}#${index}`;
      if (!probes.samplePayloads.has(key)) probes.samplePayloads.set(key, packet.data[1]);
      return result;
    };
  }

  recordTimer(sample: TimerSample): void {
    this.timers.push(sample);
  }

  handlers(extra: Record<string, (args: any) => unknown> = {}): Record<string, (args: any) => unknown> {
    return {
      ping: () => ({ t: nowMs(), pid: process.pid }),
      mem: async (args: { gc?: boolean; settle?: boolean }) => {
        if (args?.gc === false) return memory();
        if (args?.settle === false) {
          forceGc();
          return memory();
        }
        // RSS lags behind the heap: freed pages go back to the OS a little after a GC. Collect
        // and re-read until RSS moved by less than 512 KB in 250 ms (at most 3 s).
        forceGc();
        let m = memory();
        for (let i = 0; i < 12; i++) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          forceGc();
          const next = memory();
          const settled = Math.abs(next.rss - m.rss) < 512 * 1024;
          m = next;
          if (settled) break;
        }
        return m;
      },
      cpu: () => process.cpuUsage(),
      'loop:reset': () => {
        this.loop.reset();
        return null;
      },
      'loop:read': (): LoopStats => {
        const h = this.loop;
        const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
        return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), samples: h.count };
      },
      // RSS is sampled rather than read once: a big import's memory is gone again (collected
      // in the import thread) by the time the request returns.
      'rss:watch': (args: { everyMs?: number }) => {
        if (this.rssWatch) clearInterval(this.rssWatch.timer);
        const watch = { peak: process.memoryUsage.rss(), samples: 1, timer: setInterval(() => {
          watch.peak = Math.max(watch.peak, process.memoryUsage.rss());
          watch.samples++;
        }, args?.everyMs ?? 20) };
        this.rssWatch = watch;
        return null;
      },
      'rss:peak': () => {
        const watch = this.rssWatch;
        if (!watch) return null;
        clearInterval(watch.timer);
        this.rssWatch = null;
        return { peak: Math.max(watch.peak, process.memoryUsage.rss()), samples: watch.samples };
      },
      'emits:drain': () => this.emits.splice(0),
      'timers:drain': () => this.timers.splice(0),
      'blocks:drain': () => this.blocks.splice(0),
      'gc:drain': () => this.gc.splice(0),
      payloads: () => Object.fromEntries(this.samplePayloads),
      ...extra,
    };
  }
}

function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

export function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server process with --expose-gc');
  // Twice: the first pass can leave objects that only die once their finalizers ran.
  gc();
  gc();
}
