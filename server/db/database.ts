// Opens the notes bank database: the embedded PGlite in DATA_DIR when no DATABASE_URL is
// given, a real PostgreSQL server through @prisma/adapter-pg otherwise. Both run the same
// migrations and the same Prisma client.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.js';
import { applyMigrations, type SqlRunner } from './migrate.js';
import { startPgliteThread, type PGliteLike } from './pglite-thread.js';

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  prisma: PrismaClient;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** An expected start-up failure: printed as one line, no stack trace. */
export class DatabaseError extends Error {}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Told about connection errors that the driver recovers from (a dropped connection is
   *  replaced on the next query); without it they are ignored, never thrown. */
  onConnectionError?(error: Error): void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.onConnectionError ?? (() => {})) : openPglite(opts.dataDir);
}

async function openPostgres(connectionString: string, onConnectionError: (error: Error) => void): Promise<Database> {
  const url = new URL(connectionString);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  // Check reachability first so a wrong URL gives one clear line instead of a driver stack.
  // Short-lived clients only (the reachability probe, the migrations): a connection left
  // open with no listener would end the process when PostgreSQL drops it (a restart, a
  // failover, a killed backend).
  const client = async () => {
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    c.on('error', onConnectionError);
    await c.connect();
    return c;
  };
  try {
    await (await client()).end();
  } catch (error) {
    throw new DatabaseError(
      `Cannot connect to PostgreSQL at ${where}: ${describePgError(error)}. Check that the server is running and DATABASE_URL is right.`,
    );
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg(
      // A query waits at most 5 s for a connection, so reads during an outage fail with an
      // error instead of hanging; dropped pooled connections are replaced on the next query.
      { connectionString, max: 10, connectionTimeoutMillis: 5000 },
      { onPoolError: onConnectionError, onConnectionError },
    ) as never,
  });
  return {
    kind: 'postgres',
    prisma,
    async migrate() {
      const c = await client();
      const runner: SqlRunner = {
        exec: async (sql) => void (await c.query(sql)),
        query: async (sql, params) => (await c.query(sql, params as unknown[])).rows,
      };
      try {
        // Several servers may start at once against one database: serialise migrations
        // (the lock goes with the session if this process dies half-way).
        await c.query('SELECT pg_advisory_lock(7270736901)');
        return await applyMigrations(runner);
      } finally {
        await c.end().catch(() => {});
      }
    },
    close: () => prisma.$disconnect(),
  };
}

function describePgError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'unknown host';
  if (e.code === '3D000') return 'the database does not exist';
  if (e.code === '28P01' || e.code === '28000') return 'authentication failed';
  return e.message ?? String(error);
}

async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.join(dataDir, 'pglite');
  try {
    ensureWritableDir(dir);
  } catch {
    throw new DatabaseError(`DATA_DIR ${dataDir} is not writable. Choose a writable folder with DATA_DIR=/some/folder.`);
  }
  const release = lockDataDir(dataDir);
  let lite: PGliteLike;
  let prepared: string[];
  try {
    prepared = await prepareInChild(dir);
    // In a worker thread of its own, so its queries never hold up the live rooms.
    lite = await startPgliteThread(dir, PGLITE_OPTIONS);
  } catch (error) {
    release();
    throw new DatabaseError(`Cannot open the embedded database in ${dir}: ${(error as Error).message}`);
  }
  // The adapter is built against an older copy of Prisma's adapter types; at run time the
  // interface is the same (see docs: pglite-prisma-adapter 0.6 with @prisma/client 6.19). It
  // gets the thread's stand-in for a PGlite instance (the calls it makes, see pglite-thread.ts).
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite as never) as unknown as PrismaPg });
  let reported = false;
  return {
    kind: 'pglite',
    prisma,
    async migrate() {
      // Applied while opening, by the child process that also created the cluster
      // (prepareInChild): the first call reports them, later ones find nothing pending.
      const applied = reported ? [] : prepared;
      reported = true;
      return applied;
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
      release();
    },
  };
}

/** A quiz night's database is a few megabytes: 16 MB of shared buffers (PostgreSQL's default
 *  is 128 MB) hold all of it and keep the embedded server's idle memory near 270 MB. */
export const PGLITE_OPTIONS = { postgresqlconf: ['shared_buffers=16MB'] };

/** Creates the cluster (first start) and applies pending migrations in a child process.
 *  PGlite's WebAssembly memory grows with the work it does and a process never gets it back
 *  (about 900 MB after creating a cluster); the child's goes back to the system when it ends,
 *  so the server's own instance idles at about 270 MB instead of 940 MB. */
function prepareInChild(dir: string): Promise<string[]> {
  const script = fileURLToPath(new URL('./pglite-prepare.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    // The server runs from TypeScript through tsx: the child loads it the same way.
    const child = fork(script, [dir], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    let reply: { ok: true; applied: string[] } | { ok: false; error: string } | null = null;
    child.once('message', (m) => (reply = m as typeof reply));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (reply?.ok) resolve(reply.applied);
      else reject(new Error(reply?.error ?? `preparing the database failed (exit code ${code}): ${stderr.trim().slice(-500)}`));
    });
  });
}

/** Creates the folder level by level (recursive mkdir can hang on special file systems such as
 * /proc) and proves it is writable with a probe file (root passes access checks regardless). */
function ensureWritableDir(dir: string): void {
  const parts = path.resolve(dir).split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(path.sep);
    if (!fs.existsSync(prefix)) fs.mkdirSync(prefix);
  }
  const probe = path.join(dir, `.write-test-${process.pid}`);
  fs.writeFileSync(probe, '');
  fs.rmSync(probe);
}

/** PGlite allows one process per data directory: refuse a second server on the same one. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'server.pid');
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseError(
        `DATA_DIR ${dataDir} is in use by another running server (pid ${pid}). Stop it, or use another DATA_DIR.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
