// The phones' lobby list: every player learns how many are in and who (newest first), at
// most once a second however many join meanwhile, kicked players drop out of it, and it
// stops once the game has started. Real sockets, a real database, the room clock by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOBBY_NAMES_SHOWN } from '../shared/game-types.js';
import { LOBBY_ROSTER_EVERY_MS } from '../server/rooms/live-room.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { attachHost, client, createGame, eventually, ManualClock, okData, startRoomsServer, type RoomsServer } from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

async function join(code: string, nickname: string) {
  const c = await client(server);
  const joined = okData(await c.call('room:join', { code, nickname }));
  return { client: c, ...joined };
}

describe('the lobby list on the phones', () => {
  it('sends the count and the names, coalesced to one send a second, without kicked players', async () => {
    const game = await createGame(server, { questionCount: 2, secondsPerQuestion: 10 });
    const host = await attachHost(server, game);
    const ann = await join(game.code, 'Ann');
    expect(ann.view.lobby).toEqual({ count: 1, names: ['Ann'] });

    const bob = await join(game.code, 'Bob');
    const cy = await join(game.code, 'Cy');
    expect(cy.view.lobby).toEqual({ count: 3, names: ['Cy', 'Bob', 'Ann'] });
    // Three joins, one send: the list as it stands when it goes out.
    clock.advance(0);
    expect(await ann.client.take('lobby:roster')).toEqual({ count: 3, names: ['Cy', 'Bob', 'Ann'] });
    expect(await bob.client.take('lobby:roster')).toEqual({ count: 3, names: ['Cy', 'Bob', 'Ann'] });

    // The next change waits for the rest of the second.
    const dee = await join(game.code, 'Dee');
    clock.advance(LOBBY_ROSTER_EVERY_MS / 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ann.client.count('lobby:roster')).toBe(1);
    clock.advance(LOBBY_ROSTER_EVERY_MS / 2);
    expect(await ann.client.take('lobby:roster')).toEqual({ count: 4, names: ['Dee', 'Cy', 'Bob', 'Ann'] });
    expect(await dee.client.take('lobby:roster')).toEqual({ count: 4, names: ['Dee', 'Cy', 'Bob', 'Ann'] });

    okData(await host.call('player:kick', { playerId: bob.playerId }));
    clock.advance(LOBBY_ROSTER_EVERY_MS);
    expect(await dee.client.take('lobby:roster')).toEqual({ count: 3, names: ['Dee', 'Cy', 'Ann'] });
    expect(await ann.client.take('lobby:roster')).toEqual({ count: 3, names: ['Dee', 'Cy', 'Ann'] });

    // Once the game runs, a late joiner does not make the phones redraw a lobby.
    okData(await host.call('game:start', {}));
    await ann.client.take('question:show');
    await join(game.code, 'Eve');
    clock.advance(LOBBY_ROSTER_EVERY_MS);
    await eventually(() => expect(host.count('player:joined')).toBe(5));
    expect(ann.client.count('lobby:roster')).toBe(3);
    for (const c of [host, ann.client, bob.client, cy.client, dee.client]) c.close();
  });

  it('lists the newest names only in a big lobby, with the full count', async () => {
    const game = await createGame(server, { questionCount: 2, secondsPerQuestion: 10 });
    const players = [];
    for (let i = 0; i < LOBBY_NAMES_SHOWN + 5; i++) players.push(await join(game.code, `Player ${i}`));
    clock.advance(0);
    const roster = await players[0].client.take('lobby:roster');
    expect(roster.count).toBe(LOBBY_NAMES_SHOWN + 5);
    expect(roster.names).toHaveLength(LOBBY_NAMES_SHOWN);
    expect(roster.names[0]).toBe(`Player ${LOBBY_NAMES_SHOWN + 4}`);
    for (const p of players) p.client.close();
  });
});
