// One Redis database index for one test file (Redis on 127.0.0.1:6379, as on the project's
// machines). It is flushed before and after the file: only that index, never the others.
import { Redis } from 'ioredis';

export interface TestRedis {
  url: string;
  redis: Redis;
  close(): Promise<void>;
}

export const REDIS_HOST_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function useRedisDb(index: number): Promise<TestRedis> {
  const url = `${REDIS_HOST_URL}/${index}`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(`These tests need Redis at ${REDIS_HOST_URL} (set TEST_REDIS_URL): ${(error as Error).message}`);
  }
  await redis.flushdb();
  return {
    url,
    redis,
    async close() {
      await redis.flushdb();
      await redis.quit();
    },
  };
}
