// The host secret guards everything that changes the notes bank or creates/controls a game.
// It comes from HOST_TOKEN, or is generated on first start and kept in the database so the
// host URL printed at start keeps working across restarts.
import crypto from 'node:crypto';
import type { PrismaClient } from './db/generated/client.js';

const KEY = 'hostToken';

export async function resolveHostToken(prisma: PrismaClient, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const existing = await prisma.setting.findUnique({ where: { key: KEY } });
  if (existing) return existing.value;
  const token = crypto.randomBytes(24).toString('base64url');
  // upsert: two servers starting together on one database end up with one shared secret.
  const row = await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: token }, update: {} });
  return row.value;
}

/** Constant-time comparison, so the secret cannot be recovered by timing responses. */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
