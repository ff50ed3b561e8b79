// The embedded database as the server sees it: the part of PGlite's interface that Prisma's
// PGlite adapter and the migrations use (query, exec, transaction, close), answered by a
// worker thread that owns the real PGlite (pglite-worker.mjs). The database's CPU time leaves
// the event loop, so a slow query no longer stalls the live rooms' timers and broadcasts.
// PGlite has one connection: requests go one at a time, and a transaction holds the line
// until it commits or rolls back, as PGlite's own transaction() does.
import { Worker } from 'node:worker_threads';
import { messages, Mutex, types, type ParserOptions, type QueryOptions, type Results } from '@electric-sql/pglite';

/** What the worker is asked, and what it answers (pglite-worker.mjs). */
type Request = { op: 'query'; sql: string; params: unknown[] } | { op: 'exec'; sql: string } | { op: 'close' };

interface RawResult {
  fields: { name: string; dataTypeID: number }[];
  /** PostgreSQL's text for each value. */
  rows: (string | null)[][];
  affectedRows?: number;
}

type WorkerReply =
  | { id: number; ok: true; results: RawResult[] }
  | { id: number; ok: false; error: { database: boolean; message: string; fields: Record<string, unknown> } };

export interface PGliteLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(fn: (tx: PGliteTransactionLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PGliteTransactionLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
}

/** Text from the worker, parsed here: the query's own parsers first, then PGlite's defaults. */
function parsed<T>(raw: RawResult, options?: QueryOptions): Results<T> {
  const parsers: ParserOptions | undefined = options?.parsers;
  const values = (row: (string | null)[]) => row.map((x, i) => types.parseType(x, raw.fields[i]!.dataTypeID, parsers));
  const rows =
    options?.rowMode === 'array'
      ? raw.rows.map(values)
      : raw.rows.map((row) => Object.fromEntries(values(row).map((v, i) => [raw.fields[i]!.name, v])));
  return { rows: rows as T[], fields: raw.fields, affectedRows: raw.affectedRows };
}

export async function startPgliteThread(dir: string, options: Record<string, unknown>): Promise<PGliteLike> {
  // A small young generation: the thread's own JavaScript is thin (the database lives in
  // WebAssembly memory), and each isolate's nursery is resident memory.
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    name: 'pglite',
    workerData: { dir, options },
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  const pending = new Map<number, { resolve(results: RawResult[]): void; reject(error: Error): void }>();
  let nextId = 1;
  let failed: Error | null = null;

  const fail = (error: Error) => {
    failed ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the database thread stopped while opening (exit code ${code})`)));
  });
  worker.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (!p) return;
    if (reply.ok) return p.resolve(reply.results);
    const { database, message, fields } = reply.error;
    // Rebuilt as PGlite's own error class, which the Prisma adapter maps to error codes.
    const error = database ? Object.assign(new messages.DatabaseError(message, 0, 'error'), fields) : new Error(message);
    p.reject(error);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));

  const send = (request: Request): Promise<RawResult[]> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const query = async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => parsed<T>((await send({ op: 'query', sql, params }))[0]!, options);
  const exec = async (sql: string, options?: QueryOptions): Promise<Results[]> => (await send({ op: 'exec', sql })).map((r) => parsed<Record<string, unknown>>(r, options));

  // One request or one whole transaction at a time.
  const line = new Mutex();
  return {
    query: (sql, params, options) => line.runExclusive(() => query(sql, params, options)),
    exec: (sql, options) => line.runExclusive(() => exec(sql, options)),
    transaction: (fn) =>
      line.runExclusive(async () => {
        let closed = false;
        const tx: PGliteTransactionLike = {
          query,
          exec,
          async rollback() {
            closed = true;
            await exec('ROLLBACK');
          },
        };
        await exec('BEGIN');
        try {
          const result = await fn(tx);
          if (!closed) await exec('COMMIT');
          closed = true;
          return result;
        } catch (error) {
          if (!closed) await exec('ROLLBACK').catch(() => {});
          closed = true;
          throw error;
        }
      }),
    async close() {
      await line.runExclusive(() => send({ op: 'close' })).catch(() => {});
      await worker.terminate().catch(() => {});
    },
  };
}
