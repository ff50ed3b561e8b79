// Rate limits. Join attempts are limited per client address so room codes cannot be found
// by trying them; every socket also has a command budget so one client cannot keep a room's
// queue busy. One process keeps them in memory; several processes (REDIS_URL) keep the
// per-address ones in Redis, so an address has one budget whichever process it reaches
// (a socket lives on one process, so its own budget stays in memory).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitRule {
  points: number;
  /** Window in seconds. */
  duration: number;
}

export interface RateLimitOptions {
  /** room:check, room:join, nickname:suggest and GET /api/rooms/:code, per address.
   *  Generous enough for a class behind one school NAT (check + join per student). */
  join?: LimitRule;
  /** Any command, per socket. */
  socket?: LimitRule;
  /** room:resume and host:attach that memory cannot answer (they ask the database), per
   *  address: random tokens cannot keep the database busy. */
  lookup?: LimitRule;
}

export const DEFAULT_LIMITS: Required<RateLimitOptions> = {
  join: { points: 240, duration: 60 },
  socket: { points: 30, duration: 3 },
  lookup: { points: 60, duration: 60 },
};

export class Limiter {
  private readonly limiter: RateLimiterAbstract;

  /** With `shared`, the points live in Redis under `keyPrefix`; if Redis does not answer,
   *  this process's own memory limiter decides meanwhile. */
  constructor(rule: LimitRule, shared?: { redis: Redis; keyPrefix: string }) {
    const memory = new RateLimiterMemory({ points: rule.points, duration: rule.duration });
    this.limiter = shared
      ? new RateLimiterRedis({
          storeClient: shared.redis,
          keyPrefix: shared.keyPrefix,
          points: rule.points,
          duration: rule.duration,
          insuranceLimiter: memory,
        })
      : memory;
  }

  /** True when `key` still had a point to spend. */
  async take(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      // Neither store answered; refusing is the safe side.
      return false;
    }
  }
}

export interface RateLimits {
  join: Limiter;
  socket: Limiter;
  lookup: Limiter;
}

export function createRateLimits(opts: RateLimitOptions = {}, redis?: Redis): RateLimits {
  return {
    join: new Limiter(opts.join ?? DEFAULT_LIMITS.join, redis && { redis, keyPrefix: 'qn:rl:join' }),
    socket: new Limiter(opts.socket ?? DEFAULT_LIMITS.socket),
    lookup: new Limiter(opts.lookup ?? DEFAULT_LIMITS.lookup, redis && { redis, keyPrefix: 'qn:rl:lookup' }),
  };
}
