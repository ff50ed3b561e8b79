// What a live room needs from the network, without knowing it is Socket.IO. The realtime
// layer implements both interfaces; tests of the room could implement them in memory.
import type { ServerEvent, ServerPayload } from '../../shared/protocol.js';

/** Players and hosts of a room are two channels, so that 'host-only' display can send the
 *  host screen the full question and the players' devices only the answer buttons. */
export type Channel = 'players' | 'hosts';

export interface RoomChannels {
  /** One emit for the whole channel(s): serialised once, never a loop over sockets. */
  emit<E extends ServerEvent>(channels: readonly Channel[], event: E, payload: ServerPayload<E>): void;
}

/** One client connection as a room sees it. */
export interface Link {
  readonly id: string;
  /** Starts receiving the room's broadcasts for that channel. */
  join(channel: Channel): void;
  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void;
  /** Stops receiving the room's broadcasts and forgets the identity it had in the room;
   *  with `close`, also ends the connection (kicked, or replaced by a newer one). */
  leave(close: boolean): void;
}
