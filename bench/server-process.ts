// The quiz server under test, in its own process (so its RSS, heap, CPU time and event-loop
// delay are its own): the real createApp over the bench database, listening on 127.0.0.1.
// Started by run.ts with --expose-gc; driven and read over IPC (see probes.ts).
import pino from 'pino';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';
import { openRedis } from '../server/scale/redis.js';
import { systemClock, type RoomClock } from '../server/rooms/clock.js';
import { nowMs } from './clock.js';
import { serve } from './ipc.js';
import { Probes } from './probes.js';

const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
const hostToken = process.env.BENCH_HOST_TOKEN;
const logFile = process.env.BENCH_SERVER_LOG;
if (!databaseUrl || !hostToken) throw new Error('server-process needs BENCH_SERVER_DATABASE_URL and BENCH_HOST_TOKEN');

const probes = new Probes();
const db = await openDatabase({ databaseUrl, dataDir: '' });
await db.migrate();
// Same logger as production (pino JSON lines at LOG_LEVEL, default info) but into a file, so
// the benchmark pays for the logging the real server does without flooding the terminal.
const destination = logFile ? pino.destination({ dest: logFile, sync: false }) : pino.destination(2);
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
// --processes 2: this server is one of two sharing the games through Redis.
const redisUrl = process.env.BENCH_REDIS_URL;
const redis = redisUrl ? await openRedis(redisUrl, logger) : undefined;
const app = createApp({
  db,
  logger,
  hostToken,
  shared: redis && { redis },
  clock: timedClock(systemClock()),
  // Every benchmark player comes from 127.0.0.1, where real players come from many
  // addresses: the per-address join budget (240 a minute) would stop the 121st player.
  // The limiters still run on every join and lookup; only their budgets are raised.
  rateLimits: { join: { points: 1_000_000, duration: 60 } },
  // Likewise the cap on connections per address (real players do not share one address).
  connectionsPerAddress: 1_000_000,
  // And the cap on games in memory: the many-rooms scenario and the soak add hundreds.
  rooms: { maxLiveRooms: 100_000 },
});
probes.hookBroadcasts(app.io);
const port = await app.listen(0, '127.0.0.1');
app.directory.start();

/** The production clock, plus a record of how late each room timer fired. The rooms'
 *  question timers (end of reading, answer deadline) are the only ones that come due during
 *  a run: the finished-room drop and the idle sweep are minutes away. */
function timedClock(inner: RoomClock): RoomClock {
  return {
    now: () => inner.now(),
    schedule(at, fn) {
      const delay = at - inner.now();
      return inner.schedule(at, () => {
        probes.recordTimer({ late: inner.now() - at, delay, t: nowMs() });
        fn();
      });
    },
  };
}

serve(
  probes.handlers({
    info: () => ({ port, pid: process.pid }),
    stop: async () => {
      await app.close();
      await redis?.close();
      await db.close();
      destination.flushSync?.();
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  }),
);
process.send?.({ event: 'ready', data: { port, pid: process.pid } });
