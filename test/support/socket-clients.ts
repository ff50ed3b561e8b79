// Helpers for the live-room tests: a server with injectable clock and questions, real
// socket.io-client connections that buffer every event (so a test can take them in order)
// and record every packet received, and a manual clock that only moves when told to.
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/errors.js';
import type { GameSettings } from '../../shared/game-types.js';
import type { ClientAckData, ClientEvent, ClientPayload, ServerEvent, ServerPayload } from '../../shared/protocol.js';
import { createApp, type App, type AppDeps } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import type { ServerQuestion } from '../../server/game/types.js';
import type { RoomClock } from '../../server/rooms/clock.js';
import { fixedQuestionSource } from '../../server/rooms/question-source.js';
import { TEST_HOST_TOKEN } from './app.js';

// ---- clock ---------------------------------------------------------------------------

/** A monotonic clock that stands still until the test moves it. */
export class ManualClock implements RoomClock {
  private time = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  now(): number {
    return this.time;
  }

  schedule(at: number, fn: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ at, fn, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = target;
  }

  /** Moves time forward without firing anything: a timer running late under load. */
  jump(ms: number): void {
    this.time += ms;
  }
}

// ---- server --------------------------------------------------------------------------

export interface RoomsServer {
  app: App;
  baseUrl: string;
  hostHeaders: Record<string, string>;
  close(): Promise<void>;
}

export async function startRoomsServer(db: Database, deps: Partial<AppDeps> = {}): Promise<RoomsServer> {
  const app = createApp({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    hostToken: TEST_HOST_TOKEN,
    questionSource: fixedQuestionSource(makeQuestions(10), 'Test deck'),
    ...deps,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    hostHeaders: { authorization: `Bearer ${TEST_HOST_TOKEN}`, 'content-type': 'application/json' },
    close: () => app.close(),
  };
}

/** Questions whose option texts are unique strings, so a leak is easy to search for. */
export function makeQuestions(count: number, tag = 'q'): ServerQuestion[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${tag}${i + 1}`,
    kind: 'def-to-term' as const,
    prompt: `Prompt-${tag}-${i + 1}: which term is meant?`,
    options: [0, 1, 2, 3].map((o) => `Option-${tag}-${i + 1}-${o}`),
    answerIndex: (i * 3 + 1) % 4,
    topic: ['Unit', `Topic ${i + 1}`],
    file: 'notes.md',
    line: 10 + i,
    explanation: `Explained-${tag}-${i + 1}`,
  }));
}

export interface CreatedGame {
  gameId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
  questionCount: number;
}

export async function createGame(server: RoomsServer, body: Partial<GameSettings> = {}): Promise<CreatedGame> {
  const res = await fetch(`${server.baseUrl}/api/games`, {
    method: 'POST',
    headers: server.hostHeaders,
    body: JSON.stringify({ deckId: 'fixed', questionCount: 3, secondsPerQuestion: 10, ...body }),
  });
  const json = (await res.json()) as { ok: boolean; data: CreatedGame; error?: unknown };
  if (res.status !== 201 || !json.ok) throw new Error(`create game failed: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

// ---- clients -------------------------------------------------------------------------

interface Received {
  event: string;
  payload: unknown;
}

export class TestClient {
  readonly socket: Socket;
  /** Every event received, in order. */
  readonly events: Received[] = [];
  /** Every decoded packet received, acks included, as JSON text. */
  readonly packets: string[] = [];
  private taken = new Set<number>();
  private waiters: (() => void)[] = [];

  constructor(baseUrl: string, headers: Record<string, string> = {}) {
    this.socket = connect(baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: headers,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.events.push({ event, payload });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.socket.io.on('packet', (packet) => this.packets.push(JSON.stringify(packet.data ?? null)));
  }

  async ready(): Promise<this> {
    if (this.socket.connected) return this;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    return this;
  }

  call<E extends ClientEvent>(event: E, payload: ClientPayload<E> | unknown, timeoutMs = 5_000): Promise<Ack<ClientAckData<E>>> {
    return (this.socket.timeout(timeoutMs).emitWithAck as (e: string, p: unknown) => Promise<Ack<ClientAckData<E>>>)(event, payload);
  }

  /** The oldest event of that name not taken yet (waits for it if needed). */
  async take<E extends ServerEvent>(event: E, timeoutMs = 5_000): Promise<ServerPayload<E>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((e, i) => e.event === event && !this.taken.has(i));
      if (index >= 0) {
        this.taken.add(index);
        return this.events[index].payload as ServerPayload<E>;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${event} did not arrive; got ${this.events.map((e) => e.event).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  count(event: string): number {
    return this.events.filter((e) => e.event === event).length;
  }

  async closed(): Promise<string> {
    if (!this.socket.connected) return 'already';
    return new Promise((resolve) => this.socket.once('disconnect', (reason) => resolve(reason)));
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function client(server: RoomsServer, headers?: Record<string, string>): Promise<TestClient> {
  return new TestClient(server.baseUrl, headers).ready();
}

export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

export interface JoinedPlayer {
  client: TestClient;
  playerId: string;
  token: string;
}

export async function joinPlayer(server: RoomsServer, code: string, nickname: string): Promise<JoinedPlayer> {
  const c = await client(server);
  okData(await c.call('room:check', { code }));
  const joined = okData(await c.call('room:join', { code, nickname }));
  return { client: c, playerId: joined.playerId, token: joined.token };
}

export async function attachHost(server: RoomsServer, game: CreatedGame): Promise<TestClient> {
  const host = await client(server);
  okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
  return host;
}

/** Resolves once `check` passes, polling briefly (for effects that have no event). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
