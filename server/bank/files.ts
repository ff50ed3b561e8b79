// Source files of a deck: list, delete (with the deck-wide recompute), and the raw lines around a
// fact so the host and the results screen can show it in context.
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { lockDeck, requireDeck } from './decks.js';
import { WRITE_TX } from './limits.js';
import { syncDeck } from './sync-deck.js';
import { pruneTopics } from './topics.js';

export interface FileSummary {
  id: string;
  name: string;
  layout: string;
  facts: number;
  hash: string;
  importedAt: Date;
}

export async function listFiles(prisma: PrismaClient, deckId: string): Promise<FileSummary[]> {
  await requireDeck(prisma, deckId);
  const files = await prisma.sourceFile.findMany({
    where: { deckId },
    select: { id: true, name: true, layout: true, hash: true, importedAt: true, _count: { select: { facts: true } } },
  });
  return files
    .map(({ _count, ...f }) => ({ ...f, facts: _count.facts }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function unknownFile(): HttpError {
  return new HttpError(404, 'UNKNOWN_FILE');
}

/** Deletes the file and its facts; terms and topics nobody uses any more go with them. */
export async function deleteFile(prisma: PrismaClient, deckId: string, fileId: string): Promise<void> {
  const deck = await requireDeck(prisma, deckId);
  await prisma.$transaction(async (tx) => {
    await lockDeck(tx, deckId);
    const { count } = await tx.sourceFile.deleteMany({ where: { id: fileId, deckId } });
    if (!count) throw unknownFile();
    await syncDeck(tx, deck);
    await pruneTopics(tx, deckId);
    await tx.deck.update({ where: { id: deckId }, data: { updatedAt: new Date() } });
  }, WRITE_TX);
}

export interface FileContext {
  fileId: string;
  name: string;
  line: number;
  totalLines: number;
  lines: { n: number; text: string }[];
}

export async function fileContext(prisma: PrismaClient, deckId: string, fileId: string, line: number, radius: number): Promise<FileContext> {
  await requireDeck(prisma, deckId);
  const file = await prisma.sourceFile.findFirst({ where: { id: fileId, deckId }, select: { id: true, name: true, rawText: true } });
  if (!file) throw unknownFile();
  const all = file.rawText.split('\n');
  // A final newline ends the last line; it does not start an empty one.
  if (all.length > 1 && all.at(-1) === '') all.pop();
  if (line > all.length) throw new HttpError(400, 'BAD_PAYLOAD', `${file.name} has ${all.length} lines; line ${line} does not exist.`);
  const from = Math.max(1, line - radius);
  const to = Math.min(all.length, line + radius);
  const lines = [];
  for (let n = from; n <= to; n++) lines.push({ n, text: all[n - 1] });
  return { fileId: file.id, name: file.name, line, totalLines: all.length, lines };
}
