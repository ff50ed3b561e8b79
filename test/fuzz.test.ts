// Seeded fuzzing of both edges. Socket payloads across every event and role (a stranger, a
// player of the game, the host of another game) and malformed requests to every REST route:
// no crash, no 5xx, every ack in the envelope, and nothing a well-behaved player of the game
// can see changes. CI runs a quick size; `npm run fuzz` runs 10,000 socket payloads and 2,000
// requests. FUZZ_SEED replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../shared/errors.js';
import { inboundSchemas, parseInbound } from '../shared/schemas.js';
import type { ClientEvent } from '../shared/protocol.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { Rand, randomPayload, randomValue } from './support/fuzz.js';
import {
  attachHost,
  createGame,
  joinPlayer,
  ManualClock,
  okData,
  startRoomsServer,
  TestClient,
  type CreatedGame,
  type JoinedPlayer,
  type RoomsServer,
} from './support/socket-clients.js';

const FULL = process.env.FUZZ_FULL === '1';
const SOCKET_PAYLOADS = FULL ? 10_000 : 2_000;
const REQUESTS = FULL ? 2_000 : 400;
const SEED = process.env.FUZZ_SEED ?? 'quiz-night-fuzz-1';

let tdb: TestDatabase;
let server: RoomsServer;
let game: CreatedGame;
let witness: JoinedPlayer;
let fuzzPlayer: JoinedPlayer;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, {
    clock: new ManualClock(),
    // Budgets out of the way, so payloads reach the parsers and handlers.
    rateLimits: { join: { points: 1e9, duration: 60 }, socket: { points: 1e9, duration: 60 }, lookup: { points: 1e9, duration: 60 } },
  });
  game = await createGame(server);
  witness = await joinPlayer(server, game.code, 'Wendy');
  fuzzPlayer = await joinPlayer(server, game.code, 'Fuzz');
  const host = await attachHost(server, game);
  okData(await host.call('room:lock', { locked: true }));
  host.close();
  console.log(`fuzz seed ${SEED}: ${SOCKET_PAYLOADS} socket payloads, ${REQUESTS} requests`);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

/** What the witness (a well-behaved player) and the game's host see, for comparison. */
async function seen() {
  const c = await new TestClient(server.baseUrl).ready();
  const view = okData(await c.call('room:resume', { token: witness.token })).view;
  const h = await new TestClient(server.baseUrl).ready();
  const hostView = okData(await h.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
  c.close();
  h.close();
  return {
    view,
    players: hostView.players.map((p) => ({ id: p.playerId, nickname: p.nickname, score: p.score })),
    locked: hostView.locked,
    phase: hostView.stage.phase,
  };
}

function expectEnvelope(ack: unknown, what: string) {
  expect(ack, what).toBeTypeOf('object');
  const a = ack as { ok: unknown; data?: unknown; error?: { code: unknown; message: unknown } };
  if (a.ok === true) return expect(Object.keys(a).sort(), what).toEqual(['data', 'ok']);
  expect(a.ok, what).toBe(false);
  expect(ERROR_CODES as readonly unknown[], what).toContain(a.error?.code);
  expect(a.error?.message, what).toBeTypeOf('string');
}

const FIELDS: Record<ClientEvent, string[]> = {
  'room:check': ['code'],
  'room:join': ['code', 'nickname'],
  'room:resume': ['token'],
  'nickname:suggest': ['code'],
  'answer:submit': ['questionId', 'optionIndex'],
  'host:attach': ['gameId', 'hostToken'],
  'game:start': [],
  'game:next': [],
  'game:skip': [],
  'game:pause': [],
  'game:resume': [],
  'game:end': [],
  'player:kick': ['playerId'],
  'room:lock': ['locked'],
  'game:autoAdvance': ['seconds'],
  'team:move': ['playerId', 'team'],
};
const EVENTS = Object.keys(inboundSchemas) as ClientEvent[];

describe('fuzzing the socket edge', () => {
  it('survives every payload, answers in the envelope, and changes nothing a player sees', { timeout: 300_000 }, async () => {
    const before = await seen();
    const r = new Rand(`${SEED}:socket`);
    // The host of another game: its valid commands would legitimately change that game only.
    const otherGame = await createGame(server);
    const otherHost = await attachHost(server, otherGame);
    // Three strangers, the game's fuzzing player and the other game's host. A packet over
    // 16 KB makes the server close that connection: the role then comes back on a new one.
    const roles: { kind: 'stranger' | 'player' | 'host'; client: TestClient }[] = [
      ...[0, 1, 2].map(() => ({ kind: 'stranger' as const, client: null as unknown as TestClient })),
      { kind: 'player', client: fuzzPlayer.client },
      { kind: 'host', client: otherHost },
    ];
    for (const role of roles) if (role.kind === 'stranger') role.client = await new TestClient(server.baseUrl).ready();
    let closed = 0;
    const reopen = async (role: (typeof roles)[number]) => {
      if (role.client.socket.connected) return;
      closed++;
      role.client = await new TestClient(server.baseUrl).ready();
      if (role.kind === 'player') okData(await role.client.call('room:resume', { token: fuzzPlayer.token }));
      if (role.kind === 'host') okData(await role.client.call('host:attach', { gameId: otherGame.gameId, hostToken: otherGame.hostToken }));
    };
    let acks = 0;
    for (let sent = 0; sent < SOCKET_PAYLOADS; ) {
      for (const role of roles) await reopen(role);
      const batch: Promise<void>[] = [];
      for (let i = 0; i < 50 && sent < SOCKET_PAYLOADS; i++, sent++) {
        const role = r.pick(roles);
        const who = role.client;
        const event = r.chance(0.05) ? r.pick(['nope', 'error', 'constructor', '__proto__', 'room:joinx', '']) : r.pick(EVENTS);
        let payload = randomPayload(r, Object.hasOwn(FIELDS, event) ? FIELDS[event as ClientEvent] : []);
        // A valid command of the player or the other host is legitimate play, not an attack on
        // the witness's game: those stay malformed. (Strangers may send anything.)
        if (role.kind !== 'stranger' && parseInbound(event as ClientEvent, payload).ok) payload = { junk: true };
        if (role.kind === 'player' && event === 'room:join') payload = { code: 42 };
        const args: unknown[] = [payload];
        if (r.chance(0.05)) args.push(randomValue(r));
        if (r.chance(0.1)) {
          (who.socket.emit as (...a: unknown[]) => void)(event, ...args);
          continue;
        }
        batch.push(
          (who.socket.timeout(10_000).emitWithAck as (...a: unknown[]) => Promise<unknown>)(event, ...args).then(
            (ack) => {
              acks++;
              expectEnvelope(ack, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`);
            },
            (error: Error) => {
              // Only a connection the server closed (an oversized packet) may go unanswered.
              expect(who.socket.connected, `${event}: ${error.message}`).toBe(false);
            },
          ),
        );
      }
      await Promise.all(batch);
    }
    console.log(`socket fuzz: ${acks} acks, ${closed} connections closed by the server (oversized packets)`);
    expect(acks).toBeGreaterThan(SOCKET_PAYLOADS * 0.5);
    for (const role of roles) if (role.kind !== 'player') role.client.close();

    const after = await seen();
    expect(after.view).toEqual(before.view);
    expect(after.players).toEqual(before.players);
    expect([after.locked, after.phase]).toEqual([true, 'lobby']);
  });
});

describe('fuzzing the REST edge', () => {
  it('answers every malformed request below 500, in the envelope, and changes nothing', { timeout: 300_000 }, async () => {
    const r = new Rand(`${SEED}:rest`);
    const deckCount = await tdb.db.prisma.deck.count();
    const gameCount = await tdb.db.prisma.game.count();
    const before = await seen();
    const junkId = () => encodeURIComponent(String(r.pick(['abc', '', '..', '%00', 'a\u0000b', 'x'.repeat(100), '__proto__', 'ck1234567890', game.gameId, '😀', '<b>'])));
    const routes: [string, () => string][] = [
      ['GET', () => '/api/health'],
      ['GET', () => '/api/host/check'],
      ['GET', () => '/api/decks'],
      ['POST', () => '/api/decks'],
      ['GET', () => `/api/decks/${junkId()}`],
      ['DELETE', () => `/api/decks/${junkId()}`],
      ['POST', () => `/api/decks/${junkId()}/files`],
      ['GET', () => `/api/decks/${junkId()}/files`],
      ['DELETE', () => `/api/decks/${junkId()}/files/${junkId()}`],
      ['GET', () => `/api/decks/${junkId()}/files/${junkId()}/context?line=${junkId()}&radius=${junkId()}`],
      ['GET', () => `/api/decks/${junkId()}/topics`],
      ['GET', () => `/api/decks/${junkId()}/facts?q=${junkId()}&limit=${junkId()}&offset=${junkId()}`],
      ['GET', () => `/api/decks/${junkId()}/questions/preview?topics=${junkId()}&count=${junkId()}&kinds=${junkId()}`],
      ['GET', () => `/api/decks/${junkId()}/curation`],
      ['POST', () => `/api/decks/${junkId()}/curation/strikes`],
      ['DELETE', () => `/api/decks/${junkId()}/curation/strikes/${junkId()}`],
      ['POST', () => `/api/decks/${junkId()}/curation/not-terms`],
      ['DELETE', () => `/api/decks/${junkId()}/curation/not-terms/${junkId()}`],
      ['DELETE', () => `/api/decks/${junkId()}/curation/flags/${junkId()}`],
      ['PATCH', () => `/api/decks/${junkId()}/facts/${junkId()}`],
      ['POST', () => `/api/games/${junkId()}/questions/${junkId()}/flag`],
      ['POST', () => '/api/games'],
      ['GET', () => `/api/rooms/${junkId()}`],
      ['GET', () => `/api/games?limit=${junkId()}&offset=${junkId()}`],
      ['GET', () => `/api/games/${junkId()}/report?player=${junkId()}`],
      ['GET', () => `/api/games/${junkId()}/export.csv`],
      ['GET', () => `/api/games/${junkId()}/missed.tsv?player=${junkId()}`],
    ];
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < REQUESTS; ) {
      const batch: Promise<void>[] = [];
      for (let i = 0; i < 20 && sent < REQUESTS; i++, sent++) {
        const [method, path] = r.pick(routes);
        const url = path();
        const auth = r.pick(['none', 'wrong', 'right']);
        const headers: Record<string, string> = {};
        if (auth === 'wrong') headers.authorization = `Bearer ${r.pick(['x', 'test-host-secret-012345678', ''.padEnd(200, 'a')])}`;
        if (auth === 'right') headers.authorization = server.hostHeaders.authorization!;
        let body: string | undefined;
        if (method !== 'GET' && method !== 'DELETE') {
          headers['content-type'] = r.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']);
          // With the right secret, only bodies that cannot be valid: a host may change things.
          body = auth === 'right' || r.chance(0.5) ? r.pick(['{', '{"name":', '[1,2', 'null x', '--x\r\n\r\n', '\u0000']) : JSON.stringify(randomValue(r));
        }
        // With the right secret, only reads (a DELETE with a junk id could hit nothing, but a
        // host may delete: it stays out).
        if (auth === 'right' && method === 'DELETE') headers.authorization = 'Bearer nope';
        batch.push(
          fetch(server.baseUrl + url, { method, headers, body }).then(async (res) => {
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            expect(res.status, `${method} ${url}`).toBeLessThan(500);
            const type = res.headers.get('content-type') ?? '';
            if (url.startsWith('/api/') && type.includes('application/json') && !url.startsWith('/api/health')) {
              expectEnvelope(await res.json(), `${method} ${url}`);
            } else {
              await res.arrayBuffer();
            }
          }),
        );
      }
      await Promise.all(batch);
    }
    console.log(`REST statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(await tdb.db.prisma.deck.count()).toBe(deckCount);
    expect(await tdb.db.prisma.game.count()).toBe(gameCount);
    expect(await seen()).toEqual(before);
  });
});
