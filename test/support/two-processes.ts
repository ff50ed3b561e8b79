// Two real server processes on one test database and one Redis database index, for the
// scale-out tests: started before the file's tests, killed after (with every client a test
// opened through `on`).
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';
import { useRedisDb, type TestRedis } from './redis.js';
import { connect, startServer, type Server } from './server-process.js';
import type { TestClient } from './socket-clients.js';

export interface TwoProcesses {
  readonly tdb: TestDatabase;
  readonly redis: TestRedis;
  /** The two processes, in the order they were started. */
  readonly servers: Server[];
  /** A socket client on that process, closed after the file's tests. */
  on(server: Server): Promise<TestClient>;
}

export function twoProcesses(redisDb: number): TwoProcesses {
  let tdb: TestDatabase;
  let redis: TestRedis;
  const servers: Server[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    redis = await useRedisDb(redisDb);
    const env = { DATABASE_URL: tdb.url, REDIS_URL: redis.url };
    // The test database is a clone of a migrated template: nothing to migrate, so both start at once.
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await redis?.close();
    await tdb?.drop();
  });

  return {
    get tdb() {
      return tdb;
    },
    get redis() {
      return redis;
    },
    servers,
    async on(server) {
      const c = await connect(server);
      clients.push(c);
      return c;
    },
  };
}
