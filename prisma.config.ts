// Prisma CLI configuration. The CLI runs fully offline through the WASM schema engine and a
// driver adapter: a real PostgreSQL server when DATABASE_URL is set, else the embedded PGlite
// database in DATA_DIR (default ./data).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const embedded = !process.env.DATABASE_URL;
// The CLI must always see a postgresql:// URL, or it falls back to downloading native engines.
process.env.DATABASE_URL ??= 'postgresql://embedded@localhost/pglite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    if (embedded) {
      const { PGlite } = await import('@electric-sql/pglite');
      const { PrismaPGlite } = await import('pglite-prisma-adapter');
      const dir = path.resolve(process.env.DATA_DIR ?? 'data', 'pglite');
      fs.mkdirSync(dir, { recursive: true });
      // Same adapter interface at run time; its types come from an older Prisma copy.
      return new PrismaPGlite(new PGlite(dir)) as never;
    }
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // allowExitOnIdle: the CLI exits as soon as it is done instead of waiting for idle pool timeouts.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true }) as never;
  },
});
