// Socket.IO behind the rooms' transport interfaces. Each game has two Socket.IO rooms,
// one for its players and one for its host screens; a broadcast is a single
// `io.to(rooms).emit(...)`, which Socket.IO encodes once for every socket it reaches.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { LiveRoom } from '../rooms/live-room.js';
import type { Channel, Link, RoomChannels } from '../rooms/transport.js';

/** Who a socket is in which room: a player (with id) or a host screen (playerId null). */
export interface Session {
  room: LiveRoom;
  link: Link;
  playerId: string | null;
}

export interface SocketData {
  session?: Session;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function channelName(gameId: string, channel: Channel): string {
  return `${gameId}#${channel === 'players' ? 'p' : 'h'}`;
}

export function socketChannels(io: IoServer, gameId: string): RoomChannels {
  const names = { players: channelName(gameId, 'players'), hosts: channelName(gameId, 'hosts') };
  return {
    emit(channels, event, payload) {
      const target = channels.length === 1 ? names[channels[0]] : channels.map((c) => names[c]);
      // Typed per event at the interface; Socket.IO's own generics cannot follow a union here.
      (io.to(target).emit as (e: string, p: unknown) => boolean)(event, payload);
    },
  };
}

export function socketLink(socket: IoSocket, gameId: string): Link {
  const link: Link = {
    id: socket.id,
    join(channel) {
      void socket.join(channelName(gameId, channel));
    },
    send(event, payload) {
      (socket.emit as (e: string, p: unknown) => boolean)(event, payload);
    },
    leave(close) {
      void socket.leave(channelName(gameId, 'players'));
      void socket.leave(channelName(gameId, 'hosts'));
      if (socket.data.session?.link === link) socket.data.session = undefined;
      // disconnect(true) closes the connection after the packets already queued for it
      // (such as player:kicked) have been written.
      if (close) socket.disconnect(true);
    },
  };
  return link;
}
