// Durability of a live game: an answer is acknowledged only once it is stored (answers of
// the same moment share one write), everything is stored before a question's reveal goes out,
// a failing database is retried without stopping the game, and shutdown flushes the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaGameStore, type GameStore, type GameWrite } from '../server/rooms/game-store.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
  createGame,
  eventually,
  joinPlayer,
  ManualClock,
  okData,
  startRoomsServer,
  type RoomsServer,
} from './support/socket-clients.js';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});

afterAll(async () => {
  await tdb?.drop();
});

/** The real store, with switches that make writes fail or hang (all of them, or those that
 *  carry one game), and a log of what each write call carried. */
function flakyStore(): GameStore & { down: boolean; failing: Set<string>; failures: number; batches: GameWrite[]; calls: string[][]; hold: Promise<void> | null } {
  const real = prismaGameStore(tdb.db.prisma);
  const store = {
    ...real,
    down: false,
    failing: new Set<string>(),
    failures: 0,
    batches: [] as GameWrite[],
    calls: [] as string[][],
    hold: null as Promise<void> | null,
    async write(batches: readonly GameWrite[]) {
      if (store.hold) await store.hold;
      store.calls.push(batches.map((b) => b.gameId));
      if (store.down || batches.some((b) => store.failing.has(b.gameId))) {
        store.failures++;
        throw new Error('database unavailable');
      }
      store.batches.push(...batches);
      return real.write(batches);
    },
  };
  return store;
}

async function answersOf(gameId: string) {
  return tdb.db.prisma.answer.count({ where: { gameId } });
}

describe('answer persistence', () => {
  let server: RoomsServer;
  const clock = new ManualClock();
  let store: ReturnType<typeof flakyStore>;

  beforeAll(async () => {
    store = flakyStore();
    server = await startRoomsServer(tdb.db, {
      clock,
      gameStore: store,
      rooms: { writer: { delayMs: 10_000, retryDelaysMs: [20, 40], revealAttempts: 2, revealWaitMs: 300 } },
    });
  });
  afterAll(async () => server?.close());

  it('acknowledges an answer only once it is stored, and stores everything before the reveal', async () => {
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    const players = await Promise.all(['Ann', 'Bob', 'Cy'].map((n) => joinPlayer(server, game.code, n)));
    // Joining waited for the player rows, though the write delay is long.
    expect(await tdb.db.prisma.player.count({ where: { gameId: game.gameId } })).toBe(3);
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await players[0].client.take('question:open');
    let acked = 0;
    for (const p of players.slice(0, 2)) {
      okData(await p.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 }));
      acked++;
      // The row is there the moment the ack arrives.
      expect(await answersOf(game.gameId)).toBe(acked);
    }
    okData(await players[2].client.call('answer:submit', { questionId: 'q1', optionIndex: 0 }));
    await host.take('question:reveal');
    expect(await answersOf(game.gameId)).toBe(3);
    // The reveal's phase change is stored too: the snapshot a restart would start from.
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
    expect((row.snapshot as { state: { phase: string } }).state.phase).toBe('reveal');
    for (const c of [host, ...players.map((p) => p.client)]) c.close();
  });

  it('holds an ack while the database fails, keeps the game going, and acks once it is back', async () => {
    const game = await createGame(server, { questionCount: 2 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await ann.client.take('question:open');
    store.down = true;
    let ack: unknown = null;
    const submitted = ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 }).then((a) => (ack = a));
    // The reveal still comes (after the quick attempts), counts the answer, and the game goes on.
    const reveal = (await host.take('question:reveal')) as { counts: number[] };
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(store.failures).toBeGreaterThanOrEqual(2);
    expect(ack).toBeNull();
    expect(await answersOf(game.gameId)).toBe(0);
    okData(await host.call('game:next', {}));
    await ann.client.take('leaderboard:show');
    store.down = false;
    // The retry stores the answer, and only then is it acknowledged.
    okData((await submitted) as never);
    expect(await answersOf(game.gameId)).toBe(1);
    okData(await host.call('game:end', {}));
    await eventually(async () => {
      const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
      expect(row.status).toBe('ended-by-host');
    });
    for (const c of [host, ann.client]) c.close();
  });

  it('writes rooms whose questions close together in one batch, and one failing game does not hold back another', async () => {
    const games = [await createGame(server, { questionCount: 1 }), await createGame(server, { questionCount: 1 })];
    const hosts = await Promise.all(games.map((g) => attachHost(server, g)));
    const players = await Promise.all(games.map((g) => joinPlayer(server, g.code, 'Ann')));
    // A second player in each room who does not answer, so the rooms wait for their deadline.
    const idle = await Promise.all(games.map((g) => joinPlayer(server, g.code, 'Idle')));
    for (const h of hosts) okData(await h.call('game:start', {}));
    clock.advance(3_000);
    for (const p of players) await p.client.take('question:open');
    for (const p of players) okData(await p.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 }));
    // Both answer deadlines come due in the same moment: one write call carries both games.
    store.calls.length = 0;
    clock.advance(10_500);
    for (const h of hosts) await h.take('question:reveal');
    expect(store.calls.filter((c) => c.length > 1).map((c) => [...c].sort())).toEqual([games.map((g) => g.gameId).sort()]);
    for (const g of games) expect(await answersOf(g.gameId)).toBe(1);
    for (const c of [...hosts, ...players.map((p) => p.client), ...idle.map((p) => p.client)]) c.close();

    // Same again, with the first game's writes failing: the second one's still land.
    const next = [await createGame(server, { questionCount: 1 }), await createGame(server, { questionCount: 1 })];
    const nextHosts = await Promise.all(next.map((g) => attachHost(server, g)));
    const nextPlayers = await Promise.all(next.map((g) => joinPlayer(server, g.code, 'Bob')));
    const nextIdle = await Promise.all(next.map((g) => joinPlayer(server, g.code, 'Idle')));
    for (const h of nextHosts) okData(await h.call('game:start', {}));
    clock.advance(3_000);
    for (const p of nextPlayers) await p.client.take('question:open');
    store.failing.add(next[0].gameId);
    // The failing game's answer waits for its ack; the other game's is stored and acked.
    const held = nextPlayers[0].client.call('answer:submit', { questionId: 'q1', optionIndex: 2 });
    okData(await nextPlayers[1].client.call('answer:submit', { questionId: 'q1', optionIndex: 2 }));
    clock.advance(10_500);
    for (const h of nextHosts) await h.take('question:reveal');
    expect(await answersOf(next[1].gameId)).toBe(1);
    expect(await answersOf(next[0].gameId)).toBe(0);
    store.failing.clear();
    // The failed game's rows are retried in the background; the ack follows them.
    okData(await held);
    expect(await answersOf(next[0].gameId)).toBe(1);
    for (const c of [...nextHosts, ...nextPlayers.map((p) => p.client), ...nextIdle.map((p) => p.client)]) c.close();
  });
});

describe('a hung database', () => {
  it('delays a reveal by at most the reveal wait, and the ack comes when the write lands', async () => {
    const clock = new ManualClock();
    const store = flakyStore();
    const server = await startRoomsServer(tdb.db, {
      clock,
      gameStore: store,
      rooms: { writer: { delayMs: 10_000, revealWaitMs: 300 } },
    });
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await ann.client.take('question:open');
    let release = () => {};
    store.hold = new Promise<void>((resolve) => (release = resolve));
    const sent = Date.now();
    const submitted = ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 });
    await ann.client.take('question:reveal');
    expect(Date.now() - sent).toBeGreaterThanOrEqual(250);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(await answersOf(game.gameId)).toBe(0);
    store.hold = null;
    release();
    okData(await submitted);
    expect(await answersOf(game.gameId)).toBe(1);
    for (const c of [host, ann.client]) c.close();
    await server.close();
  });
});

describe('a join whose connection goes before its row is stored', () => {
  it('leaves the player in the game, offline, not online on a dead socket', async () => {
    const clock = new ManualClock();
    const store = flakyStore();
    const server = await startRoomsServer(tdb.db, { clock, gameStore: store });
    const game = await createGame(server, { questionCount: 1 });
    const host = await attachHost(server, game);
    let release = () => {};
    store.hold = new Promise<void>((resolve) => (release = resolve));
    const c = await client(server);
    okData(await c.call('room:check', { code: game.code }));
    c.socket.emit('room:join', { code: game.code, nickname: 'Gone' }, () => {});
    await host.take('player:joined');
    c.close();
    await new Promise((r) => setTimeout(r, 50));
    store.hold = null;
    release();
    await eventually(async () => {
      const view = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
      expect(view.players.map((p) => [p.nickname, p.connected])).toEqual([['Gone', false]]);
    });
    host.close();
    await server.close();
  });
});

describe('shutdown', () => {
  it('flushes pending writes in closeAll', async () => {
    const clock = new ManualClock();
    const server = await startRoomsServer(tdb.db, { clock, rooms: { writer: { delayMs: 60_000 } } });
    const game = await createGame(server, { questionCount: 2 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await ann.client.take('question:open');
    okData(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 2 }));
    expect(await answersOf(game.gameId)).toBe(1);
    // No ack waits for a pause: its snapshot stays queued behind the long write delay.
    okData(await host.call('game:pause', {}));
    const pausedAt = async () => {
      const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
      return (row.snapshot as { state: { pausedAt: number | null } }).state.pausedAt;
    };
    expect(await pausedAt()).toBeNull();
    await server.close();
    expect(await pausedAt()).not.toBeNull();
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
    expect(row.status).toBe('playing');
    for (const c of [host, ann.client, bob.client]) c.close();
  });
});
