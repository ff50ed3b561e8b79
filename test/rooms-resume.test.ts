// Sessions: a player who refreshes or loses the network comes back with their token and
// sees the current phase exactly as the room does; one socket per session; kicked
// sessions stay out; finished rooms say so even after they left memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlayerView } from '../shared/game-types.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
  createGame,
  eventually,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  type CreatedGame,
  type RoomsServer,
  type TestClient,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();
const KEEP_MS = 60_000;
const questions = makeQuestions(2);

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock, rooms: { keepFinishedMs: KEEP_MS } });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'OK' : ack.error!.code);

describe('resume', () => {
  it('gives back every phase exactly as the room sees it', async () => {
    const game = await createGame(server, { questionCount: 2, secondsPerQuestion: 10 });
    const host = await attachHost(server, game);
    const first = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    let ann: TestClient = first.client;
    const sockets: TestClient[] = [host, ann, bob.client];
    await host.take('player:joined');
    await host.take('player:joined');

    /** Ann drops her connection and comes back on a new one; a second host screen
     *  attaching at the same moment shows what the room sees. */
    async function refresh(): Promise<{ view: PlayerView; room: PlayerView['stage'] }> {
      ann.close();
      await host.take('player:left');
      ann = await client(server);
      sockets.push(ann);
      const back = okData(await ann.call('room:resume', { token: first.token }));
      expect(back).toMatchObject({ playerId: first.playerId, token: first.token });
      expect(await host.take('player:joined')).toMatchObject({ rejoined: true, player: { nickname: 'Ann', connected: true } });
      expect(await ann.take('game:state')).toEqual(back.view);
      const screen = await client(server);
      const hostView = okData(await screen.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
      screen.close();
      return { view: back.view, room: hostView.stage };
    }

    let r = await refresh();
    expect(r.view.stage).toEqual({ phase: 'lobby' });
    expect(r.view.me).toMatchObject({ nickname: 'Ann', score: 0, rank: null });

    okData(await host.call('game:start', {}));
    const show = await bob.client.take('question:show');
    clock.advance(1_000);
    r = await refresh();
    expect(r.view.stage).toEqual(r.room);
    expect(r.view.stage).toEqual({ phase: 'reading', question: show.question, remainingMs: 2_000 });

    clock.advance(2_000);
    const open = await bob.client.take('question:open');
    okData(await ann.call('answer:submit', { questionId: 'q1', optionIndex: questions[0].answerIndex }));
    clock.advance(1_500);
    r = await refresh();
    expect(r.view.stage).toEqual(r.room);
    expect(r.view.stage).toEqual({ phase: 'answering', question: open.question, remainingMs: 8_500, answered: 1, total: 2 });
    expect(r.view.myAnswer).toBe(questions[0].answerIndex);

    okData(await bob.client.call('answer:submit', { questionId: 'q1', optionIndex: 0 }));
    const reveal = await bob.client.take('question:reveal');
    const result = await ann.take('player:result');
    r = await refresh();
    expect(r.view.stage).toEqual(r.room);
    expect(r.view.stage).toEqual({ phase: 'reveal', question: open.question, reveal });
    expect(r.view.myResult).toEqual(result);
    expect(r.view.me).toMatchObject({ score: result.score, rank: 1, streak: 1 });

    okData(await host.call('game:next', {}));
    const board = await bob.client.take('leaderboard:show');
    r = await refresh();
    expect(r.view.stage).toEqual({ phase: 'leaderboard', leaderboard: board });
    expect(r.view.stage).toEqual(r.room);

    // Second question skipped by the host while being read.
    okData(await host.call('game:next', {}));
    await bob.client.take('question:show');
    okData(await host.call('game:skip', {}));
    const skipped = await bob.client.take('question:reveal');
    expect(skipped.skipped).toBe(true);
    r = await refresh();
    expect(r.view.stage).toMatchObject({ phase: 'reveal', reveal: skipped });
    expect(r.view.stage).toEqual(r.room);
    expect(r.view.me.score).toBe(result.score); // kept across every reconnect

    okData(await host.call('game:next', {}));
    const podium = await bob.client.take('podium:show');
    r = await refresh();
    expect(r.view.stage).toEqual({ phase: 'podium', podium });
    expect(r.view.stage).toEqual(r.room);

    okData(await host.call('game:next', {}));
    await bob.client.take('room:closed');
    r = await refresh();
    expect(r.view.stage).toEqual({ phase: 'ended', podium });

    // Once the room has left memory, the token and the code say the game is over.
    clock.advance(KEEP_MS);
    await eventually(async () => {
      const late = await client(server);
      const ack = await late.call('room:resume', { token: first.token });
      late.close();
      expect(code(ack)).toBe('GAME_FINISHED');
    });
    const probe = await client(server);
    expect(code(await probe.call('room:check', { code: game.code }))).toBe('GAME_FINISHED');
    expect(code(await probe.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }))).toBe('GAME_FINISHED');
    expect(code(await probe.call('room:resume', { token: 'x'.repeat(43) }))).toBe('BAD_TOKEN');
    probe.close();
    for (const s of sockets) s.close();
  });

  it('keeps one socket per session: a second one replaces the first', async () => {
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    await host.take('player:joined');
    const tab = await client(server);
    const closed = ann.client.closed();
    okData(await tab.call('room:resume', { token: ann.token }));
    expect(await closed).toBe('io server disconnect');
    // The player never looked offline, so the host saw no leave and no rejoin.
    okData(await host.call('room:lock', { locked: false }));
    expect(host.count('player:left')).toBe(0);
    expect(host.count('player:joined')).toBe(1);
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await tab.take('question:open');
    okData(await tab.call('answer:submit', { questionId: 'q1', optionIndex: 0 }));
    for (const c of [host, tab]) c.close();
  });

  it('keeps a disconnected player in the game with their score', async () => {
    const game = await createGame(server, { questionCount: 2 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await ann.client.take('question:open');
    okData(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: questions[0].answerIndex }));
    // Bob leaves mid-question: answers close because nobody else is left to wait for.
    bob.client.close();
    expect(await host.take('player:left')).toEqual({ playerId: bob.playerId, reason: 'disconnected', total: 2 });
    await host.take('question:reveal');
    const view = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(view.players.map((p) => [p.nickname, p.connected])).toEqual([['Ann', true], ['Bob', false]]);
    ann.client.close();
    const annBack = await client(server);
    const back = okData(await annBack.call('room:resume', { token: ann.token }));
    expect(back.view.me.score).toBeGreaterThan(0);
    for (const c of [host, annBack]) c.close();
  });
});

describe('kick', () => {
  async function lobbyWithBob(): Promise<{ game: CreatedGame; host: TestClient; bob: Awaited<ReturnType<typeof joinPlayer>> }> {
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    const bob = await joinPlayer(server, game.code, 'Bob');
    return { game, host, bob };
  }

  it('removes the player, and neither the token nor the nickname gets them back', async () => {
    const { game, host, bob } = await lobbyWithBob();
    const closed = bob.client.closed();
    okData(await host.call('player:kick', { playerId: bob.playerId }));
    expect(await bob.client.take('player:kicked')).toMatchObject({ message: expect.any(String) });
    expect(await closed).toBe('io server disconnect');
    expect(await host.take('player:left')).toEqual({ playerId: bob.playerId, reason: 'kicked', total: 0 });

    const again = await client(server);
    expect(code(await again.call('room:resume', { token: bob.token }))).toBe('KICKED');
    expect(code(await again.call('room:join', { code: game.code, nickname: 'BOB' }))).toBe('NICKNAME_TAKEN');
    const view = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(view.players).toEqual([]);
    // Still out after the game started, too.
    okData(await again.call('room:join', { code: game.code, nickname: 'Someone' }));
    okData(await host.call('game:start', {}));
    const third = await client(server);
    expect(code(await third.call('room:resume', { token: bob.token }))).toBe('KICKED');
    await eventually(async () => {
      const kicked = await tdb.db.prisma.player.findUniqueOrThrow({ where: { id: `${game.gameId}-${bob.playerId}` } });
      expect(kicked.kickedAt).not.toBeNull();
    });
    for (const c of [host, again, third]) c.close();
  });

  it('and lock keep newcomers out until unlocked', async () => {
    const { game, host, bob } = await lobbyWithBob();
    okData(await host.call('room:lock', { locked: true }));
    const newcomer = await client(server);
    expect(code(await newcomer.call('room:check', { code: game.code }))).toBe('ROOM_LOCKED');
    expect(code(await newcomer.call('room:join', { code: game.code, nickname: 'Cy' }))).toBe('ROOM_LOCKED');
    // A locked room still lets its own players back in.
    bob.client.close();
    const bobBack = await client(server);
    okData(await bobBack.call('room:resume', { token: bob.token }));
    okData(await host.call('room:lock', { locked: false }));
    okData(await newcomer.call('room:join', { code: game.code, nickname: 'Cy' }));
    // Players cannot act as the host.
    expect(code(await newcomer.call('game:start', {}))).toBe('NOT_HOST');
    expect(code(await newcomer.call('player:kick', { playerId: 'p1' }))).toBe('NOT_HOST');
    expect(code(await newcomer.call('host:attach', { gameId: game.gameId, hostToken: 'not-the-token-000000' }))).toBe('NOT_HOST');
    for (const c of [host, newcomer, bobBack]) c.close();
  });
});

describe('room lifetime', () => {
  it('ends a room left idle, tells its players, and drops it later', async () => {
    const game = await createGame(server, { questionCount: 1 });
    const ann = await joinPlayer(server, game.code, 'Ann');
    // Nobody starts the game: after the idle limit (6 h) the sweep ends it.
    clock.advance(6 * 60 * 60_000 + 10 * 60_000);
    expect(await ann.client.take('room:closed')).toEqual({ reason: 'ended-by-host', gameId: game.gameId });
    const probe = await client(server);
    expect(code(await probe.call('room:check', { code: game.code }))).toBe('GAME_FINISHED');
    clock.advance(KEEP_MS);
    await eventually(async () => expect(server.app.rooms.findByGame(game.gameId)).toBeUndefined());
    expect(code(await probe.call('room:check', { code: game.code }))).toBe('GAME_FINISHED');
    for (const c of [probe, ann.client]) c.close();
  });
});
