// The host's side of a live room: attaches with the per-game host token, keeps the
// HostView current from room and host events, and sends the host's commands.
import type { Ack } from '../../../shared/errors.js';
import type { HostView, PlayerSummary } from '../../../shared/game-types.js';
import type { RoomClosedPayload } from '../../../shared/protocol.js';
import { play } from '../lib/sound.js';
import { command, openSocket, type GameSocket } from '../lib/socket.js';
import { applyRoomEvent, clockFromStage, ROOM_EVENTS, type Clock, type RoomEvent } from '../lib/stage.js';
import { Store } from '../lib/store.js';

export interface HostSnapshot {
  gameId: string | null;
  status: 'idle' | 'attaching' | 'live' | 'reconnecting' | 'failed';
  view: HostView | null;
  clock: Clock | null;
  /** The wait before a reveal or leaderboard moves on by itself (auto-advance). */
  advance: Clock | null;
  error: string | null;
  closed: RoomClosedPayload | null;
  /** A command is in flight (buttons show it and ignore repeats). */
  busy: boolean;
}

const initial: HostSnapshot = {
  gameId: null,
  status: 'idle',
  view: null,
  clock: null,
  advance: null,
  error: null,
  closed: null,
  busy: false,
};

type HostCommand = 'game:start' | 'game:next' | 'game:skip' | 'game:pause' | 'game:resume' | 'game:end';

export class HostSession extends Store<HostSnapshot> {
  private socket: GameSocket | null = null;
  private hostToken = '';

  constructor() {
    super(initial);
  }

  attach(gameId: string, hostToken: string): void {
    if (this.state.gameId === gameId && this.socket) return;
    this.detach();
    this.hostToken = hostToken;
    this.set({ ...initial, gameId, status: 'attaching' });
    const socket = openSocket();
    this.socket = socket;
    socket.on('connect', () => void this.sendAttach());
    socket.on('disconnect', (reason) => {
      if (this.state.status === 'live') this.set({ status: 'reconnecting' });
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('host:state', (view) => this.set({ view, clock: clockFromStage(view.stage, view.paused), advance: advanceClock(view) }));
    for (const type of ROOM_EVENTS) {
      socket.on(type, (payload: unknown) => this.onRoomEvent({ type, payload } as RoomEvent));
    }
    socket.on('autoAdvance:state', ({ seconds, remainingMs }) => {
      const view = this.state.view;
      if (!view) return;
      const advance = remainingMs === null ? null : { remainingMs, receivedAt: performance.now(), paused: view.paused };
      this.set({ view: { ...view, settings: { ...view.settings, autoAdvanceSeconds: seconds }, advanceMs: remainingMs }, advance });
    });
    socket.on('answers:count', ({ questionId, answered, total }) => {
      const view = this.state.view;
      if (!view || view.stage.phase !== 'answering' || view.stage.question.id !== questionId) return;
      this.set({ view: { ...view, playerCount: total, stage: { ...view.stage, answered, total } } });
    });
    socket.on('player:joined', ({ player, total }) => {
      const view = this.state.view;
      if (!view) return;
      const players = upsert(view.players, player);
      this.set({ view: { ...view, players, playerCount: total } });
      if (view.stage.phase === 'lobby') play('join');
    });
    socket.on('player:moved', ({ playerId, team }) => {
      const view = this.state.view;
      if (!view) return;
      this.set({ view: { ...view, players: view.players.map((p) => (p.playerId === playerId ? { ...p, team } : p)) } });
    });
    socket.on('player:left', ({ playerId, reason, total }) => {
      const view = this.state.view;
      if (!view) return;
      const players =
        reason === 'kicked'
          ? view.players.filter((p) => p.playerId !== playerId)
          : view.players.map((p) => (p.playerId === playerId ? { ...p, connected: false } : p));
      this.set({ view: { ...view, players, playerCount: total } });
    });
  }

  detach(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.set({ ...initial });
  }

  private async sendAttach(): Promise<void> {
    const socket = this.socket;
    const gameId = this.state.gameId;
    if (!socket || !gameId) return;
    const ack = await command(socket, 'host:attach', { gameId, hostToken: this.hostToken });
    if (socket !== this.socket) return;
    if (!ack.ok) {
      this.set({ status: 'failed', error: ack.error.message });
      return;
    }
    const view = ack.data;
    this.set({ status: 'live', view, clock: clockFromStage(view.stage, view.paused), advance: advanceClock(view), error: null });
  }

  private onRoomEvent(event: RoomEvent): void {
    const view = this.state.view;
    if (!view) return;
    const next = applyRoomEvent(view, event);
    if (event.type === 'question:open') play('open');
    if (event.type === 'question:reveal') play('reveal');
    if (event.type === 'podium:show') play('fanfare');
    const closed = event.type === 'room:closed' ? event.payload : this.state.closed;
    this.set({ view: next.view, clock: next.clock, advance: this.advanceAfter(event), closed });
  }

  /** A pause freezes the wait and a resume restarts it; any new phase ends it (the server
   *  sends the next wait, if any, right after). */
  private advanceAfter(event: RoomEvent): Clock | null {
    const advance = this.state.advance;
    if (event.type !== 'game:paused' && event.type !== 'game:resumed') return null;
    if (!advance) return null;
    return { remainingMs: event.payload.remainingMs, receivedAt: performance.now(), paused: event.type === 'game:paused' };
  }

  private async run<R>(send: (socket: GameSocket) => Promise<Ack<R>>): Promise<boolean> {
    const socket = this.socket;
    if (!socket || this.state.busy) return false;
    this.set({ busy: true, error: null });
    const ack = await send(socket);
    this.set({ busy: false, error: ack.ok ? null : ack.error.message });
    return ack.ok;
  }

  send(event: HostCommand): Promise<boolean> {
    return this.run((socket) => command(socket, event, {}));
  }

  async kick(playerId: string): Promise<void> {
    const ok = await this.run((socket) => command(socket, 'player:kick', { playerId }));
    const view = this.state.view;
    if (ok && view) this.set({ view: { ...view, players: view.players.filter((p) => p.playerId !== playerId) } });
  }

  /** Team play, in the lobby: put a player on another team. */
  moveToTeam(playerId: string, team: number): Promise<boolean> {
    return this.run((socket) => command(socket, 'team:move', { playerId, team }));
  }

  setAutoAdvance(seconds: number): Promise<boolean> {
    return this.run((socket) => command(socket, 'game:autoAdvance', { seconds }));
  }

  async lock(locked: boolean): Promise<void> {
    const ok = await this.run((socket) => command(socket, 'room:lock', { locked }));
    const view = this.state.view;
    if (ok && view) this.set({ view: { ...view, locked } });
  }
}

function advanceClock(view: HostView): Clock | null {
  return view.advanceMs === null ? null : { remainingMs: view.advanceMs, receivedAt: performance.now(), paused: view.paused };
}

function upsert(players: PlayerSummary[], player: PlayerSummary): PlayerSummary[] {
  const at = players.findIndex((p) => p.playerId === player.playerId);
  if (at < 0) return [...players, player];
  const copy = players.slice();
  copy[at] = player;
  return copy;
}

export const hostSession = new HostSession();
