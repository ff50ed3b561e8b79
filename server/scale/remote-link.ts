// A connection that lives in another process of the service, as the owner's room sees it.
// Every call is one of Socket.IO's adapter operations on that socket id (join and leave a
// room, emit, disconnect), which the Redis adapter carries to the process holding the
// socket. The owner publishes them on one Redis connection, in order, so a player's seat,
// ack and the next broadcast reach them in the order the room made them.
import type { IoServer } from '../realtime/socket-link.js';
import { channelName } from '../realtime/socket-link.js';
import type { Link } from '../rooms/transport.js';

export interface RemoteLink extends Link {
  /** Set false when the connection's process says it went away. */
  connected: boolean;
}

export function remoteLink(io: IoServer, socketId: string, gameId: string): RemoteLink {
  const joined = new Set<string>();
  return {
    id: socketId,
    connected: true,
    join(channel, slice = 0) {
      const name = channelName(gameId, channel, slice);
      joined.add(name);
      io.in(socketId).socketsJoin(name);
    },
    send(event, payload) {
      (io.to(socketId).emit as (e: string, p: unknown) => boolean)(event, payload);
    },
    leave(close) {
      if (joined.size > 0) io.in(socketId).socketsLeave([...joined]);
      joined.clear();
      if (close) io.in(socketId).disconnectSockets(true);
    },
  };
}
