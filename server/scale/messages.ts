// What the processes of one service say to each other, through Socket.IO's server-side
// events (carried by the Redis adapter). A command for a game goes to every other process;
// only the game's owner runs it and answers, the others answer null at once.
import type { Ack } from '../../shared/errors.js';
import type { HostCommand } from '../rooms/live-room.js';
import type { JoinRequest } from '../rooms/room-handle.js';

/** One command, with what the sending process verified: the connection it came from
 *  (`linkId`, a Socket.IO socket id) and, for answers, the player id the owner seated that
 *  connection as. The client's own payload never names a player. */
export type ForwardedCommand = { gameId: string; linkId: string } & CommandBody;

export type CommandBody =
  | { op: 'info' | 'suggest' }
  | { op: 'hostOk'; hostToken: string }
  | { op: 'join'; request: JoinRequest }
  | { op: 'resume'; tokenHash: string }
  | { op: 'attach'; hostToken: string }
  | { op: 'host'; command: HostCommand }
  | { op: 'submit'; playerId: string; questionId: string; optionIndex: number }
  | { op: 'detach'; playerId: string | null };

/** The owner's answer: the command's ack, as its own client would have got it. */
export interface ForwardReply {
  ack: Ack<unknown>;
}

export interface InterServerEvents {
  'qn:cmd': (command: ForwardedCommand, answer: (reply: ForwardReply | null) => void) => void;
  /** This process now owns the game (it took it over): seat your connections there again. */
  'qn:owner': (gameId: string) => void;
}
