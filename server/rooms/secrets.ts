// Session and host tokens: random, url-safe, and stored only as hashes, so a leaked
// database cannot be used to take over a player or a game.
import crypto from 'node:crypto';

/** 32 random bytes as base64url: 43 characters, within shared/schemas.ts tokenSchema. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Plain SHA-256 is enough here: the tokens are long random strings, not passwords. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
