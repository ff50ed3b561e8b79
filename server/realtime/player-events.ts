// Player commands: the two-step join (room:check, then room:join), nickname suggestions,
// resuming a session after a refresh, and answering. The game is found through the room
// directory: in this process, or (with several processes) at the process that owns it.
import { fail, ok, type AckFail } from '../../shared/errors.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { RoomHandle } from '../rooms/room-handle.js';
import type { RoomRegistry } from '../rooms/registry.js';
import { hashToken, newToken } from '../rooms/secrets.js';
import type { Connection, Guard } from './guard.js';
import { socketLink } from './socket-link.js';

/** The live game behind a code, or why there is none (finished vs never existed). */
export async function roomForCode(rooms: RoomRegistry, directory: RoomDirectory, code: string): Promise<RoomHandle | AckFail> {
  const room = await directory.byCode(code);
  if (room) return room;
  const past = await rooms.past.byCode(code);
  return past ? fail('GAME_FINISHED') : fail('UNKNOWN_ROOM');
}

/** A socket has one identity at a time: joining elsewhere first leaves the old room. */
export async function leaveCurrent(conn: Connection): Promise<void> {
  const session = conn.socket.data.session;
  if (!session) return;
  conn.socket.data.session = undefined;
  await session.room.detach(session.link, session.playerId);
}

export function playerEvents(guard: Guard, conn: Connection, rooms: RoomRegistry, directory: RoomDirectory): void {
  const { nicknames, limits } = rooms.opts;

  guard.on(conn, 'room:check', async ({ code }, reply) => {
    const room = await roomForCode(rooms, directory, code);
    if (!('gameId' in room)) return reply(room);
    const info = await room.info();
    if (!info.ok) return reply(info);
    reply(info.data.status === 'finished' ? fail('GAME_FINISHED') : info.data.check);
  });

  guard.on(conn, 'nickname:suggest', async ({ code }, reply) => {
    const room = await roomForCode(rooms, directory, code);
    if (!('gameId' in room)) return reply(room);
    reply(await room.suggestNickname());
  });

  guard.on(conn, 'room:join', async ({ code, nickname, deviceKey, studyName }, reply) => {
    if (nicknames.isProfane(nickname)) return reply(fail('NICKNAME_PROFANE'));
    const room = await roomForCode(rooms, directory, code);
    if (!('gameId' in room)) return reply(room);
    await leaveCurrent(conn);
    const token = newToken();
    const tokenHash = hashToken(token);
    const link = socketLink(conn.socket, room.gameId);
    // The device key is kept only as a hash, like session tokens; it names a member once the
    // game's answers are counted, never during the game.
    const identity = { deviceKeyHash: deviceKey ? hashToken(deviceKey) : null, studyName: studyName ?? null };
    await room.join(link, { nickname, tokenHash, identity }, (ack) => {
      if (!ack.ok) return reply(ack);
      conn.socket.data.session = { room, link, playerId: ack.data.playerId, tokenHash };
      reply(ok({ playerId: ack.data.playerId, token, view: ack.data.view }));
    });
  });

  guard.on(conn, 'room:resume', async ({ token }, reply) => {
    const tokenHash = hashToken(token);
    const room = await directory.bySession(tokenHash);
    if (!room) {
      // The room has left memory: tell a player of a finished game so, not "bad token". That
      // takes the database, so it is limited per address (a remembered answer is free).
      if (!rooms.past.known('session', tokenHash) && !(await limits.lookup.take(conn.ip))) return reply(fail('RATE_LIMITED'));
      const status = await rooms.past.bySession(tokenHash);
      return reply(fail(status ? 'GAME_FINISHED' : 'BAD_TOKEN'));
    }
    await leaveCurrent(conn);
    const link = socketLink(conn.socket, room.gameId);
    await room.resume(link, tokenHash, (ack) => {
      if (!ack.ok) return reply(ack);
      conn.socket.data.session = { room, link, playerId: ack.data.playerId, tokenHash };
      reply(ok({ playerId: ack.data.playerId, token, view: ack.data.view }));
    });
  });

  guard.on(conn, 'answer:submit', async ({ questionId, optionIndex }, reply) => {
    const session = conn.socket.data.session;
    if (!session || session.playerId === null) return reply(fail('BAD_TOKEN', 'Join a game before answering.'));
    await session.room.submit(session.link, session.playerId, questionId, optionIndex, reply);
  });
}
