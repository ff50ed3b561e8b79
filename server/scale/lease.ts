// One owner per game: a lease in Redis, `qn:lease:<gameId>` = "<process id>:<fence>", that
// expires unless its owner renews it. Taking a free lease increments the game's fencing
// token, so every ownership has a number larger than the one before; a renewal succeeds
// only while the key still holds this process's own value, so an owner that was too slow
// learns that it lost the game instead of overwriting its successor's lease.
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface LeaseOptions {
  /** Time to live of a lease: how long a dead owner keeps its games. Default 3 s. */
  ttlMs?: number;
  /** How often the owner renews all its leases at once. Default every 500 ms. */
  renewEveryMs?: number;
}

const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
return fence`;

const RENEW = `
local kept = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[i + 1] then
    redis.call('PEXPIRE', key, ARGV[1])
    kept[i] = 1
  else
    kept[i] = 0
  end
end
return kept`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export const leaseKey = (gameId: string) => `qn:lease:${gameId}`;
const fenceKey = (gameId: string) => `qn:fence:${gameId}`;

interface Held {
  value: string;
  fence: number;
  /** Local time until which the lease is certainly ours (renewal sent time + ttl). */
  validUntil: number;
}

export class Leases {
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | null = null;
  private renewing = false;

  constructor(
    private readonly redis: Redis,
    /** This process, as lease values name it. */
    readonly ownerId: string,
    private readonly logger: Logger,
    /** Called when a lease is lost while the process lives: stop the game at once. */
    private readonly onLost: (gameId: string) => void,
    opts: LeaseOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 3_000;
    this.renewEveryMs = opts.renewEveryMs ?? 500;
  }

  holds(gameId: string): boolean {
    return this.held.has(gameId);
  }

  fenceOf(gameId: string): number | null {
    return this.held.get(gameId)?.fence ?? null;
  }

  /** Takes the game's lease if nobody holds it; its fencing token, or null. */
  async acquire(gameId: string): Promise<number | null> {
    const sentAt = Date.now();
    const fence = Number(await this.redis.eval(ACQUIRE, 2, leaseKey(gameId), fenceKey(gameId), this.ownerId, this.ttlMs));
    if (!fence) return null;
    this.held.set(gameId, { value: `${this.ownerId}:${fence}`, fence, validUntil: sentAt + this.ttlMs });
    this.arm();
    return fence;
  }

  /** Gives the game up (it ended, or this process stops): another process may take it now. */
  async release(gameId: string): Promise<void> {
    const held = this.held.get(gameId);
    if (!held) return;
    this.held.delete(gameId);
    await this.redis.eval(RELEASE, 1, leaseKey(gameId), held.value).catch((err: Error) => this.logger.warn({ err: err.message, gameId }, 'lease release failed; it expires by itself'));
  }

  /** The process that owns the game now, or null. */
  async ownerOf(gameId: string): Promise<string | null> {
    const value = await this.redis.get(leaseKey(gameId));
    return value ? value.slice(0, value.lastIndexOf(':')) : null;
  }

  async releaseAll(): Promise<void> {
    this.stop();
    await Promise.all([...this.held.keys()].map((gameId) => this.release(gameId)));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), this.renewEveryMs);
    this.timer.unref();
  }

  private lose(gameId: string, why: string): void {
    if (!this.held.delete(gameId)) return;
    this.logger.warn({ gameId, why }, 'lost the lease of a game; another process owns it now');
    this.onLost(gameId);
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    if (this.renewing) {
      // Redis has not answered the last renewal: a lease past its time may already be
      // another process's, so its game stops here.
      for (const [gameId, held] of this.held) if (held.validUntil <= now) this.lose(gameId, 'redis did not answer in time');
      return;
    }
    if (this.held.size === 0) return this.stop();
    // Also the leases that may have expired while this process was stalled: the script keeps
    // a lease only if Redis still holds this process's value, i.e. nobody took it meanwhile.
    const entries = [...this.held.entries()];
    this.renewing = true;
    const sentAt = Date.now();
    try {
      const kept = (await this.redis.eval(RENEW, entries.length, ...entries.map(([g]) => leaseKey(g)), this.ttlMs, ...entries.map(([, h]) => h.value))) as number[];
      entries.forEach(([gameId, held], i) => {
        if (this.held.get(gameId) !== held) return;
        if (kept[i] === 1) held.validUntil = sentAt + this.ttlMs;
        else this.lose(gameId, 'expired or taken by another process');
      });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'lease renewal failed; retrying');
      for (const [gameId, held] of this.held) if (held.validUntil <= Date.now()) this.lose(gameId, 'could not renew in time');
    } finally {
      this.renewing = false;
    }
  }
}
