// Configuration comes from the environment only, parsed and validated once at start.
// A bad value stops the server with one line saying what is wrong and how to fix it.
import path from 'node:path';
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must look like postgresql://user@host:5432/database');

const redisUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must look like redis://127.0.0.1:6379/0');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default('data'),
  /** Several processes sharing the rooms (needs DATABASE_URL: they share PostgreSQL). */
  REDIS_URL: redisUrl.optional(),
  HOST_TOKEN: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters so it cannot be guessed')
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "-" and "_" (it travels in a URL)')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  /** Whose X-Forwarded-For to believe: unset (nobody), "loopback", a hop count, addresses. */
  TRUST_PROXY: z.string().trim().max(500).optional(),
  /** Games held in memory at once (live, restored, finished for a few minutes). */
  MAX_LIVE_GAMES: z.coerce.number().int().min(1).max(100_000).default(500),
  /** A game whose server was down longer than this is closed as interrupted at start-up. */
  RESUME_WITHIN_MINUTES: z.coerce.number().min(0).max(7 * 24 * 60).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Set: this process is one of several sharing the rooms through Redis. */
  redisUrl?: string;
  hostToken?: string;
  publicUrl?: string;
  logLevel: string;
  production: boolean;
  /** Unfinished games idle for longer than this are not restored but closed as interrupted. */
  resumeWithinMs: number;
  /** Express's "trust proxy" value; false when no proxy is trusted. */
  trustProxy: string | number | boolean;
  maxLiveGames: number;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with a one-line, actionable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables count as unset (common in .env files and compose files).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}: ${issue.message}. Fix or unset ${name} and start again.`);
  }
  const c = parsed.data;
  if (c.REDIS_URL && !c.DATABASE_URL) {
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: several processes share their games through one PostgreSQL database, and the embedded database (DATA_DIR) belongs to one process. Set DATABASE_URL, or unset REDIS_URL to run one process.',
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    redisUrl: c.REDIS_URL,
    hostToken: c.HOST_TOKEN,
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: c.LOG_LEVEL,
    production: c.NODE_ENV === 'production',
    resumeWithinMs: c.RESUME_WITHIN_MINUTES * 60_000,
    trustProxy: trustProxyValue(c.TRUST_PROXY),
    maxLiveGames: c.MAX_LIVE_GAMES,
  };
}

function trustProxyValue(value: string | undefined): string | number | boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
