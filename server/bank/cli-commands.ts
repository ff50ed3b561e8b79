// The notes CLI's commands, on the same database as the server (DATABASE_URL, or the embedded
// PGlite in DATA_DIR). Data goes to stdout (pure JSONL for export and questions); every expected
// failure becomes a CliError so the entry point prints one line and exits with code 1.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseError, openDatabase, type Database } from '../db/database.js';
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { generateQuestions } from '../questions/generate.js';
import { formatQualityTable, qualityReport } from '../questions/quality.js';
import { reviewSheet } from '../questions/review-sheet.js';
import { CliError, type CliCommand, type CommandOptions } from './cli-types.js';
import { curationExclusions } from './curation.js';
import { ensureDeck, findDeckByName, listDecks } from './decks.js';
import { exportFacts, exportQuestion } from './export.js';
import { formatImportReport } from './format-report.js';
import { importFiles } from './import.js';
import { loadBank } from './load-bank.js';
import { resolveTopics } from './topic-select.js';

async function deckId(prisma: PrismaClient, name: string): Promise<string> {
  const deck = await findDeckByName(prisma, name);
  if (deck) return deck.id;
  const names = (await listDecks(prisma)).map((d) => `"${d.name}"`);
  throw new CliError(`Unknown deck "${name}". ${names.length ? `Decks: ${names.join(', ')}.` : 'There are no decks yet; import some notes first.'}`);
}

function writeLines(objects: unknown[]): void {
  if (objects.length) process.stdout.write(objects.map((o) => JSON.stringify(o)).join('\n') + '\n');
}

async function questionSet(prisma: PrismaClient, opts: CommandOptions, defaultCount: number) {
  const id = await deckId(prisma, opts.deck);
  const topics = opts.topics.length ? await resolveTopics(prisma, id, opts.topics) : undefined;
  // The host's curation applies here too, so the CLI shows what a game would ask.
  const exclude = await curationExclusions(prisma, id);
  const bank = await loadBank(prisma, id);
  const options = { topics, count: opts.count ?? defaultCount, seed: opts.seed ?? '1', kinds: opts.kinds, exclude };
  return { id, bank, options, questions: generateQuestions(bank, options) };
}

async function importCommand(prisma: PrismaClient, opts: CommandOptions): Promise<void> {
  const missing = opts.files.filter((f) => !fs.existsSync(f) || !fs.statSync(f).isFile());
  if (missing.length) throw new CliError(`No such file: ${missing.join(', ')}`);
  const uploads = opts.files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f) }));
  const deck = await ensureDeck(prisma, opts.deck);
  try {
    const { report, timings } = await importFiles(prisma, deck.id, uploads);
    process.stdout.write(formatImportReport(report, { deckCreated: deck.created, ms: timings.totalMs }) + '\n');
  } catch (error) {
    // A refused first import should not leave an empty deck behind.
    if (deck.created) await prisma.deck.deleteMany({ where: { id: deck.id, files: { none: {} } } });
    throw error;
  }
}

async function run(db: Database, command: CliCommand, opts: CommandOptions): Promise<void> {
  const prisma = db.prisma;
  if (command === 'import') return importCommand(prisma, opts);
  if (command === 'export') return writeLines(await exportFacts(prisma, await deckId(prisma, opts.deck)));
  const { id, bank, options, questions } = await questionSet(prisma, opts, command === 'quality' ? 200 : command === 'review-sheet' ? 50 : 10);
  if (command === 'review-sheet') {
    const files = await prisma.sourceFile.findMany({ where: { deckId: id }, select: { name: true, rawText: true } });
    const raw = Object.fromEntries(files.map((f) => [f.name, f.rawText]));
    process.stdout.write(reviewSheet(questions, { raw, title: `${opts.deck}, seed ${options.seed}` }));
    return;
  }
  if (command === 'questions') {
    writeLines(questions.map(exportQuestion));
    if (questions.length < options.count) process.stderr.write(`Only ${questions.length} of ${options.count} questions could be made from these notes.\n`);
    return;
  }
  const files = await prisma.sourceFile.findMany({ where: { deckId: id }, select: { name: true, rawText: true } });
  const raw = Object.fromEntries(files.map((f) => [f.name, f.rawText]));
  const report = qualityReport(bank, questions, { raw, regenerate: () => generateQuestions(bank, options) });
  process.stdout.write(formatQualityTable(report) + '\n');
}

/** Opens the database, applies migrations, runs the command and always closes the database. */
export async function runCli(command: CliCommand, opts: CommandOptions): Promise<void> {
  let db: Database | undefined;
  try {
    db = await openDatabase(loadConfig());
    await db.migrate();
    await run(db, command, opts);
  } catch (error) {
    if (error instanceof HttpError || error instanceof ConfigError || error instanceof DatabaseError) throw new CliError(error.message);
    throw error;
  } finally {
    await db?.close();
  }
}
