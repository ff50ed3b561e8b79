// The live rooms of this process, by room code, game id and session token. Creating a
// room wires it to the injected clock, channels and store; a room removes itself from the
// registry when it is dropped (a while after it finished, or after being left idle).
import type { Logger } from '../logger.js';
import { createGame } from '../game/state.js';
import { isSnapshot, restoreState } from '../game/restore.js';
import type { GameState } from '../game/types.js';
import type { RoomClock } from './clock.js';
import { playerRowId, type GameStore } from './game-store.js';
import { LiveRoom } from './live-room.js';
import type { QuestionSource, SourcedQuestion } from './question-source.js';
import type { NicknamePolicy } from './nicknames.js';
import type { RateLimits } from './rate-limits.js';
import { newRoomCode } from './room-code.js';
import { GameWriter, type WriterOptions } from './game-writer.js';
import { PastGames } from './past-games.js';
import { SendPacer, type SendPacerOptions } from './send-pacer.js';
import type { RoomChannels } from './transport.js';
import type { GameSettings } from '../../shared/game-types.js';

export interface RegistryOptions {
  clock: RoomClock;
  store: GameStore;
  logger: Logger;
  /** Shared with the REST routes and the socket handlers, which only receive the registry. */
  questions: QuestionSource;
  nicknames: NicknamePolicy;
  limits: RateLimits;
  /** Channels of one game (the realtime layer knows how to reach its sockets). */
  channelsFor(gameId: string): RoomChannels;
  /** A finished room answers late resumes for this long, then leaves memory. Default 10 min. */
  keepFinishedMs?: number;
  /** A room without any command for this long is ended. Default 6 h. */
  idleMs?: number;
  /** Games in memory at once (live, restored, or finished and kept a while for late resumes); more are refused. Default 500. */
  maxLiveRooms?: number;
  writer?: WriterOptions;
  /** A game's end is stored (podium or ended by the host); called once or more per game. */
  onGameEnded?(gameId: string): void;
  /** Turn-taking of all rooms' sends; default budget 4 ms per event-loop turn. */
  pacer?: SendPacerOptions;
  /** The fencing token under which this process owns the game (several processes), if any. */
  fenceOf?(gameId: string): number | null;
  /** A live room opened (new, or restored) in this process. */
  onRoomOpened?(gameId: string, code: string): void;
  /** A player's session token now names this game (join, or a restored game's players). */
  onSession?(gameId: string, tokenHash: string): void;
  /** The room left memory (dropped after its end, expired, or abandoned). */
  onRoomGone?(gameId: string, code: string): void;
}

export interface RestoreOptions {
  /** Only these games (a process taking over games whose owner died). */
  only?: readonly string[];
  /** Asked before a game is restored or closed: false leaves it to the process that owns it. */
  claim?(gameId: string): Promise<boolean>;
}

/** What start-up did with the games the database says are not over. */
export interface RestoreSummary {
  restored: string[];
  interrupted: string[];
}

export interface NewRoom {
  gameId: string;
  code: string;
  settings: GameSettings;
  questions: SourcedQuestion[];
  hostTokenHash: string;
}

export class RoomRegistry {
  private readonly byCode = new Map<string, LiveRoom>();
  private readonly byGame = new Map<string, LiveRoom>();
  private readonly bySession = new Map<string, LiveRoom>();
  /** Codes handed out to games still being created. */
  private readonly reserved = new Set<string>();
  private cancelSweep: (() => void) | null = null;
  private closing = false;
  /** One for all rooms: that is what lets many rooms' broadcasts take turns. */
  private readonly pacer: SendPacer;
  /** One for all rooms, so that rooms moving together share their database round trips. */
  private readonly writer: GameWriter;
  /** Games no longer in memory, as the database (briefly remembered) tells. */
  readonly past: PastGames;

  constructor(readonly opts: RegistryOptions) {
    this.pacer = new SendPacer(opts.pacer);
    this.writer = new GameWriter(opts.store, opts.logger, opts.writer);
    this.past = new PastGames(opts.store);
  }

  get size(): number {
    return this.byGame.size;
  }

  get maxLiveRooms(): number {
    return this.opts.maxLiveRooms ?? 500;
  }

  codeInUse(code: string): boolean {
    return this.byCode.has(code) || this.reserved.has(code);
  }

  /** A code unique among live rooms and games being created; open() or releaseCode() ends it. */
  reserveCode(): string {
    const code = newRoomCode((c) => this.codeInUse(c));
    this.reserved.add(code);
    return code;
  }

  releaseCode(code: string): void {
    this.reserved.delete(code);
  }

  findByCode(code: string): LiveRoom | undefined {
    return this.byCode.get(code);
  }

  findByGame(gameId: string): LiveRoom | undefined {
    return this.byGame.get(gameId);
  }

  findBySession(tokenHash: string): LiveRoom | undefined {
    return this.bySession.get(tokenHash);
  }

  open(spec: NewRoom): LiveRoom {
    const state = createGame({ gameId: spec.gameId, code: spec.code, settings: spec.settings, questions: spec.questions });
    return this.adopt(state, spec.hostTokenHash);
  }

  /** Start-up: every game the database holds as not over comes back as a live room (an open
   *  question paused, players offline until they resume with their tokens), unless it was
   *  last alive longer than `resumeWithinMs` ago: then it is closed as interrupted, with the
   *  standings of its last snapshot, and its report still works. */
  async restore(resumeWithinMs: number, wallNow = new Date(), opts: RestoreOptions = {}): Promise<RestoreSummary> {
    const { store, clock, logger } = this.opts;
    const summary: RestoreSummary = { restored: [], interrupted: [] };
    for (const game of await store.loadUnfinished(opts.only)) {
      if (this.byGame.has(game.id)) continue;
      if (opts.claim && !(await opts.claim(game.id))) continue;
      const fresh = wallNow.getTime() - game.lastAliveAt.getTime() <= resumeWithinMs;
      const snapshot = isSnapshot(game.snapshot) ? game.snapshot : null;
      // Never snapshotted: created, then the server stopped before its first write. Only a
      // lobby can be rebuilt from its rows (nobody had been told they joined).
      const state: GameState | null = snapshot
        ? restoreState(snapshot, game.questions, game.answers, clock.now())
        : game.status === 'lobby'
          ? createGame({ gameId: game.id, code: game.code, settings: game.settings, questions: game.questions })
          : null;
      if (!fresh || !state || this.codeInUse(game.code) || state.phase === 'ended') {
        const standings = (state?.ranking ?? []).map((seat) => ({
          id: playerRowId(game.id, state!.players[seat]!.id),
          score: state!.players[seat]!.score,
          rank: state!.rankOf[seat]!,
        }));
        await store.interrupt(game.id, standings, wallNow);
        summary.interrupted.push(game.id);
        continue;
      }
      // Stored at once, so a second restart starts from the paused, re-timed state.
      this.adopt(state, game.hostTokenHash, game.sessions).snapshot();
      summary.restored.push(game.id);
    }
    if (summary.restored.length + summary.interrupted.length > 0) logger.info(summary, 'unfinished games restored');
    return summary;
  }

  private adopt(state: GameState, hostTokenHash: string, restoredSessions?: readonly { playerId: string; tokenHash: string }[]): LiveRoom {
    if (this.closing) throw new Error('the server is shutting down');
    const { clock, logger } = this.opts;
    const spec = { gameId: state.gameId, code: state.code };
    const sessions: string[] = [];
    const room: LiveRoom = new LiveRoom({
      state,
      hostTokenHash,
      sessions: restoredSessions,
      clock,
      channels: this.opts.channelsFor(spec.gameId),
      pacer: this.pacer,
      writer: this.writer.forGame(spec.gameId),
      logger,
      keepFinishedMs: this.opts.keepFinishedMs ?? 10 * 60_000,
      fence: this.opts.fenceOf?.(spec.gameId) ?? null,
      onSession: (tokenHash) => {
        sessions.push(tokenHash);
        this.bySession.set(tokenHash, room);
        this.opts.onSession?.(spec.gameId, tokenHash);
      },
      onEnded: () => this.opts.onGameEnded?.(spec.gameId),
      onDrop: () => {
        if (this.byCode.get(spec.code) === room) this.byCode.delete(spec.code);
        if (this.byGame.get(spec.gameId) === room) this.byGame.delete(spec.gameId);
        for (const s of sessions) if (this.bySession.get(s) === room) this.bySession.delete(s);
        this.opts.onRoomGone?.(spec.gameId, spec.code);
      },
    });
    for (const { tokenHash } of restoredSessions ?? []) {
      sessions.push(tokenHash);
      this.bySession.set(tokenHash, room);
      this.opts.onSession?.(spec.gameId, tokenHash);
    }
    this.byCode.set(spec.code, room);
    this.byGame.set(spec.gameId, room);
    this.opts.onRoomOpened?.(spec.gameId, spec.code);
    this.armSweep();
    return room;
  }

  /** Another process owns this game now (this one lost its lease): the room stops at once,
   *  without another write, and leaves memory. */
  abandon(gameId: string): void {
    this.byGame.get(gameId)?.abandon();
  }

  /** Shutdown: stop every room's timers and flush its pending writes. */
  async closeAll(): Promise<void> {
    this.closing = true;
    this.cancelSweep?.();
    this.cancelSweep = null;
    await Promise.all([...this.byGame.values()].map((room) => room.close()));
    // Dropped rooms may have left writes that are still being retried.
    await this.writer.close();
  }

  /** One sweep timer for all rooms, instead of re-arming a timer on every command. */
  private armSweep(): void {
    if (this.cancelSweep || this.closing) return;
    const idleMs = this.opts.idleMs ?? 6 * 60 * 60_000;
    const every = Math.min(idleMs, 10 * 60_000);
    const { clock } = this.opts;
    this.cancelSweep = clock.schedule(clock.now() + every, () => {
      this.cancelSweep = null;
      const now = clock.now();
      for (const room of this.byGame.values()) {
        if (now - room.lastActivity >= idleMs) void room.expire();
      }
      if (this.byGame.size > 0) this.armSweep();
    });
  }
}
