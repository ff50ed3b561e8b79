// Entry point: the only file that reads the real environment and wires real dependencies.
import { createApp } from './app.js';
import { startBanner } from './banner.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseError, openDatabase, type Database } from './db/database.js';
import { resolveHostToken } from './host-secret.js';
import { createLogger } from './logger.js';
import { openRedis, type RedisClients } from './scale/redis.js';

/** Expected failures end with one readable line and exit code 1, never a stack trace. */
function fatal(message: string): never {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fatal(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);

  // Installed first, so a signal during start-up also stops cleanly. Hooks run in order:
  // stop accepting and close sockets, then close the database.
  const stopHooks: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const hook of stopHooks.splice(0)) await hook().catch((err) => logger.error({ err }, 'shutdown step failed'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Last line of defence for live games: a promise that failed where nobody listened is a bug
  // to log, not a reason to end every room of the process.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));

  let db: Database;
  try {
    db = await openDatabase({
      ...config,
      onConnectionError: (err) => logger.warn({ err: err.message }, 'database connection lost; the next query reconnects'),
    });
    stopHooks.push(() => db.close());
    const applied = await db.migrate();
    if (applied.length) logger.info({ applied }, 'database migrations applied');
  } catch (error) {
    if (error instanceof DatabaseError) fatal(error.message);
    fatal(`Could not prepare the database: ${(error as Error).message}`);
  }

  // Several processes, one service: Redis carries broadcasts, leases and forwarded commands.
  let redis: RedisClients | undefined;
  if (config.redisUrl) {
    try {
      redis = await openRedis(config.redisUrl, logger);
    } catch (error) {
      await db.close();
      fatal((error as Error).message);
    }
    const clients = redis;
    stopHooks.push(() => clients.close());
  }

  const hostToken = await resolveHostToken(db.prisma, config.hostToken);
  const app = createApp({
    db,
    logger,
    hostToken,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    rooms: { maxLiveRooms: config.maxLiveGames },
    shared: redis && { redis, resumeWithinMs: config.resumeWithinMs },
  });
  stopHooks.unshift(() => app.close());
  // Games that were running when the server last stopped come back before anyone connects.
  try {
    await app.directory.restore(config.resumeWithinMs);
  } catch (error) {
    logger.error({ err: error }, 'could not restore unfinished games; they stay as they are');
  }
  // Games that ended (or were closed as interrupted) without reaching the members' memory.
  void app.memory.catchUp().catch((error: unknown) => logger.error({ err: error }, 'could not record past games in the members’ memory'));
  let port: number;
  try {
    port = await app.listen(config.port, config.host);
  } catch (error) {
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fatal(`Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`);
    if (code === 'EACCES') fatal(`Not allowed to listen on port ${config.port}. Use a port above 1024 (PORT=3000).`);
    throw error;
  }
  app.directory.start();
  logger.info({ port, db: db.kind, shared: Boolean(redis) }, 'listening');
  process.stdout.write(startBanner({ port, hostToken, db: db.kind, publicUrl: config.publicUrl }) + '\n');

}

main().catch((error) => {
  process.stderr.write(`Error: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
