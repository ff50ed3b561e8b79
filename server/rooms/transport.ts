// What a live room needs from the network, without knowing it is Socket.IO. The realtime
// layer implements both interfaces; tests of the room could implement them in memory.
import type { ServerEvent, ServerPayload } from '../../shared/protocol.js';

/** Players and hosts of a room are two channels, so that 'host-only' display can send the
 *  host screen the full question and the players' devices only the answer buttons. */
export type Channel = 'players' | 'hosts';

/** The players' channel is cut by seat into slices of at most this many players, so that
 *  one room-wide broadcast is several short emits instead of one long synchronous one
 *  (250 sockets: 7–20 ms of writes on the benchmark machine; see docs/performance.md). */
export const PLAYER_SLICE_SIZE = 250;

/** The players' slice a seat belongs to. */
export function sliceOfSeat(seat: number): number {
  return Math.floor(seat / PLAYER_SLICE_SIZE);
}

/** How many players' slices a room with that many seats has. */
export function sliceCount(seats: number): number {
  return Math.ceil(seats / PLAYER_SLICE_SIZE);
}

export interface RoomChannels {
  /** One emit to the host screens: serialised once, never a loop over sockets. */
  emitHosts<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void;
  /** One emit to one players' slice: serialised once for the slice, never per player. */
  emitPlayerSlice<E extends ServerEvent>(slice: number, event: E, payload: ServerPayload<E>): void;
}

/** One client connection as a room sees it. */
export interface Link {
  readonly id: string;
  /** False once the connection has gone (a join is seated only on a live connection). */
  readonly connected: boolean;
  /** Starts receiving the room's broadcasts for that channel; players give their slice. */
  join(channel: Channel, slice?: number): void;
  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void;
  /** Stops receiving the room's broadcasts and forgets the identity it had in the room;
   *  with `close`, also ends the connection (kicked, or replaced by a newer one). */
  leave(close: boolean): void;
}
