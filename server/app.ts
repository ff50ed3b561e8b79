// createApp wires one server from its dependencies: no singletons and no side effects at
// import time, so tests build as many apps as they like, each on its own database and port.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { Server as SocketServer } from 'socket.io';
import type { Database } from './db/database.js';
import { errorHandler, sendError } from './http/errors.js';
import type { Logger } from './logger.js';
import { threadGenerator, type QuestionGenerator } from './questions/generator-thread.js';
import { threadImportWorker, type ImportWorker } from './bank/import-thread.js';
import { mountRoutes } from './http/routes.js';
import { attachSockets } from './realtime/attach.js';
import { socketChannels, type IoServer } from './realtime/socket-link.js';
import { systemClock, type RoomClock } from './rooms/clock.js';
import { prismaGameStore, type GameStore } from './rooms/game-store.js';
import { createNicknamePolicy } from './rooms/nicknames.js';
import { bankQuestionSource, type QuestionSource } from './rooms/question-source.js';
import { createRateLimits, type RateLimitOptions } from './rooms/rate-limits.js';
import { RoomRegistry } from './rooms/registry.js';
import { localDirectory, type RoomDirectory } from './rooms/directory.js';
import { createAdapter } from '@socket.io/redis-adapter';
import type { LeaseOptions } from './scale/lease.js';
import type { RedisClients } from './scale/redis.js';
import { SharedDirectory } from './scale/shared-directory.js';
import { MemoryRecorder } from './memory/recorder.js';
import type { WriterOptions } from './rooms/game-writer.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  hostToken: string;
  /** Base URL printed in join links; defaults to the request's own origin. */
  publicUrl?: string;
  /** Built client (Vite output). Missing folder: the API still works, `/` explains. */
  clientDir?: string;
  /** Monotonic clock and scheduler of the live rooms; tests inject a manual one. */
  clock?: RoomClock;
  /** Where new games get their questions; default: generated from the notes bank. */
  questionSource?: QuestionSource;
  /** Runs the question generator; default: a worker thread, so the live rooms never wait. */
  questionGenerator?: QuestionGenerator;
  /** Parses and canonicalises imported notes; default: a worker thread, for the same reason. */
  importWorker?: ImportWorker;
  /** Persistence of live games; default: Prisma on `db`. Tests inject failing stores. */
  gameStore?: GameStore;
  /** Per-address join attempts and per-socket commands. */
  rateLimits?: RateLimitOptions;
  /** Live room lifetimes and write batching. */
  rooms?: { keepFinishedMs?: number; idleMs?: number; writer?: WriterOptions; maxLiveRooms?: number };
  /** Express's "trust proxy" value (TRUST_PROXY): whose X-Forwarded-For names the client.
   *  Default: nobody's, the connection's own address counts. */
  trustProxy?: string | number | boolean;
  /** Socket connections one address may hold at once (default 500). */
  connectionsPerAddress?: number;
  /** A socket that has neither joined a game nor attached as host within this time is closed
   *  (default one minute). */
  idleSocketMs?: number;
  /** Several processes, one service (REDIS_URL): broadcasts through Socket.IO's Redis
   *  adapter, one owner per game, commands forwarded to it (see server/scale/). */
  shared?: SharedOptions;
}

export interface SharedOptions {
  redis: RedisClients;
  lease?: LeaseOptions;
  watchEveryMs?: number;
  /** Games silent for longer are closed when taken over, as at start-up. */
  resumeWithinMs?: number;
}

export interface App {
  http: http.Server;
  io: IoServer;
  rooms: RoomRegistry;
  /** Where games live: this process only, or the processes sharing Redis. */
  directory: RoomDirectory;
  /** Counts ended games' answers into the members' memory. */
  memory: MemoryRecorder;
  express: express.Express;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, '../dist/client');

export function createApp(deps: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  // Forwarded addresses are believed only when the operator says a proxy sits in front.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Phones reach a quiz night over plain http on the local network: never upgrade.
          'upgrade-insecure-requests': null,
          // The QR code is drawn as a data: image.
          'img-src': ["'self'", 'data:'],
        },
      },
      // Plain http on a LAN is the normal case; HSTS belongs to whoever terminates TLS.
      strictTransportSecurity: false,
    }),
  );

  app.get('/api/health', async (_req, res) => {
    try {
      await deps.db.prisma.$queryRawUnsafe('SELECT 1');
      res.json({ ok: true, db: deps.db.kind });
    } catch {
      res.status(503).json({ ok: false, db: deps.db.kind });
    }
  });

  const server = http.createServer(app);
  // A request (an import included) gets a minute; a client that trickles its headers or body
  // is cut off instead of holding a connection for Node's default five minutes.
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  const io: IoServer = new SocketServer(server, {
    // Compression multiplies memory per connection and broadcast latency (see design.md).
    perMessageDeflate: false,
    // Every inbound command is tiny; anything bigger is hostile.
    maxHttpBufferSize: 16 * 1024,
    serveClient: false,
  });
  // Several processes: every room broadcast also reaches the room's sockets on the others.
  if (deps.shared) io.adapter(createAdapter(deps.shared.redis.pub, deps.shared.redis.sub, { key: 'qn-io', requestsTimeout: 5_000 }));

  const generator = deps.questionGenerator ?? threadGenerator(deps.logger);
  const memory = new MemoryRecorder(deps.db.prisma, deps.logger);
  let shared: SharedDirectory | null = null;
  const rooms = new RoomRegistry({
    onGameEnded: (gameId) => void memory.record(gameId),
    clock: deps.clock ?? systemClock(),
    store: deps.gameStore ?? prismaGameStore(deps.db.prisma),
    logger: deps.logger,
    questions: deps.questionSource ?? bankQuestionSource(deps.db.prisma, generator),
    nicknames: createNicknamePolicy(),
    limits: createRateLimits(deps.rateLimits, deps.shared?.redis.cmd),
    channelsFor: (gameId) => socketChannels(io, gameId),
    fenceOf: (gameId) => shared?.leases.fenceOf(gameId) ?? null,
    onRoomOpened: (gameId, code) => shared?.roomOpened(gameId, code),
    onSession: (gameId, tokenHash) => shared?.sessionOpened(gameId, tokenHash),
    onRoomGone: (gameId, code) => shared?.roomGone(gameId, code),
    ...deps.rooms,
  });
  const owner = { nicknames: rooms.opts.nicknames, serverHostToken: deps.hostToken };
  const directory: RoomDirectory = deps.shared
    ? (shared = new SharedDirectory({ io, redis: deps.shared.redis, rooms, owner, logger: deps.logger, lease: deps.shared.lease, watchEveryMs: deps.shared.watchEveryMs, resumeWithinMs: deps.shared.resumeWithinMs }))
    : localDirectory(rooms, owner);
  const importer = deps.importWorker ?? threadImportWorker(deps.logger);
  mountRoutes(app, { ...deps, importWorker: importer }, rooms, directory, generator, memory.index);

  app.use('/api', (_req, res) => sendError(res, 404, 'NOT_FOUND', 'No such API route.'));
  serveClient(app, deps.clientDir ?? DEFAULT_CLIENT_DIR);
  app.use(errorHandler(deps.logger));

  const sockets = attachSockets(io, deps, rooms, directory, app.get('trust proxy fn'));

  return {
    http: server,
    io,
    rooms,
    directory,
    memory,
    express: app,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve((server.address() as { port: number }).port);
        });
      });
    },
    async close() {
      // Rooms first: their timers stop and pending answer writes are flushed while the
      // database is still open; then live sockets go, then open requests finish.
      await rooms.closeAll();
      await directory.close();
      await memory.idle();
      await sockets.close();
      io.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await generator.close();
      await importer.close();
    },
  };
}

function serveClient(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Client-side routes (/host, /play, /results/...) all load the single-page app.
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    if (fs.existsSync(index)) return res.sendFile(index, { maxAge: 0 });
    res.status(503).type('text').send('The web client is not built yet: run `npm run build`.');
  });
}
