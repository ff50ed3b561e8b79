// Player commands: the two-step join (room:check, then room:join), nickname suggestions,
// resuming a session after a refresh, and answering.
import { fail, ok, type AckFail } from '../../shared/errors.js';
import { LiveRoom } from '../rooms/live-room.js';
import type { RoomRegistry } from '../rooms/registry.js';
import { hashToken, newToken } from '../rooms/secrets.js';
import type { Connection, Guard } from './guard.js';
import { socketLink } from './socket-link.js';

/** The live room behind a code, or why there is none (finished vs never existed). */
export async function roomForCode(rooms: RoomRegistry, code: string): Promise<LiveRoom | AckFail> {
  const room = rooms.findByCode(code);
  if (room && !room.isClosed) return room.status === 'finished' ? fail('GAME_FINISHED') : room;
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

export function playerEvents(guard: Guard, conn: Connection, rooms: RoomRegistry): void {
  const { nicknames, limits } = rooms.opts;

  guard.on(conn, 'room:check', async ({ code }, reply) => {
    const room = await roomForCode(rooms, code);
    reply(room instanceof LiveRoom ? room.checkJoin() : room);
  });

  guard.on(conn, 'nickname:suggest', async ({ code }, reply) => {
    const room = await roomForCode(rooms, code);
    if (!(room instanceof LiveRoom)) return reply(room);
    reply(ok({ nickname: nicknames.suggest((key) => room.nicknameInUse(key)) }));
  });

  guard.on(conn, 'room:join', async ({ code, nickname, deviceKey, studyName }, reply) => {
    if (nicknames.isProfane(nickname)) return reply(fail('NICKNAME_PROFANE'));
    const room = await roomForCode(rooms, code);
    if (!(room instanceof LiveRoom)) return reply(room);
    await leaveCurrent(conn);
    const token = newToken();
    const link = socketLink(conn.socket, room.gameId);
    // The device key is kept only as a hash, like session tokens; it names a member once the
    // game's answers are counted, never during the game.
    const identity = { deviceKeyHash: deviceKey ? hashToken(deviceKey) : null, studyName: studyName ?? null };
    await room.join(nickname, hashToken(token), link, (ack) => {
      if (!ack.ok) return reply(ack);
      conn.socket.data.session = { room, link, playerId: ack.data.playerId };
      reply(ok({ playerId: ack.data.playerId, token, view: ack.data.view }));
    }, identity);
  });

  guard.on(conn, 'room:resume', async ({ token }, reply) => {
    const tokenHash = hashToken(token);
    const room = rooms.findBySession(tokenHash);
    if (!room || room.isClosed) {
      // The room has left memory: tell a player of a finished game so, not "bad token". That
      // takes the database, so it is limited per address (a remembered answer is free).
      if (!rooms.past.known('session', tokenHash) && !(await limits.lookup.take(conn.ip))) return reply(fail('RATE_LIMITED'));
      const status = await rooms.past.bySession(tokenHash);
      return reply(fail(status ? 'GAME_FINISHED' : 'BAD_TOKEN'));
    }
    await leaveCurrent(conn);
    const link = socketLink(conn.socket, room.gameId);
    await room.resume(tokenHash, link, (ack) => {
      if (!ack.ok) return reply(ack);
      conn.socket.data.session = { room, link, playerId: ack.data.playerId };
      reply(ok({ playerId: ack.data.playerId, token, view: ack.data.view }));
    });
  });

  guard.on(conn, 'answer:submit', async ({ questionId, optionIndex }, reply) => {
    const session = conn.socket.data.session;
    if (!session || session.playerId === null) return reply(fail('BAD_TOKEN', 'Join a game before answering.'));
    await session.room.submit(session.playerId, session.link, questionId, optionIndex, reply);
  });
}
