// Import of one or many note files into a deck, all-or-nothing. Everything that can refuse the
// request (size, type sniffing, unknown deck) runs before the transaction; parsing runs before it
// too, so the transaction only reads the deck and writes. A file with the same name and content
// is left untouched. The computing (sniffing, parsing, canonicalising, encoding rows, the
// report) runs in an ImportWorker, normally the import thread (import-thread.ts), so the main
// thread only talks to the database: see docs/performance.md, "Imports during a game".
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../db/generated/client.js';
import { deckSummary, lockDeck, requireDeck, type DeckSummary } from './decks.js';
import { applyHead, applyRest } from './import-apply.js';
import { readReportRows, type ReportFiles } from './import-report.js';
import { readLexiconRows, readSnapshot } from './import-snapshot.js';
import { APPEND_TEXT, UPSERT_FILE } from './import-tables.js';
import type { ParseResult } from './import-steps.js';
import { ImportThreadFailed, inlineImportWorker, type ImportWorker } from './import-thread.js';
import { WRITE_TX } from './limits.js';
import type { FileStatus, ImportReport } from './report.js';
import type { UploadInput } from './sniff.js';

export interface ImportTimings {
  /** Sniffing the uploads (and starting the import thread, on the first import). */
  decodeMs: number;
  parseMs: number;
  /** The transaction, reads and writes; `planMs` of it the import thread planning the rows
   *  (the facts' half of the plan is worked out while the topics and terms are written). */
  writeMs: number;
  planMs: number;
  /** After the commit, until the report is there: built by the import thread from the plan
   *  while the rows were written, or read back from the rows when a file was unchanged. */
  reportMs: number;
  totalMs: number;
}

export interface ImportOutcome {
  report: ImportReport;
  timings: ImportTimings;
}

/** The report with its files already serialised (a route sends them as they are), and one
 *  "name:status:facts" line per file for the log. */
export interface ImportResult {
  filesJson: string;
  totals: ImportReport['totals'];
  deck: DeckSummary;
  summary: string[];
  timings: ImportTimings;
}

/** The report as the JSON text JSON.stringify would give. */
export function reportJson(r: ImportResult): string {
  return `{"files":${r.filesJson},"totals":${JSON.stringify(r.totals)},"deck":${JSON.stringify(r.deck)}}`;
}

export interface ImportOptions {
  /** Where the computing runs; default: on this thread (the command line, tests). */
  worker?: ImportWorker;
}

/** Writes the parsed files in one transaction; returns how long planning the rows took and,
 *  when `entries` are all files of this import, their report, built by the import thread from
 *  the plan while the rows are written. */
async function writeFiles(
  prisma: PrismaClient, worker: ImportWorker, session: number, deck: { id: string; name: string }, parsed: ParseResult['files'], hashes: Map<string, string>,
  entries: { name: string; status: FileStatus }[] | null,
): Promise<{ planMs: number; report: Promise<ReportFiles> | null }> {
  return prisma.$transaction(async (tx) => {
    await lockDeck(tx, deck.id);
    const fileIds: Record<string, string> = {};
    const at = new Date().toISOString().slice(0, 23).replace('T', ' ');
    for (const p of parsed) {
      const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(UPSERT_FILE, randomUUID(), deck.id, p.name, hashes.get(p.name)!, p.layout, p.text[0], p.report, at);
      fileIds[p.name] = row.id;
    }
    // The old facts of a changed file go; the new ones replace them.
    await tx.$executeRawUnsafe(`DELETE FROM "Fact" WHERE "fileId" = ANY($1::text[])`, Object.values(fileIds));
    const snapshot = await readSnapshot(tx, deck.id);
    const t0 = performance.now();
    // The rest of each file's text is written while the import thread plans the rows (a big
    // file's pieces took a third of a second of the write phase); the plan needs only the ids.
    const planned = worker.plan(session, { deck, fileIds, snapshot }).then((r) => ({ plan: r.plan, ms: performance.now() - t0 }));
    planned.catch(() => {});
    for (const p of parsed) for (const piece of p.text.slice(1)) await tx.$executeRawUnsafe(APPEND_TEXT, fileIds[p.name], piece);
    const { plan: head, ms: headMs } = await planned;
    // The thread turns the facts into rows while their topics and terms are written.
    const rest = worker.planFacts(session);
    rest.catch(() => {});
    await applyHead(tx, deck.id, head);
    const { plan, ms: restMs } = await rest;
    const planMs = headMs + restMs;
    const report = entries ? worker.reportPlanned(session, entries) : null;
    report?.catch(() => {});
    await applyRest(tx, deck.id, plan, true);
    await tx.deck.update({ where: { id: deck.id }, data: { updatedAt: new Date() } });
    return { planMs, report };
  }, WRITE_TX);
}

async function run(prisma: PrismaClient, deckId: string, inputs: UploadInput[], worker: ImportWorker): Promise<ImportResult> {
  const started = performance.now();
  const session = worker.begin();
  try {
    const { files } = await worker.decode(session, inputs);
    const decodeMs = performance.now() - started;
    const deck = await requireDeck(prisma, deckId);
    const existing = new Map((await prisma.sourceFile.findMany({ where: { deckId }, select: { id: true, name: true, hash: true } })).map((f) => [f.name, f]));

    const status = new Map<string, FileStatus>();
    for (const f of files) {
      const old = existing.get(f.name);
      status.set(f.name, !old ? 'imported' : old.hash === f.hash ? 'unchanged' : 'replaced');
    }
    const changed = files.filter((f) => status.get(f.name) !== 'unchanged');

    let parseMs = 0;
    let writeMs = 0;
    let planMs = 0;
    const entries = files.map((f) => ({ name: f.name, status: status.get(f.name)! }));
    let planned: Promise<ReportFiles> | null = null;
    if (changed.length) {
      // Terms the deck's other files define help split glued lines in the new ones.
      const replacing = changed.map((f) => existing.get(f.name)?.id).filter((id): id is string => !!id);
      const lexicon = await readLexiconRows(prisma, deckId, replacing);
      const t0 = performance.now();
      const parsed = await worker.parse(session, changed.map((f) => f.name), lexicon);
      const t1 = performance.now();
      // An unchanged file reports what it did when it was imported: read back from the rows.
      const written = await writeFiles(prisma, worker, session, deck, parsed.files, new Map(files.map((f) => [f.name, f.hash])), changed.length === files.length ? entries : null);
      planMs = written.planMs;
      planned = written.report;
      parseMs = t1 - t0;
      writeMs = performance.now() - t1;
    }
    const t2 = performance.now();
    const report = planned ?? readReportRows(prisma, deckId, entries).then((rows) => worker.report(rows));
    const [{ files: filesJson, totals, summary }, deckNow] = await Promise.all([report, deckSummary(prisma, deckId)]);
    const ms = (x: number) => Math.round(x);
    const now = performance.now();
    const timings = { decodeMs: ms(decodeMs), parseMs: ms(parseMs), writeMs: ms(writeMs), planMs: ms(planMs), reportMs: ms(now - t2), totalMs: ms(now - started) };
    return { filesJson, totals, deck: deckNow, summary, timings };
  } finally {
    worker.release(session);
  }
}

/** Imports the uploads; the report's files come back serialised (see ImportResult). */
export async function importNotes(prisma: PrismaClient, deckId: string, inputs: UploadInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const worker = options.worker ?? inlineImportWorker();
  try {
    return await run(prisma, deckId, inputs, worker);
  } catch (error) {
    // The thread went away mid-import: its transaction rolled back, so start again here.
    if (!(error instanceof ImportThreadFailed)) throw error;
    return run(prisma, deckId, inputs, inlineImportWorker());
  }
}

export async function importFiles(prisma: PrismaClient, deckId: string, inputs: UploadInput[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const r = await importNotes(prisma, deckId, inputs, options);
  return { report: { files: JSON.parse(r.filesJson) as ImportReport['files'], totals: r.totals, deck: r.deck }, timings: r.timings };
}
