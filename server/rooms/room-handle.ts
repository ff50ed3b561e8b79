// A game as the socket and REST layers reach it. With one process it is always the live
// room in this process's memory; with several (REDIS_URL), it can also be a room owned by
// another process, reached by forwarding (see server/scale/). Either way the same owner-side
// code below runs the command, in the owner's room queue, against the owner's state: the
// caller only supplies what it verified itself (its connection, a session token's hash, the
// player id that the owner gave this connection).
import { fail, ok, type Ack } from '../../shared/errors.js';
import type { HostView } from '../../shared/game-types.js';
import type { AnswerReceipt, RoomCheckResult } from '../../shared/protocol.js';
import { tokensEqual } from '../host-secret.js';
import type { HostCommand, LiveRoom, Respond, Seat } from './live-room.js';
import type { NicknamePolicy } from './nicknames.js';
import type { PlayerIdentity } from './persist-ops.js';
import type { Link } from './transport.js';

/** What GET /api/rooms/:code and room:check need to know about a live game. */
export interface RoomInfo {
  status: 'lobby' | 'playing' | 'finished';
  lateJoin: boolean;
  check: Ack<RoomCheckResult>;
}

export interface JoinRequest {
  nickname: string;
  tokenHash: string;
  identity: PlayerIdentity;
}

export interface RoomHandle {
  readonly gameId: string;
  /** True when the room lives in this process (no forwarding). */
  readonly local: boolean;
  info(): Promise<Ack<RoomInfo>>;
  suggestNickname(): Promise<Ack<{ nickname: string }>>;
  join(link: Link, request: JoinRequest, respond: Respond<Seat>): Promise<void>;
  resume(link: Link, tokenHash: string, respond: Respond<Seat>): Promise<void>;
  /** Is this the game's own host token or the server's host secret? */
  hostTokenMatches(hostToken: string): Promise<boolean>;
  /** The game's own host token or the server's host secret; checked by the owner. */
  attachHost(link: Link, hostToken: string, respond: Respond<HostView>): Promise<void>;
  /** Only from a connection the owner has attached as a host screen. */
  hostCommand(link: Link, command: HostCommand, respond: Respond<null>): Promise<void>;
  /** `playerId` is the one the owner seated this connection as; the owner checks that the
   *  connection is still that player's. */
  submit(link: Link, playerId: string, questionId: string, optionIndex: number, respond: Respond<AnswerReceipt>): Promise<void>;
  detach(link: Link, playerId: string | null): Promise<void>;
}

export interface OwnerContext {
  nicknames: NicknamePolicy;
  /** The server's host secret (every process of a service shares it through the database). */
  serverHostToken: string;
}

/** The owner's side: commands run on the live room of this process. */
export function localHandle(room: LiveRoom, ctx: OwnerContext): RoomHandle {
  const finished = () => room.isClosed || room.status === 'finished';
  const hostTokenOk = (token: string) => room.hostTokenMatches(token) || tokensEqual(token, ctx.serverHostToken);
  return {
    gameId: room.gameId,
    local: true,
    async info() {
      if (room.isClosed) return fail('GAME_FINISHED');
      return ok({ status: room.status, lateJoin: room.allowsLateJoin, check: room.checkJoin() });
    },
    async suggestNickname() {
      if (finished()) return fail('GAME_FINISHED');
      return ok({ nickname: ctx.nicknames.suggest((key) => room.nicknameInUse(key)) });
    },
    join(link, request, respond) {
      if (finished()) {
        respond(fail('GAME_FINISHED'));
        return Promise.resolve();
      }
      return room.join(request.nickname, request.tokenHash, link, respond, request.identity);
    },
    resume(link, tokenHash, respond) {
      return room.resume(tokenHash, link, respond);
    },
    async hostTokenMatches(hostToken) {
      return hostTokenOk(hostToken);
    },
    attachHost(link, hostToken, respond) {
      if (!hostTokenOk(hostToken)) {
        respond(fail('NOT_HOST'));
        return Promise.resolve();
      }
      return room.attachHost(link, respond);
    },
    hostCommand(link, command, respond) {
      if (!room.isClosed && !room.hasHost(link.id)) {
        respond(fail('NOT_HOST'));
        return Promise.resolve();
      }
      return room.hostCommand(command, respond);
    },
    submit(link, playerId, questionId, optionIndex, respond) {
      return room.submit(playerId, link, questionId, optionIndex, respond);
    },
    detach(link, playerId) {
      return room.detach(link, playerId);
    },
  };
}
