// Socket.IO wiring: every connection gets the guarded player and host handlers; a socket
// that goes away is detached from its room (the player stays in the game, offline).
import type { AppDeps } from '../app.js';
import { Limiter } from '../rooms/rate-limits.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { RoomRegistry } from '../rooms/registry.js';
import { clientIp, createGuard, type Connection } from './guard.js';
import { hostEvents } from './host-events.js';
import { playerEvents } from './player-events.js';
import type { IoServer } from './socket-link.js';

export interface SocketLayer {
  close(): Promise<void>;
}

/** Which hops of X-Forwarded-For to believe (Express's compiled "trust proxy"). */
export type TrustProxy = (address: string, hop: number) => boolean;

export function attachSockets(io: IoServer, deps: AppDeps, rooms: RoomRegistry, directory: RoomDirectory, trust: TrustProxy): SocketLayer {
  const guard = createGuard(rooms.opts.limits, deps.logger);
  const perAddress = new Map<string, number>();
  const maxPerAddress = deps.connectionsPerAddress ?? 500;
  const idleMs = deps.idleSocketMs ?? 60_000;

  // Connections per address are capped before any handler exists for the socket.
  io.use((socket, next) => {
    const ip = clientIp(socket, trust);
    const open = perAddress.get(ip) ?? 0;
    if (open >= maxPerAddress) return next(new Error('TOO_MANY_CONNECTIONS'));
    perAddress.set(ip, open + 1);
    socket.data.ip = ip;
    socket.once('disconnect', () => {
      const left = (perAddress.get(ip) ?? 1) - 1;
      if (left > 0) perAddress.set(ip, left);
      else perAddress.delete(ip);
    });
    next();
  });
  // A client can send an event named "error" with any payload: log that it happened, never
  // what it carried, and at most a few lines per socket a minute.
  const errorLogs = new Limiter({ points: 3, duration: 60 });

  io.on('connection', (socket) => {
    const conn: Connection = { socket, ip: socket.data.ip ?? clientIp(socket, trust), chain: Promise.resolve() };
    // A socket that neither joins nor attaches in time only holds memory: close it.
    const idle = setTimeout(() => {
      if (!socket.data.session) socket.disconnect(true);
    }, idleMs);
    idle.unref();
    guard.rejectUnknown(conn);
    playerEvents(guard, conn, rooms, directory);
    hostEvents(guard, conn, rooms, directory);
    socket.on('disconnect', () => {
      clearTimeout(idle);
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
