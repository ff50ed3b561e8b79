// What the database says about games that are no longer in memory, for a resume, a host
// screen or a room code that no live room answers. Answers are remembered for a while (both
// "finished" and "never heard of it"), so a client retrying the same stale token, or many
// asking about the same finished game, cost one query, not one each.
import type { GameStore } from './game-store.js';

const MAX_ENTRIES = 10_000;
const TTL_MS = 60_000;

type Kind = 'session' | 'game' | 'code';

export class PastGames {
  private readonly cache = new Map<string, { status: string | null; at: number }>();

  constructor(
    private readonly store: GameStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The status of the game a session token (its hash) belonged to, or null. */
  bySession(tokenHash: string): Promise<string | null> {
    return this.lookup('session', tokenHash, () => this.store.statusBySession(tokenHash));
  }

  byGame(gameId: string): Promise<string | null> {
    return this.lookup('game', gameId, () => this.store.statusByGame(gameId));
  }

  /** The status of the latest recent game that used this room code, or null. */
  byCode(code: string): Promise<string | null> {
    return this.lookup('code', code, () => this.store.recentStatusByCode(code));
  }

  /** Whether the answer is already known (so asking costs nothing). */
  known(kind: Kind, key: string): boolean {
    const hit = this.cache.get(`${kind}:${key}`);
    return !!hit && this.now() - hit.at < TTL_MS;
  }

  private async lookup(kind: Kind, key: string, ask: () => Promise<string | null>): Promise<string | null> {
    const id = `${kind}:${key}`;
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < TTL_MS) return hit.status;
    const status = await ask();
    // Oldest first: a Map iterates in insertion order, so this drops the stalest entry.
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.delete(id);
    this.cache.set(id, { status, at: this.now() });
    return status;
  }
}
