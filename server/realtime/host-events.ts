// Host commands. A socket becomes a host screen of one game with host:attach and the
// game's own host token (or the server's host secret), checked by the game's owner; every
// other host command is refused with NOT_HOST on any other socket.
import { fail } from '../../shared/errors.js';
import type { ClientEvent } from '../../shared/protocol.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { HostCommand } from '../rooms/live-room.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Connection, Guard, Reply } from './guard.js';
import { leaveCurrent } from './player-events.js';
import { socketLink } from './socket-link.js';

const SIMPLE: [ClientEvent, HostCommand['type']][] = [
  ['game:start', 'start'],
  ['game:next', 'next'],
  ['game:skip', 'skip'],
  ['game:pause', 'pause'],
  ['game:resume', 'resume'],
  ['game:end', 'end'],
];

export function hostEvents(guard: Guard, conn: Connection, rooms: RoomRegistry, directory: RoomDirectory): void {
  guard.on(conn, 'host:attach', async ({ gameId, hostToken }, reply) => {
    const room = await directory.byGame(gameId);
    if (!room) {
      // Only the database knows; limited per address like a resume (remembered answers are free).
      if (!rooms.past.known('game', gameId) && !(await rooms.opts.limits.lookup.take(conn.ip))) return reply(fail('RATE_LIMITED'));
      const status = await rooms.past.byGame(gameId);
      return reply(fail(status ? 'GAME_FINISHED' : 'UNKNOWN_GAME'));
    }
    // A wrong token changes nothing, not even the identity this socket had.
    if (!(await room.hostTokenMatches(hostToken))) return reply(fail('NOT_HOST'));
    await leaveCurrent(conn);
    const link = socketLink(conn.socket, room.gameId);
    await room.attachHost(link, hostToken, (ack) => {
      if (ack.ok) conn.socket.data.session = { room, link, playerId: null, hostToken };
      reply(ack);
    });
  });

  async function send(command: HostCommand, reply: Reply<null>): Promise<void> {
    const session = conn.socket.data.session;
    if (!session || session.playerId !== null) return reply(fail('NOT_HOST'));
    await session.room.hostCommand(session.link, command, reply);
  }

  for (const [event, type] of SIMPLE) {
    guard.on(conn, event as 'game:start', (_payload, reply) => send({ type } as HostCommand, reply));
  }
  guard.on(conn, 'player:kick', ({ playerId }, reply) => send({ type: 'kick', playerId }, reply));
  guard.on(conn, 'room:lock', ({ locked }, reply) => send({ type: locked ? 'lock' : 'unlock' }, reply));
  guard.on(conn, 'game:autoAdvance', ({ seconds }, reply) => send({ type: 'setAutoAdvance', seconds }, reply));
  guard.on(conn, 'team:move', ({ playerId, team }, reply) => send({ type: 'moveTeam', playerId, team }, reply));
}
