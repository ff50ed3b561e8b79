// The player's side of a live room: one socket for the whole page, the latest PlayerView,
// and the session token that brings the player back after a refresh or a network drop.
import type { AckFail } from '../../../shared/errors.js';
import type { PlayerView } from '../../../shared/game-types.js';
import type { JoinResult, RoomClosedPayload } from '../../../shared/protocol.js';
import { play } from '../lib/sound.js';
import { command, openSocket, type GameSocket } from '../lib/socket.js';
import { applyRoomEvent, clockFromStage, ROOM_EVENTS, type Clock, type RoomEvent } from '../lib/stage.js';
import { Store } from '../lib/store.js';
import { deviceKey, playerSessions } from '../lib/storage.js';

export type PlayerStatus =
  /** Nothing joined yet (join form). */
  | 'idle'
  /** Coming back with a stored token. */
  | 'resuming'
  | 'live'
  /** The connection dropped; socket.io is retrying and we resume as soon as it is back. */
  | 'reconnecting'
  /** The same player opened the game on another tab or device; the server keeps the newest. */
  | 'replaced'
  /** The session ended for good: kicked, finished game, invalid token. See `goneReason`. */
  | 'gone';

export type GoneReason = 'kicked' | 'finished' | 'expired';

export interface PlayerSnapshot {
  status: PlayerStatus;
  code: string | null;
  view: PlayerView | null;
  clock: Clock | null;
  /** Why the session is gone, or a transient problem (answer rejected). */
  notice: string | null;
  goneReason: GoneReason | null;
  /** Game and player of the session, kept after it is gone for the results link. */
  last: { gameId: string; playerId: string } | null;
  /** Set when the room closed (finished or ended by the host). */
  closed: RoomClosedPayload | null;
  /** The answer was sent and the server has not confirmed it yet. */
  sending: boolean;
}

const initial: PlayerSnapshot = {
  status: 'idle',
  code: null,
  view: null,
  clock: null,
  notice: null,
  goneReason: null,
  last: null,
  closed: null,
  sending: false,
};

/** Errors after which the stored token is useless. */
const FATAL = new Set(['BAD_TOKEN', 'KICKED', 'UNKNOWN_PLAYER', 'UNKNOWN_ROOM', 'UNKNOWN_GAME', 'GAME_FINISHED']);

export class PlayerSession extends Store<PlayerSnapshot> {
  private socket: GameSocket | null = null;
  private kicked = false;

  constructor() {
    super(initial);
  }

  private connection(): GameSocket {
    if (this.socket) return this.socket;
    const socket = openSocket();
    this.socket = socket;

    socket.on('connect', () => {
      // Every (re)connection after a join needs a resume: the server knows sockets, not people.
      const { code, status } = this.state;
      if (code && (status === 'reconnecting' || status === 'live' || status === 'resuming')) void this.resume(code);
    });
    socket.on('disconnect', (reason) => {
      // After a kick, or once the game is over, a closed connection needs no attention.
      if (this.kicked || this.state.status === 'gone' || this.state.closed) return;
      // The server hangs up on an old socket when the same player resumes elsewhere. Not
      // reconnecting on our own here stops two tabs from taking the game back and forth.
      if (reason === 'io server disconnect') this.set({ status: 'replaced' });
      else if (this.state.status === 'live') this.set({ status: 'reconnecting' });
    });

    socket.on('game:state', (view) => this.set({ view, clock: clockFromStage(view.stage, view.paused) }));
    for (const type of ROOM_EVENTS) {
      socket.on(type, (payload: unknown) => this.onRoomEvent({ type, payload } as RoomEvent));
    }
    socket.on('player:result', (result) => {
      const view = this.state.view;
      if (!view) return;
      const { score, streak, rank, tied, moved, gapToAbove, aboveNickname } = result;
      this.set({
        view: {
          ...view,
          myResult: result,
          myAnswer: result.optionIndex,
          me: { ...view.me, score, streak, rank, tied, moved, gapToAbove, aboveNickname },
          ...(result.teamResult ? { myTeam: result.teamResult.standing } : {}),
        },
      });
      if (!result.skipped) play(result.correct ? 'correct' : 'wrong');
    });
    socket.on('team:assigned', ({ team }) => {
      const view = this.state.view;
      if (view) this.set({ view: { ...view, myTeam: team } });
    });
    socket.on('lobby:roster', (lobby) => {
      const view = this.state.view;
      if (view?.stage.phase === 'lobby') this.set({ view: { ...view, lobby, playerCount: lobby.count } });
    });
    socket.on('player:kicked', ({ message }) => {
      this.kicked = true;
      if (this.state.code) playerSessions.clear(this.state.code);
      this.set({ status: 'gone', goneReason: 'kicked', notice: message || 'The host removed you from this game.' });
    });
    return socket;
  }

  private onRoomEvent(event: RoomEvent): void {
    const view = this.state.view;
    if (!view) return;
    const next = applyRoomEvent(view, event);
    let updated = next.view;
    if (event.type === 'question:show' || event.type === 'question:open') {
      updated = { ...updated, myAnswer: null, myResult: null };
      if (event.type === 'question:open') play('open');
    }
    if (event.type === 'podium:show') play('fanfare');
    const closed = event.type === 'room:closed' ? event.payload : this.state.closed;
    this.set({ view: updated, clock: next.clock, closed, notice: null, sending: false });
    if (event.type === 'room:closed' && this.state.code) {
      // The game is over: a later visit to the join link should offer a fresh join.
      playerSessions.clear(this.state.code);
    }
  }

  /** Step one of joining: does the room exist and accept players? */
  check(code: string) {
    return command(this.connection(), 'room:check', { code });
  }

  suggest(code: string) {
    return command(this.connection(), 'nickname:suggest', { code });
  }

  /** `studyName`: typed to be the same member as on another device (optional). */
  async join(code: string, nickname: string, studyName?: string): Promise<AckFail | null> {
    const key = deviceKey.get();
    const ack = await command(this.connection(), 'room:join', {
      code,
      nickname,
      ...(key ? { deviceKey: key } : {}),
      ...(studyName ? { studyName } : {}),
    });
    if (!ack.ok) return ack;
    this.adopt(ack.data, code);
    playerSessions.rememberNickname(ack.data.view.me.nickname);
    playerSessions.rememberStudyName(studyName ?? null);
    play('join');
    return null;
  }

  private resuming: Promise<AckFail | 'no-session' | null> | null = null;

  /** Back into the game with the token stored for this room code. */
  resume(code: string): Promise<AckFail | 'no-session' | null> {
    // One resume at a time: the page mount and the socket's 'connect' can both ask for it.
    this.resuming ??= this.doResume(code).finally(() => (this.resuming = null));
    return this.resuming;
  }

  private async doResume(code: string): Promise<AckFail | 'no-session' | null> {
    const record = playerSessions.get(code);
    if (!record) return 'no-session';
    if (this.state.status === 'idle' || this.state.status === 'gone' || this.state.code !== code) {
      this.set({ status: 'resuming', code, notice: null, closed: null });
    }
    const socket = this.connection();
    if (!socket.connected) {
      // The 'connect' handler will call resume again once the socket is up.
      if (this.state.status === 'live') this.set({ status: 'reconnecting' });
      return null;
    }
    const ack = await command(socket, 'room:resume', { token: record.token });
    if (!ack.ok) {
      if (FATAL.has(ack.error.code)) {
        playerSessions.clear(code);
        const reason: GoneReason =
          ack.error.code === 'KICKED' ? 'kicked' : ack.error.code === 'GAME_FINISHED' ? 'finished' : 'expired';
        this.set({
          status: 'gone',
          goneReason: reason,
          notice: ack.error.message,
          last: { gameId: record.gameId, playerId: record.playerId },
        });
      } else if (this.state.status !== 'live') {
        this.set({ status: 'reconnecting' });
      }
      return ack;
    }
    this.adopt(ack.data, code, record.token);
    return null;
  }

  private adopt(result: JoinResult, code: string, token = result.token): void {
    const view = result.view;
    playerSessions.set({
      code: view.code || code,
      gameId: view.gameId,
      playerId: result.playerId,
      nickname: view.me.nickname,
      token: result.token || token,
      savedAt: Date.now(),
    });
    this.set({
      status: 'live',
      code: view.code || code,
      last: { gameId: view.gameId, playerId: result.playerId },
      goneReason: null,
      view,
      clock: clockFromStage(view.stage, view.paused),
      notice: null,
      sending: false,
    });
  }

  /** Locks an answer in at once on screen; the ack only confirms or takes it back. */
  async answer(optionIndex: number): Promise<void> {
    const view = this.state.view;
    if (!view || view.stage.phase !== 'answering' || view.myAnswer !== null || view.paused) return;
    const questionId = view.stage.question.id;
    this.set({ view: { ...view, myAnswer: optionIndex }, sending: true, notice: null });
    play('locked');
    // An answer is acknowledged once it is stored: give a slow database time before giving up.
    const ack = await command(this.connection(), 'answer:submit', { questionId, optionIndex }, 30_000);
    const now = this.state.view;
    if (ack.ok || ack.error.code === 'ALREADY_ANSWERED') {
      this.set({ sending: false });
      return;
    }
    // Only undo if we are still on that question.
    const stillOpen = now && now.stage.phase === 'answering' && now.stage.question.id === questionId;
    this.set({
      sending: false,
      notice: ack.error.code === 'TOO_LATE' ? "Time's up: that answer came too late." : ack.error.message,
      view: stillOpen && now ? { ...now, myAnswer: null } : now,
    });
  }

  /** Take the game back on this tab after it was opened elsewhere. */
  takeOver(): void {
    const socket = this.connection();
    this.set({ status: 'resuming' });
    if (socket.connected) void this.resume(this.state.code ?? '');
    else socket.connect();
  }

  /** Leave the current room on this device (used by "join another game"). */
  forget(): void {
    if (this.state.code) playerSessions.clear(this.state.code);
    this.kicked = false;
    this.set({ ...initial });
  }
}

export const playerSession = new PlayerSession();
