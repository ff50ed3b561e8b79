// Hostile and sloppy input at the edge: malformed payloads get error acks and change
// nothing, the server keeps serving, join attempts and commands are rate-limited, and
// nicknames follow the room's rules.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeNickname } from '../shared/schemas.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  createGame,
  ManualClock,
  okData,
  startRoomsServer,
  TestClient,
  type RoomsServer,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
let strict: RoomsServer;
let nextIp = 1;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, {
    clock: new ManualClock(),
    // The tests stand in for many addresses with X-Forwarded-For, as a local proxy would send.
    trustProxy: 'loopback',
    // Roomy limits here; the rate-limit tests run on their own server with tight ones.
    rateLimits: { join: { points: 1_000, duration: 60 }, socket: { points: 1_000, duration: 60 } },
  });
  strict = await startRoomsServer(tdb.db, {
    clock: new ManualClock(),
    trustProxy: 'loopback',
    rateLimits: { join: { points: 6, duration: 60 }, socket: { points: 40, duration: 60 } },
  });
});

afterAll(async () => {
  await strict?.close();
  await server?.close();
  await tdb?.drop();
});

/** Each client looks like its own address (forwarded by a local proxy), so only the
 *  rate-limit test runs into the per-address join limit. */
async function fresh(ip = `10.0.0.${nextIp++}`, on: RoomsServer = server): Promise<TestClient> {
  return new TestClient(on.baseUrl, { 'x-forwarded-for': ip }).ready();
}

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'OK' : ack.error!.code);

/** Sends raw arguments (no typing) and returns the ack. */
function raw(c: TestClient, event: string, ...args: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> {
  return (c.socket.timeout(5_000).emitWithAck as (e: string, ...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>)(
    event,
    ...args,
  );
}

describe('malformed payloads', () => {
  it('get BAD_PAYLOAD acks, change nothing, and never stop the server', async () => {
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    const player = await fresh();
    const ann = okData(await player.call('room:join', { code: game.code, nickname: 'Ann' }));
    const c = await fresh();

    const cases: [string, unknown][] = [
      ['room:check', { code: 12345 }],
      ['room:check', { code: 'A'.repeat(10_000) }],
      ['room:check', { code: game.code, extra: true }],
      ['room:check', null],
      ['room:check', 'ABCDEF'],
      ['room:check', [game.code]],
      ['room:join', { nickname: 'Zed' }],
      ['room:resume', { token: 42 }],
      ['room:resume', { token: 'x'.repeat(5_000) }],
      ['host:attach', {}],
      ['host:attach', { gameId: game.gameId, hostToken: { $ne: null } }],
      ['answer:submit', { questionId: 'q1' }],
      ['answer:submit', { questionId: 'q1', optionIndex: '1' }],
      ['answer:submit', { questionId: 'q1', optionIndex: 1.5 }],
      ['answer:submit', { questionId: 'q1', optionIndex: -1 }],
      ['answer:submit', { questionId: 'q1', optionIndex: 6 }],
      ['answer:submit', { questionId: 'q'.repeat(1_000), optionIndex: 0 }],
      ['game:start', { force: true }],
      ['player:kick', { playerId: '../../etc' }],
      ['room:lock', { locked: 'yes' }],
    ];
    for (const [event, payload] of cases) {
      expect(code(await raw(c, event, payload)), `${event} ${JSON.stringify(payload).slice(0, 40)}`).toBe('BAD_PAYLOAD');
    }
    // A host's malformed command changes nothing either.
    expect(code(await raw(host, 'game:start', { now: true }))).toBe('BAD_PAYLOAD');
    // Nickname problems have their own code so the join form can say what is wrong.
    expect(code(await raw(c, 'room:join', { code: game.code, nickname: 'x'.repeat(10_000) }))).toBe('NICKNAME_INVALID');
    // Unknown events, including names that exist on every object.
    for (const event of ['admin:shutdown', '__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      expect(await raw(c, event, {})).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message: 'Unknown event.' } });
    }
    // More than one payload argument.
    expect(code(await raw(c, 'room:check', { code: game.code }, 'extra'))).toBe('BAD_PAYLOAD');
    // No ack callback at all: nothing to answer, nothing breaks.
    c.socket.emit('room:check', { code: 42 });
    c.socket.emit('answer:submit');
    c.socket.emit('no:such:event', { a: 1 });
    c.socket.emit('room:join', { code: game.code, nickname: 'Quiet' });
    expect(code(await c.call('room:check', { code: game.code }))).toBe('OK');

    // A packet over the size limit costs its sender the connection, nobody else anything.
    const big = await fresh();
    const dropped = big.closed();
    big.socket.emit('room:check', { code: 'B'.repeat(20_000) });
    expect(await dropped).toBe('transport close');

    const hostView = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(hostView.stage).toEqual({ phase: 'lobby' });
    expect(hostView.players.map((p) => p.nickname)).toEqual(['Ann', 'Quiet']);
    // The room still plays.
    okData(await host.call('game:start', {}));
    expect((await player.take('question:show')).question.index).toBe(0);
    expect(ann.playerId).toBe('p1');
    for (const s of [host, player, c]) s.close();
  });
});

describe('rate limits', () => {
  it('stop join attempts from one address, on sockets and REST alike', async () => {
    const ip = '10.9.9.9';
    const c = await fresh(ip, strict);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(code(await c.call('room:check', { code: 'ZZZZZZ' })));
    expect(codes).toEqual(Array(6).fill('UNKNOWN_ROOM'));
    expect(code(await c.call('room:check', { code: 'ZZZZZZ' }))).toBe('RATE_LIMITED');
    expect(code(await c.call('room:join', { code: 'ZZZZZZ', nickname: 'Guess' }))).toBe('RATE_LIMITED');
    const other = await fresh(ip, strict);
    expect(code(await other.call('nickname:suggest', { code: 'ZZZZZZ' }))).toBe('RATE_LIMITED');
    const res = await fetch(`${strict.baseUrl}/api/rooms/ZZZZZZ`, { headers: { 'x-forwarded-for': ip } });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another address is unaffected.
    const res2 = await fetch(`${strict.baseUrl}/api/rooms/ZZZZZZ`, { headers: { 'x-forwarded-for': '10.9.9.10' } });
    expect(res2.status).toBe(404);
    for (const s of [c, other]) s.close();
  });

  it('limit the commands of one socket', async () => {
    const c = await fresh(undefined, strict);
    const acks = await Promise.all(Array.from({ length: 45 }, () => raw(c, 'game:next', {})));
    const codes = acks.map(code);
    expect(codes.slice(0, 40).every((x) => x === 'NOT_HOST')).toBe(true);
    expect(codes.slice(40)).toEqual(Array(5).fill('RATE_LIMITED'));
    c.close();
  });
});

describe('nicknames', () => {
  it('are unique case-insensitively, filtered, validated, and suggested', async () => {
    const game = await createGame(server, { questionCount: 1 });
    const c = await fresh();
    okData(await c.call('room:join', { code: game.code, nickname: '  Ann  ' }));
    const join = async (nickname: string) => code(await (await fresh()).call('room:join', { code: game.code, nickname }));
    expect(await join('ANN')).toBe('NICKNAME_TAKEN');
    expect(await join('Ａｎｎ')).toBe('NICKNAME_TAKEN'); // full-width letters fold to the same name
    expect(await join('fuck')).toBe('NICKNAME_PROFANE');
    expect(await join('sh1t head')).toBe('NICKNAME_PROFANE');
    expect(await join('   ')).toBe('NICKNAME_INVALID');
    expect(await join('a\u0000b')).toBe('NICKNAME_INVALID');
    expect(await join('\u200B\u200B')).toBe('NICKNAME_INVALID');
    expect(await join('x'.repeat(21))).toBe('NICKNAME_INVALID');

    const s = await fresh();
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { nickname } = okData(await s.call('nickname:suggest', { code: game.code }));
      expect(normalizeNickname(nickname)).toEqual({ ok: true, nickname });
      expect(nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      seen.add(nickname);
    }
    expect(seen.size).toBeGreaterThan(1);
    const suggested = okData(await s.call('nickname:suggest', { code: game.code })).nickname;
    const joined = okData(await s.call('room:join', { code: game.code, nickname: suggested }));
    expect(joined.view.me.nickname).toBe(suggested);
    expect(code(await s.call('nickname:suggest', { code: 'ZZZZZZ' }))).toBe('UNKNOWN_ROOM');
    for (const x of [c, s]) x.close();
  });
});

describe('joining', () => {
  it('says clearly why a room cannot be joined', async () => {
    const c = await fresh();
    expect(code(await c.call('room:check', { code: 'ZZZZZZ' }))).toBe('UNKNOWN_ROOM');
    expect(code(await c.call('room:check', { code: 'not a code' }))).toBe('BAD_PAYLOAD');

    const closedLate = await createGame(server, { questionCount: 1, allowLateJoin: false, playerCap: 1 });
    const host = await attachHost(server, closedLate);
    // Codes are forgiving about case, spaces and dashes.
    const typed = `${closedLate.code.slice(0, 3).toLowerCase()}-${closedLate.code.slice(3)}`;
    expect(okData(await c.call('room:check', { code: typed }))).toEqual({ code: closedLate.code, lateJoin: false });
    okData(await c.call('room:join', { code: typed, nickname: 'First' }));
    const d = await fresh();
    expect(code(await d.call('room:check', { code: closedLate.code }))).toBe('ROOM_FULL');
    expect(code(await d.call('room:join', { code: closedLate.code, nickname: 'Second' }))).toBe('ROOM_FULL');
    okData(await host.call('game:start', {}));
    expect(code(await d.call('room:check', { code: closedLate.code }))).toBe('LATE_JOIN_CLOSED');
    const rest = await fetch(`${server.baseUrl}/api/rooms/${closedLate.code}`, { headers: { 'x-forwarded-for': '10.1.1.1' } });
    expect(await rest.json()).toEqual({
      ok: true,
      data: { code: closedLate.code, status: 'playing', lateJoin: false, joinable: false, reason: 'LATE_JOIN_CLOSED' },
    });
    okData(await host.call('game:end', {}));
    expect(code(await d.call('room:check', { code: closedLate.code }))).toBe('GAME_FINISHED');
    expect(code(await d.call('room:join', { code: closedLate.code, nickname: 'Third' }))).toBe('GAME_FINISHED');
    for (const x of [c, d, host]) x.close();
  });

  it('creating a game needs the host secret and a valid body', async () => {
    const post = (body: unknown, headers: Record<string, string> = server.hostHeaders) =>
      fetch(`${server.baseUrl}/api/games`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await post({ deckId: 'x' }, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post({ deckId: 'x' }, { 'content-type': 'application/json', authorization: 'Bearer wrong-secret-000000' })).status).toBe(403);
    // One process holds at most 2,000 players in a room (5,000 only when processes share games).
    for (const body of [{}, { deckId: 'x', secondsPerQuestion: 4 }, { deckId: 'x', secondsPerQuestion: 121 }, { deckId: 'x', unknown: 1 }, { deckId: 'x', kinds: ['essay'] }, { deckId: 'x', playerCap: 2_001 }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', message: expect.any(String) } });
    }
    // Fewer questions than asked: the game is made with what exists, and says how many.
    const res = await post({ deckId: 'x', questionCount: 50 });
    expect(res.status).toBe(201);
    const created = (await res.json()).data;
    expect(created).toMatchObject({ questionCount: 10, joinUrl: expect.stringContaining(`/?code=${created.code}`) });
    expect(created.hostToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: created.gameId } });
    expect(row.settings).toMatchObject({ questionCount: 10, secondsPerQuestion: 20, playerCap: 500, display: 'devices' });
  });
});

describe('a client that sends "error" events', () => {
  it('gets a few log lines without the payload, however much it sends', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += chunk;
        done();
      },
    });
    const noisy = await startRoomsServer(tdb.db, {
      clock: new ManualClock(),
      logger: pino({ level: 'info' }, sink),
      rateLimits: { socket: { points: 10_000, duration: 60 } },
    });
    try {
      const c = await new TestClient(noisy.baseUrl).ready();
      const payload = 'LEAK'.repeat(3_000);
      for (let i = 0; i < 300; i++) c.socket.emit('error' as never, payload as never);
      // Still served afterwards, and the lines are few and short.
      expect(await c.call('room:check', { code: 'ZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ROOM' } });
      const lines = logged.split('\n').filter((l) => l.includes('socket error'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(3);
      expect(logged).not.toContain('LEAK');
      expect(logged.length).toBeLessThan(5_000);
      c.close();
    } finally {
      await noisy.close();
    }
  });
});
