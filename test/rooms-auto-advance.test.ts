// Auto-advance over real sockets and a real database (manual clock): a game that runs from
// its start to the podium without the host pressing anything, the host changing the setting
// live (and nobody else being able to), pause and early "next", and a restart that keeps both
// the setting and the pending advance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
  createGame,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  type JoinedPlayer,
  type RoomsServer,
  type TestClient,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();
const questions = makeQuestions(3);

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'OK' : ack.error!.code);

/** A round trip through the room's command queue: whatever the room did before has reached `c`. */
async function settle(c: TestClient): Promise<void> {
  await c.call('answer:submit', { questionId: 'none', optionIndex: 0 });
}

/** Reads question `index` and has every player answer it, which closes it. */
async function answerAll(host: TestClient, players: JoinedPlayer[], index: number) {
  await host.take('question:show');
  clock.advance(3_000);
  await host.take('question:open');
  for (const p of players) okData(await p.client.call('answer:submit', { questionId: questions[index].id, optionIndex: 0 }));
  return host.take('question:reveal');
}

describe('auto-advance over sockets', () => {
  it('plays from the start to the podium with no host command after game:start', async () => {
    const game = await createGame(server, { questionCount: 3, autoAdvanceSeconds: 5 });
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
    expect(row.settings).toMatchObject({ autoAdvanceSeconds: 5 });
    const host = await client(server);
    const view = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(view.settings.autoAdvanceSeconds).toBe(5);
    expect(view.advanceMs).toBeNull();
    const players = [await joinPlayer(server, game.code, 'Ann'), await joinPlayer(server, game.code, 'Bob')];

    okData(await host.call('game:start', {}));
    const sentByHost: string[] = [];
    host.socket.onAnyOutgoing((event: string) => sentByHost.push(event));
    for (const index of [0, 1, 2]) {
      expect(await answerAll(host, players, index)).toMatchObject({ index });
      expect(await host.take('autoAdvance:state')).toEqual({ seconds: 5, remainingMs: 5_000 });
      if (index === 2) break;
      clock.advance(4_999);
      await settle(players[0].client);
      expect(players[0].client.count('leaderboard:show')).toBe(index);
      clock.advance(1);
      expect(await players[0].client.take('leaderboard:show')).toMatchObject({ afterIndex: index });
      expect(await host.take('autoAdvance:state')).toEqual({ seconds: 5, remainingMs: 5_000 });
      clock.advance(5_000);
    }
    clock.advance(5_000);
    const podium = await players[1].client.take('podium:show');
    expect(podium.top).toHaveLength(2);
    expect(sentByHost).toEqual([]);
    // The podium stays up until the host closes it (or the room leaves memory, 10 min on).
    clock.advance(300_000);
    await settle(players[0].client);
    expect(players[0].client.count('room:closed')).toBe(0);
    for (const p of players) expect(p.client.count('autoAdvance:state')).toBe(0);
    okData(await host.call('game:next', {}));
    await host.take('room:closed');
    for (const c of [host, ...players.map((p) => p.client)]) c.close();
  });

  it('lets only the host change the setting, live, with pause and an early next still working', async () => {
    const game = await createGame(server, { questionCount: 3 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const stranger = await client(server);

    expect(code(await ann.client.call('game:autoAdvance', { seconds: 5 }))).toBe('NOT_HOST');
    expect(code(await stranger.call('game:autoAdvance', { seconds: 5 }))).toBe('NOT_HOST');
    for (const bad of [{ seconds: 2 }, { seconds: 61 }, { seconds: -5 }, { seconds: 7.5 }, { seconds: '5' }, { secs: 5 }, {}]) {
      expect(code(await host.call('game:autoAdvance', bad)), JSON.stringify(bad)).toBe('BAD_PAYLOAD');
    }
    expect(host.count('autoAdvance:state')).toBe(0);

    okData(await host.call('game:start', {}));
    await answerAll(host, [ann], 0);
    // Off: the reveal waits for the host, and there is nothing to pause.
    clock.advance(60_000);
    await settle(ann.client);
    expect(ann.client.count('leaderboard:show')).toBe(0);
    expect(code(await host.call('game:pause', {}))).toBe('WRONG_PHASE');

    // Turned on at the reveal: the wait starts now.
    okData(await host.call('game:autoAdvance', { seconds: 6 }));
    expect(await host.take('autoAdvance:state')).toEqual({ seconds: 6, remainingMs: 6_000 });
    clock.advance(2_000);
    okData(await host.call('game:pause', {}));
    expect(await ann.client.take('game:paused')).toEqual({ remainingMs: 4_000 });
    clock.advance(120_000);
    await settle(ann.client);
    expect(ann.client.count('leaderboard:show')).toBe(0);
    // A second host screen opened now sees the frozen wait.
    const screen = await client(server);
    const seen = okData(await screen.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(seen).toMatchObject({ paused: true, advanceMs: 4_000, settings: { autoAdvanceSeconds: 6 } });
    screen.close();
    okData(await host.call('game:resume', {}));
    expect(await host.take('game:resumed')).toEqual({ remainingMs: 4_000 });
    clock.advance(4_000);
    await host.take('leaderboard:show');
    await host.take('autoAdvance:state');

    // The host moves on early from the leaderboard; the next reveal waits its full 6 s again.
    clock.advance(1_000);
    okData(await host.call('game:next', {}));
    await answerAll(host, [ann], 1);
    expect(await host.take('autoAdvance:state')).toEqual({ seconds: 6, remainingMs: 6_000 });

    // Turned off at the reveal: it stays.
    okData(await host.call('game:autoAdvance', { seconds: 0 }));
    expect(await host.take('autoAdvance:state')).toEqual({ seconds: 0, remainingMs: null });
    clock.advance(60_000);
    await settle(ann.client);
    expect(ann.client.count('leaderboard:show')).toBe(1);
    okData(await host.call('game:end', {}));
    await host.take('room:closed');
    for (const c of [host, ann.client, stranger]) c.close();
  });
});

describe('auto-advance after a restart', () => {
  it('keeps the setting changed live and brings the pending advance back paused', async () => {
    const before = await startRoomsServer(tdb.db, { clock });
    const game = await createGame(before, { questionCount: 2 });
    let host = await attachHost(before, game);
    const ann = await joinPlayer(before, game.code, 'Ann');
    okData(await host.call('game:autoAdvance', { seconds: 7 }));
    okData(await host.call('game:start', {}));
    await answerAll(host, [ann], 0);
    await host.take('autoAdvance:state');
    for (const c of [host, ann.client]) c.close();
    await before.close();

    const restartedClock = new ManualClock();
    const after = await startRoomsServer(tdb.db, { clock: restartedClock });
    try {
      expect((await after.app.rooms.restore(60 * 60_000)).restored).toContain(game.gameId);
      host = await client(after);
      const view = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
      expect(view).toMatchObject({ paused: true, advanceMs: 7_000, settings: { autoAdvanceSeconds: 7 }, stage: { phase: 'reveal' } });
      // Nothing moves until the host resumes.
      restartedClock.advance(60_000);
      okData(await host.call('room:lock', { locked: false }));
      expect(host.count('leaderboard:show')).toBe(0);
      okData(await host.call('game:resume', {}));
      expect(await host.take('game:resumed')).toEqual({ remainingMs: 7_000 });
      restartedClock.advance(7_000);
      expect(await host.take('leaderboard:show')).toMatchObject({ afterIndex: 0 });
      expect(await host.take('autoAdvance:state')).toEqual({ seconds: 7, remainingMs: 7_000 });
      okData(await host.call('game:end', {}));
      host.close();
    } finally {
      await after.close();
    }
  });
});
