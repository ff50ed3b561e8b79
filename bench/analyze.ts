// Turns raw samples into figures: fan-out latency per broadcast (server emit time from the
// server's adapter hook, arrival times from the load workers, both on the shared clock).
import { summarize, type Summary } from './metrics.js';
import type { EmitRecord } from './probes.js';

export interface EmitFanout {
  label: string;
  event: string;
  index: number;
  recipients: number;
  received: number;
  /** Time inside the server's emit calls for this broadcast (serialise + queue writes to
   *  every socket), summed over its emits (hosts and each players' slice). */
  syncMs: number;
  /** Emits the broadcast took (1 for the bare server), and from the first emit's start to
   *  the last one's end. */
  emits: number;
  spanMs: number;
  p50: number;
  p99: number;
  /** The last player to get it. */
  last: number;
}

export interface FanoutResult {
  perEmit: EmitFanout[];
  /** Every (broadcast, player) latency pooled. */
  pooled: Summary;
  /** Per broadcast p99, then summarised over the broadcasts. */
  p99s: Summary;
  /** Per broadcast time until the last player had it. */
  lasts: Summary;
  /** Broadcasts seen by the server with no matching arrivals (should be 0). */
  unmatched: number;
}

/** Maps a broadcast's target rooms to the label the workers keyed arrivals by (room code). */
export function roomResolver(games: { code: string; gameId: string }[]): (rooms: string[]) => string | null {
  const cache = new Map<string, string | null>();
  return (rooms) => {
    for (const room of rooms) {
      let label = cache.get(room);
      if (label === undefined) {
        const game = games.find((g) => room === g.code || room === g.gameId || room.includes(g.gameId) || room.includes(g.code));
        label = game ? game.code : null;
        cache.set(room, label);
      }
      if (label) return label;
    }
    return null;
  };
}

export function fanout(
  emits: EmitRecord[],
  arrivals: Map<string, number[]>,
  resolve: (rooms: string[]) => string | null,
  event: string,
): FanoutResult {
  return fanoutOfRounds([{ emits, arrivals }], resolve, event);
}

/** Several measuring windows in which the same payloads were broadcast again: each window
 *  is matched on its own, then all broadcasts are summarised together. */
export function fanoutOfRounds(
  rounds: { emits: EmitRecord[]; arrivals: Map<string, number[]> }[],
  resolve: (rooms: string[]) => string | null,
  event: string,
): FanoutResult {
  const perEmit: EmitFanout[] = [];
  const pooled: number[] = [];
  let unmatched = 0;
  for (const { emits, arrivals } of rounds) {
    // A broadcast to a sliced room is several emits with the same key: latency counts from
    // the first one; the writes of all of them are added up.
    const parts = new Map<string, { n: number; syncMs: number; end: number }>();
    for (const e of emits) {
      if (e.event !== event) continue;
      const key = `${resolve(e.rooms)}|${e.event}|${e.index}`;
      const part = parts.get(key) ?? { n: 0, syncMs: 0, end: 0 };
      parts.set(key, { n: part.n + 1, syncMs: part.syncMs + e.syncMs, end: Math.max(part.end, e.t + e.syncMs) });
    }
    const seen = new Set<string>();
    for (const e of emits) {
      if (e.event !== event) continue;
      const label = resolve(e.rooms);
      const key = `${label}|${e.event}|${e.index}`;
      if (!label || seen.has(key)) continue;
      seen.add(key);
      const part = parts.get(key)!;
      const times = arrivals.get(key);
      if (!times || times.length === 0) {
        unmatched++;
        continue;
      }
      const lat = times.map((t) => t - e.t);
      pooled.push(...lat);
      const s = summarize(lat);
      perEmit.push({ label, event, index: e.index, recipients: e.recipients, received: lat.length, syncMs: part.syncMs, emits: part.n, spanMs: part.end - e.t, p50: s.p50, p99: s.p99, last: s.max });
    }
  }
  return {
    perEmit,
    pooled: summarize(pooled),
    p99s: summarize(perEmit.map((p) => p.p99)),
    lasts: summarize(perEmit.map((p) => p.last)),
    unmatched,
  };
}
