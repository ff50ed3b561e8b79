// What one address or one careless client can do to a server, and what it cannot: forwarded
// addresses count only behind a trusted proxy, connections per address are capped, sockets
// that never join are closed, live games are capped, resumes with unknown tokens reach the
// database a bounded number of times, request bodies are read only after the host check and
// within small limits, ids are checked, and every page carries security headers.
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaGameStore, type GameStore } from '../server/rooms/game-store.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  createGame,
  joinPlayer,
  ManualClock,
  okData,
  startRoomsServer,
  TestClient,
  type RoomsServer,
} from './support/socket-clients.js';

let tdb: TestDatabase;
const servers: RoomsServer[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await tdb?.drop();
});

async function server(deps: Parameters<typeof startRoomsServer>[1] = {}): Promise<RoomsServer> {
  const s = await startRoomsServer(tdb.db, { clock: new ManualClock(), ...deps });
  servers.push(s);
  return s;
}

describe('client addresses', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const s = await server({ rateLimits: { join: { points: 3, duration: 60 } } });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await new TestClient(s.baseUrl, { 'x-forwarded-for': `10.0.0.${i + 1}` }).ready();
      const ack = await c.call('room:check', { code: 'ZZZZZZ' });
      codes.push(ack.ok ? 'ok' : ack.error.code);
      c.close();
    }
    // Five "addresses" that are really one: the fourth attempt is over its budget.
    expect(codes).toEqual(['UNKNOWN_ROOM', 'UNKNOWN_ROOM', 'UNKNOWN_ROOM', 'RATE_LIMITED', 'RATE_LIMITED']);
    const rest = await fetch(`${s.baseUrl}/api/rooms/ZZZZZZ`, { headers: { 'x-forwarded-for': '10.9.9.9' } });
    expect(rest.status).toBe(429);
  });

  it('caps the connections one address holds', async () => {
    const s = await server({ connectionsPerAddress: 3 });
    const open = await Promise.all([0, 1, 2].map(() => new TestClient(s.baseUrl).ready()));
    const fourth = connect(s.baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false });
    const refused = await new Promise<string>((resolve) => {
      fourth.once('connect', () => resolve('connected'));
      fourth.once('connect_error', (err) => resolve(err.message));
    });
    expect(refused).toBe('TOO_MANY_CONNECTIONS');
    fourth.close();
    open[0]!.close();
    await new Promise((r) => setTimeout(r, 50));
    const again = await new TestClient(s.baseUrl).ready();
    expect(again.socket.connected).toBe(true);
    for (const c of [...open, again]) c.close();
  });

  it('closes a socket that neither joins nor attaches in time, and keeps one that joined', async () => {
    const s = await server({ idleSocketMs: 300 });
    const game = await createGame(s);
    const idle = await new TestClient(s.baseUrl).ready();
    const player = await joinPlayer(s, game.code, 'Ann');
    expect(await idle.closed()).toBe('io server disconnect');
    expect(player.client.socket.connected).toBe(true);
    for (const c of [idle, player.client]) c.close();
  });
});

describe('capacity', () => {
  it('refuses a game beyond the cap on live games', async () => {
    const s = await server({ rooms: { maxLiveRooms: 1 } });
    await createGame(s);
    const res = await fetch(`${s.baseUrl}/api/games`, {
      method: 'POST',
      headers: s.hostHeaders,
      body: JSON.stringify({ deckId: 'fixed', questionCount: 3 }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('TOO_MANY_GAMES');
  });

  it('answers resumes with unknown tokens from memory or a bounded number of queries', async () => {
    const real = prismaGameStore(tdb.db.prisma);
    let queries = 0;
    const counting: GameStore = {
      ...real,
      statusBySession: (hash) => {
        queries++;
        return real.statusBySession(hash);
      },
    };
    const s = await server({ gameStore: counting, rateLimits: { lookup: { points: 5, duration: 60 }, socket: { points: 1_000, duration: 60 } } });
    const game = await createGame(s);
    const ann = await joinPlayer(s, game.code, 'Ann');
    const flood = await new TestClient(s.baseUrl).ready();
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ack = await flood.call('room:resume', { token: `random-token-${String(i).padStart(8, '0')}` });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.filter((c) => c === 'BAD_TOKEN')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    expect(queries).toBe(5);
    // A token asked about before is answered from memory, at no cost.
    expect(await flood.call('room:resume', { token: 'random-token-00000000' })).toMatchObject({ ok: false, error: { code: 'BAD_TOKEN' } });
    expect(queries).toBe(5);
    // A real player's resume never touches the database or the budget.
    const back = await new TestClient(s.baseUrl).ready();
    expect(okData(await back.call('room:resume', { token: ann.token })).playerId).toBe(ann.playerId);
    expect(queries).toBe(5);
    for (const c of [flood, back, ann.client]) c.close();
  });
});

describe('requests', () => {
  let s: RoomsServer;
  beforeAll(async () => {
    s = await server();
  });

  it('does not read the body of a request that is not the host’s', async () => {
    // Larger than any body limit: read first, it would be a 413; unread, it is a plain 401.
    const big = JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) });
    const res = await fetch(`${s.baseUrl}/api/decks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(401);
  });

  it('keeps host bodies small, except an import’s, and counts an import’s files', async () => {
    const big = await fetch(`${s.baseUrl}/api/decks`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ name: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    const deck = await fetch(`${s.baseUrl}/api/decks`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ name: 'Hardening' }) });
    expect(deck.status).toBe(201);
    const { id } = (await deck.json()).data;
    const files = Array.from({ length: 21 }, (_, i) => ({ name: `n${i}.md`, text: '# A\n- B: c' }));
    const many = await fetch(`${s.baseUrl}/api/decks/${id}/files`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ files }) });
    expect(many.status).toBe(413);
    // An import's own limit is far above the host routes' (200 KB of notes here).
    const text = '# Cells\n' + '- Mitochondria: the powerhouse of the cell\n'.repeat(5_000);
    const ok = await fetch(`${s.baseUrl}/api/decks/${id}/files`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ name: 'cells.md', text }) });
    expect(ok.status).toBe(200);
  });

  it('answers 409 for a taken deck name and 400 for a malformed id', async () => {
    const first = await fetch(`${s.baseUrl}/api/decks`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ name: 'Twice' }) });
    expect(first.status).toBe(201);
    const again = await fetch(`${s.baseUrl}/api/decks`, { method: 'POST', headers: s.hostHeaders, body: JSON.stringify({ name: 'Twice' }) });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('DECK_EXISTS');
    for (const path of ['/api/decks/abc%00def', '/api/decks/abc%00/files', '/api/decks/ok/files/x%00y/context?line=1']) {
      const res = await fetch(s.baseUrl + path, { headers: s.hostHeaders });
      expect(res.status, path).toBe(400);
    }
  });

  it('sends security headers that the client works under', async () => {
    const res = await fetch(`${s.baseUrl}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // A trickling client is cut off after a minute, not Node's default five.
    expect(s.app.http.requestTimeout).toBe(60_000);
    expect(s.app.http.headersTimeout).toBe(15_000);
  });
});
