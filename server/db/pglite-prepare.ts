// Child process: creates the embedded database cluster if needed and applies pending
// migrations, then exits. PGlite's WebAssembly memory grows with the work it does and is not
// given back while its process lives; these are its hungriest steps (about 900 MB for a new
// cluster), so they run here and the memory goes back to the system when this process ends.
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './database.js';
import { applyMigrations } from './migrate.js';

type Reply = { ok: true; applied: string[] } | { ok: false; error: string };

async function prepare(dir: string): Promise<Reply> {
  try {
    const lite = await PGlite.create(dir, PGLITE_OPTIONS);
    try {
      const applied = await applyMigrations({
        exec: async (sql) => void (await lite.exec(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
      });
      return { ok: true, applied };
    } finally {
      await lite.close();
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const reply = await prepare(process.argv[2]!);
process.send!(reply, () => process.exit(0));
