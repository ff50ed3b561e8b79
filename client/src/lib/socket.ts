// Typed Socket.IO client and a promise wrapper for acknowledged commands.
import { io, type Socket } from 'socket.io-client';
import { fail, type Ack } from '../../../shared/errors.js';
import type {
  ClientAckData,
  ClientEvent,
  ClientPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../../shared/protocol.js';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function openSocket(): GameSocket {
  return io({
    // Keep retrying for as long as the page is open: phones drop Wi-Fi all the time.
    reconnection: true,
    reconnectionDelay: 400,
    reconnectionDelayMax: 3_000,
    timeout: 8_000,
  });
}

type LooseEmitter = {
  emit(event: string, payload: unknown, ack: (err: Error | null, response: unknown) => void): void;
};

/** Sends a command and resolves with its acknowledgement; a timeout becomes an error ack. */
export function command<E extends ClientEvent>(
  socket: GameSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 8_000,
): Promise<Ack<ClientAckData<E>>> {
  // The server closes a socket that stays a minute without joining or attaching; it does not
  // come back by itself after that, so the next command opens it again.
  if (!socket.connected && !socket.active) socket.connect();
  return new Promise((resolve) => {
    const emitter = socket.timeout(timeoutMs) as unknown as LooseEmitter;
    emitter.emit(event, payload, (err, response) => {
      if (err) return resolve(fail('INTERNAL', 'The server did not answer. Check your connection.'));
      const r = response as Ack<ClientAckData<E>> | undefined;
      resolve(r && typeof r === 'object' && 'ok' in r ? r : fail('INTERNAL'));
    });
  });
}
