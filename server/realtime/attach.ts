// Socket.IO wiring: every connection gets the guarded player and host handlers; a socket
// that goes away is detached from its room (the player stays in the game, offline).
import type { AppDeps } from '../app.js';
import { Limiter } from '../rooms/rate-limits.js';
import type { RoomRegistry } from '../rooms/registry.js';
import { clientIp, createGuard, type Connection } from './guard.js';
import { hostEvents } from './host-events.js';
import { playerEvents } from './player-events.js';
import type { IoServer } from './socket-link.js';

export interface SocketLayer {
  close(): Promise<void>;
}

export function attachSockets(io: IoServer, deps: AppDeps, rooms: RoomRegistry): SocketLayer {
  const guard = createGuard(rooms.opts.limits, deps.logger);
  // A client can send an event named "error" with any payload: log that it happened, never
  // what it carried, and at most a few lines per socket a minute.
  const errorLogs = new Limiter({ points: 3, duration: 60 });

  io.on('connection', (socket) => {
    const conn: Connection = { socket, ip: clientIp(socket), chain: Promise.resolve() };
    guard.rejectUnknown(conn);
    playerEvents(guard, conn, rooms);
    hostEvents(guard, conn, rooms, deps.hostToken);
    socket.on('disconnect', () => {
      // Queued behind this socket's pending commands: a join still in flight completes
      // first and is then detached, instead of leaving a player "online" on a dead socket.
      conn.chain = conn.chain.then(async () => {
        const session = socket.data.session;
        socket.data.session = undefined;
        if (session) await session.room.detach(session.link, session.playerId);
      }).catch((err) => deps.logger.error({ err }, 'detach failed'));
    });
    // A socket-level error (e.g. a malformed packet) must never reach the process.
    socket.on('error', (err: unknown) => {
      void errorLogs.take(socket.id).then((allowed) => {
        if (!allowed) return;
        const what = err instanceof Error ? { error: err.name, message: err.message.slice(0, 120) } : { error: typeof err };
        deps.logger.warn({ ...what, socket: socket.id }, 'socket error');
      });
    });
  });

  return {
    async close() {
      io.disconnectSockets(true);
    },
  };
}
