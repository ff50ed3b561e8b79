// Socket.IO wiring. Live rooms attach their handlers here.
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { AppDeps } from '../app.js';
import type { RoomRegistry } from '../rooms/registry.js';

export interface SocketLayer {
  close(): Promise<void>;
}

export function attachSockets(_io: Server<ClientToServerEvents, ServerToClientEvents>, _deps: AppDeps, _rooms: RoomRegistry): SocketLayer {
  return { close: async () => {} };
}
