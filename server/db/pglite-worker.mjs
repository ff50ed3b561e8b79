// Worker thread that owns the embedded database (started by pglite-thread.ts). PGlite runs
// PostgreSQL compiled to WebAssembly on the thread that calls it, so a slow query there (a
// report, an import's writes) would stop every live room's timers and broadcasts; here it only
// keeps this thread busy. Plain JavaScript, so the thread needs no TypeScript loader (less
// memory). Values go back as PostgreSQL's text; the calling thread parses them.
import { parentPort, workerData } from 'node:worker_threads';
import { messages, PGlite, types } from '@electric-sql/pglite';

const { dir, options } = workerData;

// Every type with a default parser, read back as the text PostgreSQL sent.
const asText = (x) => x;
const TEXT_PARSERS = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, asText]));
const ERROR_FIELDS = ['code', 'severity', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'dataType', 'constraint', 'where'];

const lite = await PGlite.create(dir, options);
parentPort.postMessage({ ready: true });

parentPort.on('message', async (request) => {
  let reply;
  try {
    if (request.op === 'close') {
      await lite.close();
      parentPort.postMessage({ id: request.id, ok: true, results: [] });
      parentPort.close();
      return;
    }
    const results =
      request.op === 'query'
        ? [await lite.query(request.sql, request.params, { rowMode: 'array', parsers: TEXT_PARSERS })]
        : await lite.exec(request.sql, { rowMode: 'array', parsers: TEXT_PARSERS });
    reply = { id: request.id, ok: true, results: results.map((r) => ({ fields: r.fields, rows: r.rows, affectedRows: r.affectedRows })) };
  } catch (error) {
    const fields = {};
    for (const key of ERROR_FIELDS) if (error?.[key] !== undefined) fields[key] = error[key];
    reply = { id: request.id, ok: false, error: { database: error instanceof messages.DatabaseError, message: String(error?.message ?? error), fields } };
  }
  parentPort.postMessage(reply);
});
