// One running game. The room owns the reducer state and is the only place where the
// game's side effects happen: its single timer (through the injected clock), sends to the
// room's channels, per-player and host sends, and persistence (through the writer).
// Every command runs as one task on a queue, so commands for a room are processed one at
// a time, in arrival order, even when a task waits for the database before a reveal.
// Acks are sent from inside the task, so a client always gets its ack before any
// broadcast caused by a later command. An answer is acknowledged, and a new player seated,
// only once the writer has stored it: a crash never loses what a client was told is done.
// The room's state is snapshotted at every phase and roster change (see game/restore.ts).
import { fail, ok, type Ack } from '../../shared/errors.js';
import type { HostView, PlayerView } from '../../shared/game-types.js';
import type { AnswerReceipt, RoomCheckResult } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import { reduce } from '../game/reducer.js';
import { takeSnapshot } from '../game/restore.js';
import { seatOf } from '../game/state.js';
import type { Command, Effect, GameState, PersistEffect, ReduceResult } from '../game/types.js';
import { hostView, lobbyRoster, playerView } from '../game/views.js';
import type { RoomClock } from './clock.js';
import { isFinal, NO_IDENTITY, writeOpsFor, type PlayerIdentity } from './persist-ops.js';
import { broadcast } from './room-broadcast.js';
import type { RoomWriter } from './game-writer.js';
import type { SendPacer } from './send-pacer.js';
import { tokenMatches } from './secrets.js';
import { sliceCount, sliceOfSeat, type Link, type RoomChannels } from './transport.js';

/** Most per-player or host sends made in one paced send (see send-pacer.ts). */
const SENDS_PER_BATCH = 200;
/** The phones' lobby list is sent at most this often: one send per join would be quadratic. */
export const LOBBY_ROSTER_EVERY_MS = 1_000;

export type Respond<T> = (response: Ack<T>) => void;
export type HostCommand = Extract<
  Command,
  { type: 'start' | 'next' | 'skip' | 'pause' | 'resume' | 'end' | 'kick' | 'moveTeam' | 'lock' | 'unlock' | 'setAutoAdvance' }
>;
/** Host commands that change the state without a phase or roster change. */
const SNAPSHOT_AFTER = new Set<HostCommand['type']>(['pause', 'resume', 'lock', 'unlock', 'setAutoAdvance']);
export interface Seat {
  playerId: string;
  view: PlayerView;
}

export interface LiveRoomOptions {
  state: GameState;
  hostTokenHash: string;
  clock: RoomClock;
  channels: RoomChannels;
  /** Shared by every room of the process: sends take turns with timers and reads. */
  pacer: SendPacer;
  writer: RoomWriter;
  logger: Logger;
  /** How long a finished room stays in memory for late resumes. */
  keepFinishedMs: number;
  /** The registry indexes session tokens and forgets the room when it is dropped. */
  onSession(tokenHash: string): void;
  onDrop(): void;
  /** The game's end is stored: its answers can go into the members' memory. */
  onEnded?(): void;
  /** This owner's fencing token (several processes): its snapshots lose to a newer owner's. */
  fence?: number | null;
  /** A restored game's players: their sessions are valid again (the registry indexes them). */
  sessions?: readonly { playerId: string; tokenHash: string }[];
}

export class LiveRoom {
  readonly gameId: string;
  readonly code: string;
  private state: GameState;
  private tail: Promise<void> = Promise.resolve();
  private cancelTimer: (() => void) | null = null;
  private cancelDrop: (() => void) | null = null;
  private cancelRoster: (() => void) | null = null;
  private rosterSentAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Last command time on the room clock; the registry expires rooms left idle. */
  lastActivity: number;
  private readonly links = new Map<string, Link>();
  private readonly hosts = new Map<string, Link>();
  private readonly sessions = new Map<string, string>();
  private readonly tokenOf = new Map<string, string>();
  private readonly identityOf = new Map<string, PlayerIdentity>();

  constructor(private readonly opts: LiveRoomOptions) {
    this.state = opts.state;
    this.gameId = opts.state.gameId;
    this.code = opts.state.code;
    this.lastActivity = opts.clock.now();
    for (const { playerId, tokenHash } of opts.sessions ?? []) {
      if (seatOf(this.state, playerId) < 0) continue;
      this.sessions.set(tokenHash, playerId);
      this.tokenOf.set(playerId, tokenHash);
    }
  }

  // ---- reads (no queue needed: state only changes inside a task, synchronously) ------

  get phase(): GameState['phase'] {
    return this.state.phase;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** 'lobby', 'playing' or 'finished' (podium and after), as GET /api/rooms/:code says. */
  get status(): 'lobby' | 'playing' | 'finished' {
    if (this.state.phase === 'lobby') return 'lobby';
    return this.state.phase === 'podium' || this.state.phase === 'ended' ? 'finished' : 'playing';
  }

  get allowsLateJoin(): boolean {
    return this.state.settings.allowLateJoin;
  }

  /** First step of the two-step join: would a new player be let in right now? */
  checkJoin(): Ack<RoomCheckResult> {
    const { phase, settings, locked, activeCount } = this.state;
    if (this.closed || phase === 'podium' || phase === 'ended') return fail('GAME_FINISHED');
    if (locked) return fail('ROOM_LOCKED');
    if (phase !== 'lobby' && !settings.allowLateJoin) return fail('LATE_JOIN_CLOSED');
    if (activeCount >= settings.playerCap) return fail('ROOM_FULL');
    return ok({ code: this.code, lateJoin: phase !== 'lobby' });
  }

  nicknameInUse(key: string): boolean {
    return this.state.players.some((p) => p.key === key);
  }

  hostTokenMatches(token: string): boolean {
    return tokenMatches(token, this.opts.hostTokenHash);
  }

  /** Is this connection one of the room's attached host screens? */
  hasHost(linkId: string): boolean {
    return this.hosts.has(linkId);
  }

  // ---- commands ---------------------------------------------------------------------

  join(nickname: string, tokenHash: string, link: Link, respond: Respond<Seat>, identity: PlayerIdentity = NO_IDENTITY): Promise<void> {
    return this.task(respond, async (reply) => {
      const result = this.step({ type: 'addPlayer', nickname });
      if (result.error) return reply({ ok: false, error: result.error });
      const playerId = result.playerId!;
      // Only needed for the player's row, written by the effects applied just below.
      this.identityOf.set(playerId, identity);
      this.sessions.set(tokenHash, playerId);
      this.tokenOf.set(playerId, tokenHash);
      this.opts.onSession(tokenHash);
      await this.apply(result.effects);
      // Seated (and told so) once the player's row is stored; until then the link gets no
      // broadcasts, and the view it then receives is the room as it is at that moment.
      void this.opts.writer.whenStored().then((stored) =>
        this.task(null, async () => {
          if (!stored || this.closed) return reply(fail(stored ? 'GAME_FINISHED' : 'INTERNAL'));
          // The connection went while the row was being stored: the player is in the game,
          // offline, and can come back with the token (if the ack reached them) like anyone.
          if (!link.connected) return this.apply(this.step({ type: 'disconnect', playerId }).effects);
          this.seatPlayer(playerId, link, reply);
        }),
      );
    });
  }

  /** A returning player (refresh, new network): same seat, score and streak. */
  resume(tokenHash: string, link: Link, respond: Respond<Seat>): Promise<void> {
    return this.task(respond, async (reply) => {
      const playerId = this.sessions.get(tokenHash);
      if (!playerId) return reply(fail('BAD_TOKEN'));
      const result = this.step({ type: 'resumePlayer', playerId });
      if (result.error) return reply({ ok: false, error: result.error });
      this.seatPlayer(playerId, link, reply);
      await this.apply(result.effects);
    });
  }

  attachHost(link: Link, respond: Respond<HostView>): Promise<void> {
    return this.task(respond, (reply) => {
      this.hosts.set(link.id, link);
      link.join('hosts');
      const view = hostView(this.state, this.opts.clock.now());
      reply(ok(view));
      link.send('host:state', view);
    });
  }

  hostCommand(command: HostCommand, respond: Respond<null>): Promise<void> {
    return this.task(respond, async (reply) => {
      const result = this.step(command);
      if (result.error) return reply({ ok: false, error: result.error });
      reply(ok(null));
      await this.apply(result.effects);
      // Phase and roster changes snapshot themselves; these change the state otherwise.
      if (SNAPSHOT_AFTER.has(command.type)) this.snapshot();
    });
  }

  submit(playerId: string, link: Link, questionId: string, optionIndex: number, respond: Respond<AnswerReceipt>): Promise<void> {
    return this.task(respond, async (reply) => {
      // A socket replaced by a newer one for the same session can no longer act.
      if (this.links.get(playerId)?.id !== link.id) return reply(fail('BAD_TOKEN'));
      const result = this.step({ type: 'submitAnswer', playerId, questionId, optionIndex });
      if (result.error) return reply({ ok: false, error: result.error });
      // Acked once stored (group commit: the room goes on meanwhile, and the answers of the
      // same moment share one write). The ack waits from the moment the answer's write is
      // queued, so it goes out before a reveal that this answer triggers.
      await this.apply(result.effects, (effect) => {
        if (effect.what !== 'answer') return false;
        void this.opts.writer.whenStored().then((stored) => reply(stored ? ok({ questionId, optionIndex }) : fail('INTERNAL')));
        return true;
      });
    });
  }

  /** The connection went away (or switched to another game). */
  detach(link: Link, playerId: string | null): Promise<void> {
    return this.task(null, async () => {
      if (playerId === null) {
        this.hosts.delete(link.id);
        return link.leave(false);
      }
      if (this.links.get(playerId)?.id !== link.id) return;
      this.links.delete(playerId);
      link.leave(false);
      if (this.closed) return;
      await this.apply(this.step({ type: 'disconnect', playerId }).effects);
    });
  }

  /** Ends an idle room as if the host had ended it; it is then dropped after the delay. */
  expire(): Promise<void> {
    return this.task(null, async () => {
      if (!this.closed && this.state.phase !== 'ended') await this.apply(this.step({ type: 'end' }).effects);
    });
  }

  /** Another process owns the game now: stop here, send nothing more and queue no write. Queued
   *  commands answer GAME_FINISHED; the connections stay open (their process seats them
   *  again with the new owner). */
  abandon(): void {
    if (this.closed) return;
    this.letGo();
  }

  /** Stops the room's timers, lets every connection go (left open) and leaves the registry. */
  private letGo(): void {
    this.closed = true;
    this.clearTimers();
    for (const link of [...this.links.values(), ...this.hosts.values()]) link.leave(false);
    this.links.clear();
    this.hosts.clear();
    this.opts.onDrop();
  }

  /** Shutdown: no more timers, and every pending write gets its last chance. */
  async close(): Promise<void> {
    await this.task(null, () => {
      this.closed = true;
      this.clearTimers();
    });
    await this.opts.writer.close();
  }

  // ---- internals --------------------------------------------------------------------

  /** Queues one task; a failing task answers INTERNAL and never breaks the queue. */
  private task<T>(respond: Respond<T> | null, run: (reply: Respond<T>) => void | Promise<void>): Promise<void> {
    let answered = false;
    // At most one answer per command, whatever path the task takes.
    const reply: Respond<T> = (response) => {
      if (answered || !respond) return;
      answered = true;
      respond(response);
    };
    const next = this.tail.then(async () => {
      if (this.closed && respond) return reply(fail('GAME_FINISHED'));
      await run(reply);
    });
    this.tail = next.catch((err) => {
      this.opts.logger.error({ err, gameId: this.gameId }, 'live room task failed');
      reply(fail('INTERNAL'));
    });
    return this.tail;
  }

  private step(command: Command): ReduceResult {
    const now = this.opts.clock.now();
    const before = this.state.phase;
    const result = reduce(this.state, command, now);
    this.state = result.state;
    this.lastActivity = now;
    if (before !== this.state.phase && (this.state.phase === 'podium' || this.state.phase === 'ended')) {
      this.scheduleDrop(now);
    }
    return result;
  }

  private seatPlayer(playerId: string, link: Link, respond: Respond<Seat>): void {
    const previous = this.links.get(playerId);
    // One socket per session: the newest connection wins, the older one is closed.
    if (previous && previous.id !== link.id) previous.leave(true);
    this.links.set(playerId, link);
    // Seats never move, so a returning player lands in the same slice as before.
    link.join('players', sliceOfSeat(Math.max(0, seatOf(this.state, playerId))));
    const view = playerView(this.state, playerId, this.opts.clock.now())!;
    respond(ok({ playerId, view }));
    link.send('game:state', view);
  }

  /** Carries out effects in order; `onPersisted` sees each write right after it is queued,
   *  until it returns true. */
  private async apply(effects: Effect[], onPersisted?: (effect: PersistEffect) => boolean): Promise<void> {
    const { pacer, channels } = this.opts;
    // Consecutive per-player and host sends go out together as one paced send (at most
    // SENDS_PER_BATCH of them); a broadcast or an eviction first waits for those before it.
    let sends: (() => void)[] = [];
    const sendQueued = async () => {
      if (sends.length === 0) return;
      const batch = sends;
      sends = [];
      await pacer.run(() => {
        for (const send of batch) send();
      });
    };
    for (const effect of effects) {
      switch (effect.type) {
        case 'schedule':
          this.setTimer(effect.at);
          break;
        case 'broadcast':
          await sendQueued();
          // The durability point: answers of the closing question are stored first.
          if (effect.event === 'question:reveal') await this.opts.writer.flushForReveal();
          await broadcast(channels, pacer, this.state.settings.display, sliceCount(this.state.players.length), effect);
          break;
        case 'sendToPlayer': {
          const link = this.links.get(effect.playerId);
          if (link) sends.push(() => link.send(effect.event as 'player:result', effect.payload as never));
          if (sends.length >= SENDS_PER_BATCH) await sendQueued();
          break;
        }
        case 'sendToHost':
          sends.push(() => channels.emitHosts(effect.event as 'player:joined', effect.payload as never));
          if (sends.length >= SENDS_PER_BATCH) await sendQueued();
          if (this.state.phase === 'lobby') this.rosterChanged();
          break;
        case 'evict': {
          await sendQueued();
          const link = this.links.get(effect.playerId);
          this.links.delete(effect.playerId);
          link?.leave(true);
          break;
        }
        case 'persist':
          this.persist(effect);
          if (onPersisted?.(effect)) onPersisted = undefined;
          break;
      }
    }
    await sendQueued();
  }

  private persist(effect: PersistEffect): void {
    const { writer } = this.opts;
    const ctx = {
      gameId: this.gameId,
      state: this.state,
      tokenHashOf: (id: string) => this.tokenOf.get(id) ?? '',
      identityOf: (id: string) => this.identityOf.get(id) ?? NO_IDENTITY,
    };
    for (const op of writeOpsFor(effect, ctx, new Date())) writer.add(op);
    if (effect.what !== 'answer') this.snapshot();
    if (isFinal(effect)) {
      void writer.flush();
      // Once the end is stored (however many retries that takes), the answers can be counted
      // into the members' memory.
      void writer.whenStored().then((stored) => stored && this.opts.onEnded?.());
    }
  }

  /** Queues the room's current state as the one to restore from (the last of a batch wins). */
  snapshot(): void {
    this.opts.writer.add({ kind: 'snapshot', snapshot: takeSnapshot(this.state, this.opts.clock.now()), at: new Date(), fence: this.opts.fence ?? null });
  }

  private setTimer(at: number | null): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (at === null || this.closed) return;
    this.cancelTimer = this.opts.clock.schedule(at, () => {
      void this.task(null, async () => {
        if (!this.closed) await this.apply(this.step({ type: 'tick' }).effects);
      });
    });
  }

  /** A join or departure in the lobby: the phones get the new list within a second, in one
   *  send per players' slice however many joined meanwhile. */
  private rosterChanged(): void {
    if (this.cancelRoster || this.closed) return;
    const { clock, channels, pacer } = this.opts;
    const at = Math.max(clock.now(), this.rosterSentAt + LOBBY_ROSTER_EVERY_MS);
    this.cancelRoster = clock.schedule(at, () => {
      void this.task(null, async () => {
        this.cancelRoster = null;
        if (this.closed || this.state.phase !== 'lobby') return;
        this.rosterSentAt = clock.now();
        const roster = lobbyRoster(this.state);
        const slices = sliceCount(this.state.players.length);
        for (let slice = 0; slice < slices; slice++) await pacer.run(() => channels.emitPlayerSlice(slice, 'lobby:roster', roster));
      });
    });
  }

  private scheduleDrop(now: number): void {
    if (this.cancelDrop) return;
    this.cancelDrop = this.opts.clock.schedule(now + this.opts.keepFinishedMs, () => {
      void this.task(null, async () => {
        // A game left on its podium is ended properly, so clients get room:closed.
        if (this.state.phase !== 'ended') await this.apply(this.step({ type: 'end' }).effects);
        this.letGo();
        await this.opts.writer.close();
      });
    });
  }

  private clearTimers(): void {
    this.cancelTimer?.();
    this.cancelDrop?.();
    this.cancelRoster?.();
    this.cancelTimer = null;
    this.cancelDrop = null;
    this.cancelRoster = null;
  }
}
