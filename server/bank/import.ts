// Import of one or many note files into a deck, all-or-nothing. Everything that can refuse the
// request (size, type sniffing, unknown deck) runs before the transaction; parsing runs before it
// too, so the transaction only writes. A file with the same name and content is left untouched.
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import type { ParsedFile } from '../notes/types.js';
import { lockDeck, requireDeck } from './decks.js';
import { WRITE_TX } from './limits.js';
import { factRowId } from './fact-rows.js';
import { definesLexiconTerm, parseForDeck } from './parse-files.js';
import { buildReport, type FileStatus, type ImportReport, type StoredParseReport } from './report.js';
import { decodeUploads, type DecodedFile, type UploadInput } from './sniff.js';
import { syncDeck, type NewFact } from './sync-deck.js';
import { cleanPath, ensureTopics, pathKey, pruneTopics } from './topics.js';

export interface ImportTimings {
  parseMs: number;
  writeMs: number;
  totalMs: number;
}

export interface ImportOutcome {
  report: ImportReport;
  timings: ImportTimings;
}

async function writeFiles(prisma: PrismaClient, deck: { id: string; name: string }, files: DecodedFile[], parsed: ParsedFile[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockDeck(tx, deck.id);
    const fileIds = new Map<string, string>();
    for (const [i, file] of files.entries()) {
      const p = parsed[i];
      const stored: StoredParseReport = { skipped: p.skipped, ...(p.bareTerms ? { bareTerms: p.bareTerms } : {}) };
      const data = { hash: file.hash, layout: p.layout, rawText: file.text, report: stored as unknown as Prisma.InputJsonValue, importedAt: new Date() };
      const row = await tx.sourceFile.upsert({
        where: { deckId_name: { deckId: deck.id, name: file.name } },
        create: { deckId: deck.id, name: file.name, ...data },
        update: data,
        select: { id: true },
      });
      // The old facts of a changed file go; the new ones replace them below.
      await tx.fact.deleteMany({ where: { fileId: row.id } });
      fileIds.set(file.name, row.id);
    }

    const topics = await ensureTopics(tx, deck.id, parsed.flatMap((p) => p.facts.map((f) => f.topic)));
    const taken = new Set<string>();
    const added: NewFact[] = [];
    for (const p of parsed) {
      p.facts.forEach((f, ord) => {
        const path = cleanPath(f.topic);
        const topic = path.length ? topics.get(pathKey(path))! : null;
        added.push({
          id: factRowId(deck.name, p.name, f, taken),
          fileId: fileIds.get(p.name)!,
          fileName: p.name,
          ord,
          topicId: topic?.id ?? null,
          // The stored topic's spelling, so a later recompute from the rows sees the same input.
          parsed: { ...f, topic: topic?.path ?? [] },
        });
      });
    }
    await syncDeck(tx, deck, added);
    await pruneTopics(tx, deck.id);
    await tx.deck.update({ where: { id: deck.id }, data: { updatedAt: new Date() } });
  }, WRITE_TX);
}

export async function importFiles(prisma: PrismaClient, deckId: string, inputs: UploadInput[]): Promise<ImportOutcome> {
  const started = performance.now();
  const files = decodeUploads(inputs);
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
  if (changed.length) {
    // Terms the deck's other files define help split glued lines in the new ones.
    const replacing = changed.map((f) => existing.get(f.name)?.id).filter((id): id is string => !!id);
    const known = await prisma.fact.findMany({ where: { deckId, fileId: { notIn: replacing } }, select: { term: true, rule: true } });
    const t0 = performance.now();
    const parsed = parseForDeck(changed, known.filter((k) => definesLexiconTerm(k.rule)).map((k) => k.term));
    const t1 = performance.now();
    await writeFiles(prisma, deck, changed, parsed);
    parseMs = t1 - t0;
    writeMs = performance.now() - t1;
  }
  const report = await buildReport(prisma, deckId, files.map((f) => ({ name: f.name, status: status.get(f.name)! })));
  return { report, timings: { parseMs: Math.round(parseMs), writeMs: Math.round(writeMs), totalMs: Math.round(performance.now() - started) } };
}
