// The Redis connections of one process: commands (leases, the directory's keys, rate
// limits), and the publish and subscribe pair of Socket.IO's Redis adapter. Separate
// connections, so a burst of broadcasts never delays a lease renewal.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface RedisClients {
  /** Leases, directory keys, rate limits. */
  cmd: Redis;
  pub: Redis;
  sub: Redis;
  close(): Promise<void>;
}

export class RedisError extends Error {}

/** Connects all three; fails with a readable message when Redis cannot be reached. */
export async function openRedis(url: string, logger: Logger): Promise<RedisClients> {
  const make = (name: string) => {
    const client = new Redis(url, {
      connectionName: `quiz-night:${name}`,
      lazyConnect: true,
      // Commands wait for a reconnect instead of failing at once; callers time out themselves.
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
    });
    let warned = false;
    client.on('error', (err: Error) => {
      if (warned) return;
      warned = true;
      logger.warn({ err: err.message, client: name }, 'redis connection error; reconnecting');
    });
    client.on('ready', () => (warned = false));
    return client;
  };
  const clients = [make('cmd'), make('pub'), make('sub')] as const;
  try {
    await Promise.all(
      clients.map((c) =>
        Promise.race([
          c.connect(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5_000).unref()),
        ]),
      ),
    );
  } catch (error) {
    for (const c of clients) c.disconnect();
    throw new RedisError(`Could not reach Redis at ${redactUrl(url)}: ${(error as Error).message}. Start Redis or fix REDIS_URL.`);
  }
  const [cmd, pub, sub] = clients;
  return {
    cmd,
    pub,
    sub,
    async close() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
