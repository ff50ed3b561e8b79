// One load-generator process: holds a share of the players' (and hosts') real socket.io-client
// connections to 127.0.0.1 and plays like a person would: two-step join, then an answer at a
// random moment of each answer window. It timestamps every arrival of a room broadcast with
// the machine-wide monotonic clock (clock.ts) and every answer's acknowledgement latency, and
// hands the raw samples to run.ts on `collect`. Several of these run side by side so the
// load generator is not the bottleneck (run.ts checks their CPU use).
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../shared/errors.js';
import { nowMs, sleep } from './clock.js';
import { push, serve } from './ipc.js';
import { payloadIndex, TRACKED_EVENTS } from './probes.js';

const CONNECT_TIMEOUT_MS = 30_000;
const ACK_TIMEOUT_MS = 30_000;

interface Player {
  id: string;
  socket: Socket;
  /** Arrival key prefix: the room code once joined, or the label given at connect. */
  label: string;
  code?: string;
  playerId?: string;
  /** Session token from room:join, for resuming on another server (--processes 2). */
  token?: string;
  /** First game:state after the last `mark` (a player seated again without asking). */
  stateAt?: number;
}

interface Host {
  id: string;
  socket: Socket;
  code: string;
  gameId: string;
  hostToken: string;
  pauseMs: number;
  done: boolean;
}

/** Nobody reads a question's options and taps one faster than this. It also keeps the
 *  first answers (and their acks, on this shared CPU) from competing with the delivery of
 *  question:open to the other players, which the bare baseline does not have to do. */
const MIN_ANSWER_MS = 300;

export interface Behavior {
  /** Answers go out at a uniformly random moment in [300 ms, spreadMs) after question:open arrives. */
  spreadMs: number;
  /** Share of players that do not answer this question (so the deadline timer has to fire). */
  abstain: number;
}

export interface PlayPlan {
  byIndex: Record<number, Behavior>;
  fallback: Behavior;
}

const players = new Map<string, Player>();
const hosts = new Map<string, Host>();
/** `${label}|${event}|${index}` -> arrival times (one per player socket). */
let arrivals = new Map<string, number[]>();
let acks: number[] = [];
let ackByIndex = new Map<number, number[]>();
let ackErrors: Record<string, number> = {};
let playerResults = 0;
let disconnects: Record<string, number> = {};
let hostErrors: Record<string, number> = {};
let plan: PlayPlan = { byIndex: {}, fallback: { spreadMs: 1000, abstain: 0 } };
let answersInFlight = 0;
let markedAt: number | null = null;

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function record(label: string, event: string, index: number, t: number): void {
  const key = `${label}|${event}|${index}`;
  let list = arrivals.get(key);
  if (!list) arrivals.set(key, (list = []));
  list.push(t);
}

function open(url: string): Socket {
  return io(url, {
    // Real browsers start with HTTP long-polling and upgrade; the benchmark connects straight
    // over WebSocket, the steady state every player ends up in.
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}

function watchPlayer(p: Player): void {
  const s = p.socket;
  for (const event of TRACKED_EVENTS) {
    s.on(event as never, ((payload: unknown) => {
      record(p.label, event, payloadIndex(payload), nowMs());
      if (event === 'question:open') answerLater(p, payload as { question: { id: string; index: number; optionCount: number; options?: string[] } });
    }) as never);
  }
  s.on('player:result' as never, (() => void playerResults++) as never);
  s.on('game:state' as never, (() => {
    if (markedAt !== null && p.stateAt === undefined) p.stateAt = nowMs();
  }) as never);
  s.on('disconnect', (reason) => count(disconnects, reason));
}

function answerLater(p: Player, payload: { question: { id: string; index: number; optionCount: number; options?: string[] } }): void {
  if (!p.code) return; // baseline connections only listen
  const q = payload.question;
  const behavior = plan.byIndex[q.index] ?? plan.fallback;
  if (Math.random() < behavior.abstain) return;
  const options = q.options?.length ?? q.optionCount ?? 2;
  const delay = MIN_ANSWER_MS + Math.random() * Math.max(0, behavior.spreadMs - MIN_ANSWER_MS);
  answersInFlight++;
  setTimeout(() => {
    const t0 = nowMs();
    p.socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('answer:submit', { questionId: q.id, optionIndex: Math.floor(Math.random() * options) }, (err: Error | null, res: Ack<unknown>) => {
        answersInFlight--;
        if (err) return count(ackErrors, 'ACK_TIMEOUT');
        const ms = nowMs() - t0;
        if (!res.ok) return count(ackErrors, res.error.code);
        acks.push(ms);
        let list = ackByIndex.get(q.index);
        if (!list) ackByIndex.set(q.index, (list = []));
        list.push(ms);
      });
  }, delay);
}

function watchHost(h: Host): void {
  const s = h.socket;
  const advance = () =>
    setTimeout(() => {
      s.timeout(ACK_TIMEOUT_MS).emit('game:next', {}, (err: Error | null, res: Ack<unknown>) => {
        if (err) count(hostErrors, 'ACK_TIMEOUT');
        else if (!res.ok) count(hostErrors, `next:${res.error.code}`);
      });
    }, h.pauseMs);
  s.on('question:reveal' as never, advance as never);
  s.on('leaderboard:show' as never, advance as never);
  s.on('podium:show' as never, advance as never);
  s.on('room:closed' as never, (() => {
    if (h.done) return;
    h.done = true;
    push('host:done', { id: h.id, code: h.code, t: nowMs() });
  }) as never);
  s.on('disconnect', (reason) => {
    if (h.done) return;
    // The server went away (or dropped the host): this game will not finish, stop waiting.
    h.done = true;
    count(hostErrors, `disconnect:${reason}`);
    push('host:done', { id: h.id, code: h.code, t: nowMs(), failed: reason });
  });
}

serve({
  /** Opens player sockets; `label` keys their arrivals until they join a room. */
  connect: async (args: { url: string; ids: string[]; label: string; concurrency: number }) => {
    const failures: Record<string, number> = {};
    const t0 = nowMs();
    await pool(args.ids, args.concurrency, async (id) => {
      const socket = open(args.url);
      const p: Player = { id, socket, label: args.label };
      try {
        await connected(socket);
        watchPlayer(p);
        players.set(id, p);
      } catch (error) {
        count(failures, (error as Error).message);
        socket.close();
      }
    });
    return { connected: args.ids.length - Object.values(failures).reduce((a, b) => a + b, 0), failures, ms: nowMs() - t0 };
  },

  /** Two-step join (room:check then room:join) for each given player; latency per player. */
  join: async (args: { slots: { id: string; code: string; nickname: string }[]; concurrency: number }) => {
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const t0 = nowMs();
    await pool(args.slots, args.concurrency, async (slot) => {
      const p = players.get(slot.id);
      if (!p) return count(errors, 'NOT_CONNECTED');
      const start = nowMs();
      try {
        const check = (await p.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:check', { code: slot.code })) as Ack<unknown>;
        if (!check.ok) return count(errors, `check:${check.error.code}`);
        const join = (await p.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('room:join', { code: slot.code, nickname: slot.nickname })) as Ack<{ playerId: string; token: string }>;
        if (!join.ok) return count(errors, `join:${join.error.code}`);
        p.code = slot.code;
        p.label = slot.code;
        p.playerId = join.data.playerId;
        p.token = join.data.token;
        latencies.push(nowMs() - start);
      } catch {
        count(errors, 'ACK_TIMEOUT');
      }
    });
    return { joined: latencies.length, latencies, errors, ms: nowMs() - t0, tEnd: nowMs() };
  },

  /** Connects host sockets and attaches them with the host secret of their game. */
  host: async (args: { url: string; slots: { id: string; code: string; gameId: string; hostToken: string }[]; pauseMs: number; concurrency: number }) => {
    const errors: Record<string, number> = {};
    await pool(args.slots, args.concurrency, async (slot) => {
      const socket = open(args.url);
      try {
        await connected(socket);
        const res = (await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('host:attach', { gameId: slot.gameId, hostToken: slot.hostToken })) as Ack<unknown>;
        if (!res.ok) {
          count(errors, `attach:${res.error.code}`);
          socket.close();
          return;
        }
        const h: Host = { ...slot, socket, pauseMs: args.pauseMs, done: false };
        watchHost(h);
        hosts.set(slot.id, h);
      } catch (error) {
        count(errors, (error as Error).message);
        socket.close();
      }
    });
    return { attached: args.slots.length - Object.values(errors).reduce((a, b) => a + b, 0), errors };
  },

  plan: (args: PlayPlan) => {
    plan = args;
    return null;
  },

  /** game:start for the given hosts (all of this worker's when omitted). */
  start: async (args: { ids?: string[] }) => {
    const list = args.ids ? args.ids.map((id) => hosts.get(id)!).filter(Boolean) : [...hosts.values()];
    const errors: Record<string, number> = {};
    await Promise.all(
      list.map(async (h) => {
        try {
          const res = (await h.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('game:start', {})) as Ack<unknown>;
          if (!res.ok) count(errors, `start:${res.error.code}`);
        } catch {
          count(errors, 'ACK_TIMEOUT');
        }
      }),
    );
    return { started: list.length - Object.values(errors).reduce((a, b) => a + b, 0), errors };
  },

  /** game:end for the given hosts (all of this worker's when omitted): a game stopped early. */
  end: async (args: { ids?: string[] }) => {
    const list = args.ids ? args.ids.map((id) => hosts.get(id)!).filter(Boolean) : [...hosts.values()];
    await Promise.all(list.map((h) => h.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('game:end', {}).catch(() => count(hostErrors, 'end:ACK_TIMEOUT'))));
    return null;
  },

  /** Raw samples since the last collect; resets them. */
  collect: () => {
    const out = {
      arrivals,
      acks,
      ackByIndex,
      ackErrors,
      playerResults,
      disconnects,
      hostErrors,
      answersInFlight,
    };
    arrivals = new Map();
    acks = [];
    ackByIndex = new Map();
    ackErrors = {};
    playerResults = 0;
    disconnects = {};
    hostErrors = {};
    return out;
  },

  /** From now on, note each player's first game:state (seated again by the server). */
  mark: () => {
    markedAt = nowMs();
    for (const p of players.values()) p.stateAt = undefined;
    return null;
  },

  /** When each given player got its first game:state since `mark` (undefined: not yet). */
  seated: (args: { ids: string[] }) => ({ times: args.ids.map((id) => players.get(id)?.stateAt ?? null) }),

  /** The given players' server went away: each opens a new socket to `url` and resumes with
   *  its token, retrying until it is back or `untilMs` passes; returns when each was back. */
  reconnect: async (args: { url: string; ids: string[]; concurrency: number; untilMs: number }) => {
    const times: (number | null)[] = [];
    const errors: Record<string, number> = {};
    await pool(args.ids, args.concurrency, async (id) => {
      const old = players.get(id);
      if (!old?.token) {
        times.push(null);
        return count(errors, 'NO_TOKEN');
      }
      old.socket.close();
      for (;;) {
        const socket = open(args.url);
        const p: Player = { ...old, socket, stateAt: undefined };
        try {
          await connected(socket);
          watchPlayer(p);
          const res = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:resume', { token: old.token })) as Ack<unknown>;
          if (res.ok) {
            players.set(id, p);
            times.push(nowMs());
            return;
          }
          count(errors, `resume:${res.error.code}`);
        } catch (error) {
          count(errors, (error as Error).message);
        }
        socket.close();
        if (nowMs() > args.untilMs) {
          times.push(null);
          return;
        }
        await sleep(200);
      }
    });
    return { times, errors };
  },

  usage: () => ({ cpu: process.cpuUsage(), rss: process.memoryUsage().rss, players: players.size, hosts: hosts.size }),

  /** Disconnects everything this worker holds. */
  closeAll: async () => {
    for (const p of players.values()) p.socket.close();
    for (const h of hosts.values()) h.socket.close();
    players.clear();
    hosts.clear();
    await sleep(50);
    return null;
  },

  ping: () => ({ t: nowMs(), pid: process.pid }),
});
process.send?.({ event: 'ready', data: { pid: process.pid } });
