// Several processes, one service (REDIS_URL). Each game has one owner, the process holding
// its lease (lease.ts); its live room runs there exactly as in a single process. The other
// processes find the game through Redis keys (join code, session token) and forward their
// sockets' commands to the owner as Socket.IO server-side events with an ack; the owner
// answers with the command's ack and reaches their sockets through the Redis adapter
// (remote-link.ts). When an owner dies its leases expire, and the first process that
// notices (a watcher every half second, or a command for the game) takes the game over:
// it restores the room from PostgreSQL, as a restart would, and tells every process to
// seat its connections of that game there again.
import os from 'node:os';
import crypto from 'node:crypto';
import { fail, ok, type Ack } from '../../shared/errors.js';
import { GAME_RULES } from '../../shared/game-types.js';
import type { Logger } from '../logger.js';
import type { IoServer, IoSocket } from '../realtime/socket-link.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { Respond } from '../rooms/live-room.js';
import type { NewRoom, RestoreSummary, RoomRegistry } from '../rooms/registry.js';
import { localHandle, type OwnerContext, type RoomHandle } from '../rooms/room-handle.js';
import type { Link } from '../rooms/transport.js';
import { leaseKey, Leases, type LeaseOptions } from './lease.js';
import type { CommandBody, ForwardedCommand, ForwardReply } from './messages.js';
import type { RedisClients } from './redis.js';
import { remoteLink, type RemoteLink } from './remote-link.js';

const GAMES = 'qn:games';
const codeKey = (code: string) => `qn:code:${code}`;
const sessionKey = (tokenHash: string) => `qn:session:${tokenHash}`;
/** Codes and sessions outlive any game in memory (idle games end after 6 h). */
const KEY_TTL_S = 24 * 60 * 60;
/** How long a command waits for a game whose owner just died to be taken over. */
const OWNERLESS_WAIT_MS = 15_000;

const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface SharedDirectoryOptions {
  io: IoServer;
  redis: RedisClients;
  rooms: RoomRegistry;
  owner: OwnerContext;
  logger: Logger;
  /** The same rule as start-up: a game silent for longer is closed, not restored. */
  resumeWithinMs?: number;
  lease?: LeaseOptions;
  /** How often to look for games whose owner is gone. Default 500 ms. */
  watchEveryMs?: number;
}

type Where = 'local' | 'remote' | 'none';

export class SharedDirectory implements RoomDirectory {
  /** This process, in lease values. */
  readonly id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  readonly leases: Leases;
  readonly playerCapMax = GAME_RULES.playerCapMaxShared;
  private readonly takeovers = new Map<string, Promise<boolean>>();
  private readonly ownerWaits = new Map<string, Promise<Where>>();
  /** The owner's view of other processes' connections, by game and socket id. */
  private readonly remoteLinks = new Map<string, RemoteLink>();
  private watcher: NodeJS.Timeout | null = null;
  private watching = false;
  private closed = false;

  constructor(private readonly opts: SharedDirectoryOptions) {
    const { io, rooms, logger } = opts;
    this.leases = new Leases(opts.redis.cmd, this.id, logger, (gameId) => rooms.abandon(gameId), opts.lease);
    io.on('qn:cmd', (command, answer) => void this.serve(command, answer));
    io.on('qn:owner', (gameId) => void this.reseat(gameId));
  }

  private get redis() {
    return this.opts.redis.cmd;
  }

  // ---- registry hooks --------------------------------------------------------------

  roomOpened(gameId: string, code: string): void {
    void this.redis
      .multi()
      .sadd(GAMES, gameId)
      .set(codeKey(code), gameId, 'EX', KEY_TTL_S)
      .exec()
      .catch((err: Error) => this.opts.logger.warn({ err: err.message, gameId }, 'could not register a game in redis'));
  }

  sessionOpened(gameId: string, tokenHash: string): void {
    void this.redis.set(sessionKey(tokenHash), gameId, 'EX', KEY_TTL_S).catch((err: Error) => this.opts.logger.warn({ err: err.message, gameId }, 'could not register a session in redis'));
  }

  roomGone(gameId: string, code: string): void {
    for (const key of this.remoteLinks.keys()) if (key.startsWith(`${gameId}|`)) this.remoteLinks.delete(key);
    // Abandoned rooms belong to their new owner: leave its keys alone.
    if (!this.leases.holds(gameId)) return;
    void (async () => {
      await this.redis.srem(GAMES, gameId);
      await this.redis.eval(DELETE_IF, 1, codeKey(code), gameId);
      await this.leases.release(gameId);
    })().catch((err: Error) => this.opts.logger.warn({ err: err.message, gameId }, 'could not unregister a game in redis'));
  }

  // ---- the directory -----------------------------------------------------------------

  async byCode(code: string): Promise<RoomHandle | null> {
    const room = this.opts.rooms.findByCode(code);
    if (room && !room.isClosed) return localHandle(room, this.opts.owner);
    const gameId = await this.redis.get(codeKey(code));
    return gameId ? this.handle(gameId) : null;
  }

  async bySession(tokenHash: string): Promise<RoomHandle | null> {
    const room = this.opts.rooms.findBySession(tokenHash);
    if (room && !room.isClosed) return localHandle(room, this.opts.owner);
    const gameId = await this.redis.get(sessionKey(tokenHash));
    return gameId ? this.handle(gameId) : null;
  }

  byGame(gameId: string): Promise<RoomHandle | null> {
    return this.handle(gameId);
  }

  async reserveCode(gameId: string): Promise<{ code: string; release(opened: boolean): Promise<void> }> {
    const { rooms } = this.opts;
    for (let attempt = 0; ; attempt++) {
      const code = rooms.reserveCode();
      if (await this.redis.set(codeKey(code), gameId, 'EX', KEY_TTL_S, 'NX')) {
        return {
          code,
          release: async (opened) => {
            rooms.releaseCode(code);
            if (!opened) await this.redis.eval(DELETE_IF, 1, codeKey(code), gameId);
          },
        };
      }
      rooms.releaseCode(code);
      if (attempt > 50) throw new Error('no free room code');
    }
  }

  async open(spec: NewRoom) {
    if ((await this.leases.acquire(spec.gameId)) === null) throw new Error(`game ${spec.gameId} already has an owner`);
    return this.opts.rooms.open(spec);
  }

  /** Start-up: every unfinished game whose lease is free comes back here. */
  async restore(resumeWithinMs: number): Promise<RestoreSummary> {
    const summary = await this.opts.rooms.restore(resumeWithinMs, new Date(), { claim: (gameId) => this.claim(gameId) });
    // Closed as interrupted: not live, so nobody needs its lease.
    for (const gameId of summary.interrupted) await this.forget(gameId);
    return summary;
  }

  /** Starts looking for games whose owner died. */
  start(): void {
    if (this.watcher || this.closed) return;
    this.watcher = setInterval(() => void this.watch(), this.opts.watchEveryMs ?? 500);
    this.watcher.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    await Promise.allSettled(this.takeovers.values());
    // Stopped cleanly (rooms closed and their writes flushed first): the games are free for
    // another process at once, without waiting for the leases to expire.
    await this.leases.releaseAll();
  }

  // ---- ownership ----------------------------------------------------------------------

  private async claim(gameId: string): Promise<boolean> {
    return (await this.leases.acquire(gameId)) !== null;
  }

  private async forget(gameId: string): Promise<void> {
    await this.redis.srem(GAMES, gameId);
    await this.leases.release(gameId);
  }

  private async locate(gameId: string): Promise<Where> {
    for (;;) {
      const pending = this.takeovers.get(gameId);
      if (pending) await pending;
      const room = this.opts.rooms.findByGame(gameId);
      if (room && !room.isClosed && this.leases.holds(gameId)) return 'local';
      const owner = await this.leases.ownerOf(gameId);
      if (owner && owner !== this.id) return 'remote';
      if (owner === this.id) {
        // Taken by this process a moment ago and still being restored: wait for it.
        if (this.takeovers.has(gameId)) continue;
        return this.opts.rooms.findByGame(gameId) ? 'local' : 'none';
      }
      // Nobody holds it: a live game (still listed) whose owner died, or a game that is over.
      if (!(await this.redis.sismember(GAMES, gameId))) return 'none';
      if (await this.takeOver(gameId)) return 'local';
      if (!this.takeovers.has(gameId) && !(await this.leases.ownerOf(gameId))) return 'none';
    }
  }

  /** No process answered for the game: its owner is gone (or going). One wait per game,
   *  shared by every command that ran into it: until the dead owner's lease is gone and the
   *  game has a new owner (often this process), or the game turns out to be over. */
  private awaitOwner(gameId: string, deadline: number): Promise<Where> {
    let waiting = this.ownerWaits.get(gameId);
    if (!waiting) {
      waiting = (async () => {
        // This process may be the owner by now (it took the game over meanwhile).
        const where = await this.locate(gameId);
        if (where !== 'remote') return where;
        const silent = await this.redis.get(leaseKey(gameId));
        for (;;) {
          const now = await this.redis.get(leaseKey(gameId));
          if (now !== silent || now === null) return this.locate(gameId);
          if (Date.now() > deadline) return 'remote' as const;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      this.ownerWaits.set(gameId, waiting);
      void waiting.finally(() => this.ownerWaits.delete(gameId)).catch(() => {});
    }
    return waiting;
  }

  private async handle(gameId: string): Promise<RoomHandle | null> {
    const where = await this.locate(gameId);
    if (where === 'none') return null;
    if (where === 'remote') return new RemoteRoom(gameId, this);
    return localHandle(this.opts.rooms.findByGame(gameId)!, this.opts.owner);
  }

  /** Restores a game whose owner is gone, if this process gets its lease first. */
  takeOver(gameId: string): Promise<boolean> {
    const running = this.takeovers.get(gameId);
    if (running) return running;
    const attempt = (async () => {
      if (this.closed || this.opts.rooms.findByGame(gameId)) return false;
      const fence = await this.leases.acquire(gameId);
      if (fence === null) return false;
      const started = Date.now();
      try {
        const summary = await this.opts.rooms.restore(this.opts.resumeWithinMs ?? 60 * 60_000, new Date(), { only: [gameId] });
        if (!summary.restored.includes(gameId)) {
          await this.forget(gameId);
          return false;
        }
        this.opts.logger.info({ gameId, fence, ms: Date.now() - started }, 'took over a game whose owner is gone');
        this.opts.io.serverSideEmit('qn:owner', gameId);
        return true;
      } catch (err) {
        this.opts.logger.error({ err, gameId }, 'could not take over a game; another process may');
        await this.leases.release(gameId);
        return false;
      }
    })();
    this.takeovers.set(gameId, attempt);
    void attempt.finally(() => {
      this.takeovers.delete(gameId);
      // Outside the takeover's promise, so that the reseat's own lookups do not wait on it.
      void attempt.then((mine) => {
        if (mine) void this.reseat(gameId);
      });
    });
    return attempt;
  }

  private async watch(): Promise<void> {
    if (this.watching || this.closed) return;
    this.watching = true;
    try {
      const ids = (await this.redis.smembers(GAMES)).filter((id) => !this.leases.holds(id));
      if (ids.length === 0) return;
      const owners = await this.redis.mget(ids.map(leaseKey));
      for (const [i, gameId] of ids.entries()) if (!owners[i]) await this.takeOver(gameId);
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'could not look for games without an owner');
    } finally {
      this.watching = false;
    }
  }

  /** The game has a new owner: this process's connections of that game are seated there
   *  again, with the tokens they joined or attached with. */
  private async reseat(gameId: string): Promise<void> {
    const sockets = [...this.opts.io.of('/').sockets.values()].filter((s) => s.data.session?.room.gameId === gameId);
    if (sockets.length === 0) return;
    const handle = await this.handle(gameId).catch(() => null);
    if (!handle) return;
    await Promise.all(sockets.map((socket) => seatAgain(socket, handle)));
  }

  // ---- forwarding -----------------------------------------------------------------------

  /** The owner's side: run a command another process forwarded, if the game is ours. */
  private async serve(command: ForwardedCommand, answer: (reply: ForwardReply | null) => void): Promise<void> {
    const { gameId } = command;
    const pending = this.takeovers.get(gameId);
    if (pending) await pending.catch(() => false);
    const room = this.opts.rooms.findByGame(gameId);
    if (!room || room.isClosed || !this.leases.holds(gameId)) return answer(null);
    const respond = (ack: Ack<unknown>) => answer({ ack });
    const key = `${gameId}|${command.linkId}`;
    let link = this.remoteLinks.get(key);
    if (!link && command.op !== 'detach') {
      link = remoteLink(this.opts.io, command.linkId, gameId);
      if (command.op === 'join' || command.op === 'resume' || command.op === 'attach') this.remoteLinks.set(key, link);
    }
    try {
      await runOn(localHandle(room, this.opts.owner), command, link ?? remoteLink(this.opts.io, command.linkId, gameId), respond);
      if (command.op === 'detach' && link) {
        link.connected = false;
        this.remoteLinks.delete(key);
      }
    } catch (err) {
      this.opts.logger.error({ err, gameId, op: command.op }, 'forwarded command failed');
      respond(fail('INTERNAL'));
    }
  }

  /** The sender's side: the owner's ack, wherever the game is (waiting out a takeover). */
  async forward(command: ForwardedCommand, link: Link | null): Promise<Ack<unknown>> {
    const deadline = Date.now() + OWNERLESS_WAIT_MS;
    for (;;) {
      // This process took the game over since the handle was made: run it here.
      const mine = this.opts.rooms.findByGame(command.gameId);
      if (mine && !mine.isClosed && this.leases.holds(command.gameId)) {
        return new Promise((resolve) => {
          void runOn(localHandle(mine, this.opts.owner), command, link ?? remoteLink(this.opts.io, command.linkId, command.gameId), resolve);
        });
      }
      let replies: (ForwardReply | null)[];
      try {
        replies = await this.opts.io.serverSideEmitWithAck('qn:cmd', command);
      } catch {
        // A process (the owner?) did not answer in time: the command's fate is unknown.
        return fail('INTERNAL', 'The game’s server did not answer; try again in a moment.');
      }
      const reply = replies.find((r) => r);
      if (reply) return reply.ack;
      const where = await this.awaitOwner(command.gameId, deadline);
      if (where === 'local') continue;
      if (where === 'none') return fail('GAME_FINISHED');
      if (Date.now() > deadline) return fail('INTERNAL', 'The game’s server did not answer; try again in a moment.');
    }
  }
}

async function runOn(handle: RoomHandle, command: ForwardedCommand, link: Link, respond: Respond<unknown>): Promise<void> {
  switch (command.op) {
    case 'info':
      return respond(await handle.info());
    case 'suggest':
      return respond(await handle.suggestNickname());
    case 'hostOk':
      return respond(ok(await handle.hostTokenMatches(command.hostToken)));
    case 'join':
      return handle.join(link, command.request, respond);
    case 'resume':
      return handle.resume(link, command.tokenHash, respond);
    case 'attach':
      return handle.attachHost(link, command.hostToken, respond);
    case 'host':
      return handle.hostCommand(link, command.command, respond);
    case 'submit':
      return handle.submit(link, command.playerId, command.questionId, command.optionIndex, respond);
    case 'detach':
      await handle.detach(link, command.playerId);
      return respond(ok(null));
  }
}

/** Answers that say the connection's identity is gone for good; anything else (a busy or
 *  silent owner) is worth another try. */
const FINAL = new Set(['BAD_TOKEN', 'KICKED', 'GAME_FINISHED', 'NOT_HOST', 'UNKNOWN_GAME']);

/** A connection of this process seated again after its game changed owner (a few tries). */
async function seatAgain(socket: IoSocket, handle: RoomHandle): Promise<void> {
  const session = socket.data.session;
  if (!session) return;
  session.room = handle;
  for (let attempt = 0; attempt < 4 && socket.connected && socket.data.session === session; attempt++) {
    const ack = await new Promise<Ack<unknown>>((resolve) => {
      if (session.playerId !== null && session.tokenHash) void handle.resume(session.link, session.tokenHash, resolve);
      else if (session.playerId === null && session.hostToken) void handle.attachHost(session.link, session.hostToken, resolve);
      else resolve(fail('BAD_TOKEN'));
    });
    if (ack.ok) return;
    if (FINAL.has(ack.error.code)) break;
    await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
  }
  if (socket.data.session === session) socket.data.session = undefined;
}

/** A game owned by another process: every command goes to the owner and its ack comes back. */
class RemoteRoom implements RoomHandle {
  readonly local = false;
  constructor(
    readonly gameId: string,
    private readonly dir: SharedDirectory,
  ) {}

  private send<T>(link: Link | null, body: CommandBody): Promise<Ack<T>> {
    return this.dir.forward({ ...body, gameId: this.gameId, linkId: link?.id ?? '' } as ForwardedCommand, link) as Promise<Ack<T>>;
  }

  info() {
    return this.send<never>(null, { op: 'info' });
  }
  suggestNickname() {
    return this.send<{ nickname: string }>(null, { op: 'suggest' });
  }
  async hostTokenMatches(hostToken: string) {
    const ack = await this.send<boolean>(null, { op: 'hostOk', hostToken });
    return ack.ok && ack.data;
  }
  async join(link: Link, request: Parameters<RoomHandle['join']>[1], respond: Respond<never>) {
    respond(await this.send(link, { op: 'join', request }));
  }
  async resume(link: Link, tokenHash: string, respond: Respond<never>) {
    respond(await this.send(link, { op: 'resume', tokenHash }));
  }
  async attachHost(link: Link, hostToken: string, respond: Respond<never>) {
    respond(await this.send(link, { op: 'attach', hostToken }));
  }
  async hostCommand(link: Link, command: Parameters<RoomHandle['hostCommand']>[1], respond: Respond<null>) {
    respond(await this.send(link, { op: 'host', command }));
  }
  async submit(link: Link, playerId: string, questionId: string, optionIndex: number, respond: Respond<never>) {
    respond(await this.send(link, { op: 'submit', playerId, questionId, optionIndex }));
  }
  async detach(link: Link, playerId: string | null) {
    await this.send(link, { op: 'detach', playerId });
  }
}
