// Socket.IO behind the rooms' transport interfaces. Each game has one Socket.IO room for
// its host screens (`<gameId>#h`) and one per slice of at most PLAYER_SLICE_SIZE players,
// by seat (`<gameId>#p0`, `<gameId>#p1`, …); an emit is a single `io.to(room).emit(...)`,
// which Socket.IO encodes once for every socket it reaches.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { RoomHandle } from '../rooms/room-handle.js';
import type { InterServerEvents } from '../scale/messages.js';
import type { Channel, Link, RoomChannels } from '../rooms/transport.js';

/** Who a socket is in which room: a player (with id) or a host screen (playerId null). */
export interface Session {
  room: RoomHandle;
  link: Link;
  playerId: string | null;
  /** A player's session token hash, a host screen's token: kept so that, when another
   *  process takes the game over, this connection can be seated there again. */
  tokenHash?: string;
  hostToken?: string;
}

export interface SocketData {
  session?: Session;
  /** The client's address, as the connection cap counted it. */
  ip?: string;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The Socket.IO room of a channel; players' channels are per slice. */
export function channelName(gameId: string, channel: Channel, slice = 0): string {
  return channel === 'players' ? `${gameId}#p${slice}` : `${gameId}#h`;
}

export function socketChannels(io: IoServer, gameId: string): RoomChannels {
  const hosts = channelName(gameId, 'hosts');
  // Typed per event at the interface; Socket.IO's own generics cannot follow a union here.
  const emitTo = (room: string, event: string, payload: unknown) => (io.to(room).emit as (e: string, p: unknown) => boolean)(event, payload);
  return {
    emitHosts(event, payload) {
      emitTo(hosts, event, payload);
    },
    emitPlayerSlice(slice, event, payload) {
      emitTo(channelName(gameId, 'players', slice), event, payload);
    },
  };
}

export function socketLink(socket: IoSocket, gameId: string): Link {
  // The Socket.IO rooms this link joined, so that leaving takes it out of exactly those.
  const joined = new Set<string>();
  const link: Link = {
    id: socket.id,
    get connected() {
      return socket.connected;
    },
    join(channel, slice = 0) {
      const name = channelName(gameId, channel, slice);
      joined.add(name);
      void socket.join(name);
    },
    send(event, payload) {
      (socket.emit as (e: string, p: unknown) => boolean)(event, payload);
    },
    leave(close) {
      for (const name of joined) void socket.leave(name);
      joined.clear();
      if (socket.data.session?.link === link) socket.data.session = undefined;
      // disconnect(true) closes the connection after the packets already queued for it
      // (such as player:kicked) have been written.
      if (close) socket.disconnect(true);
    },
  };
  return link;
}
