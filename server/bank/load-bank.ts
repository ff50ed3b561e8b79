// The stored notes bank as the question generator's Bank, read straight from the rows: canonical
// term keys, conflict groups and alias classes were computed at import time by the generator's
// own code (see canonicalise.ts), so loading is a read, not a re-parse.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/generated/client.js';
import type { BankRef } from '../questions/generator-thread.js';
import { aliasClasses, termKey } from '../questions/canonical.js';
import { inTopics } from '../questions/generate.js';
import type { Bank, BankFact } from '../questions/types.js';
import { requireDeck } from './decks.js';
import { byFileThenOrd, FACT_SELECT, parsedFromRow } from './fact-rows.js';

/**
 * Loads a deck's Bank. Fact ids are the database ids (GameQuestion.factId points at a Fact row).
 * With `topics`, only facts under one of those paths are returned (same prefix rule as the
 * generator's own `topics` option); to keep distractors from the whole deck, load everything and
 * pass the topics to generateQuestions instead. Throws HttpError 404 UNKNOWN_DECK.
 */
export async function loadBank(prisma: PrismaClient, deckId: string, topics?: string[][]): Promise<Bank> {
  const deck = await requireDeck(prisma, deckId);
  const [rows, terms] = await Promise.all([
    prisma.fact.findMany({ where: { deckId }, select: { ...FACT_SELECT, termRef: { select: { key: true } } } }),
    prisma.term.findMany({ where: { deckId }, select: { key: true, aliasKeys: true } }),
  ]);
  const facts: BankFact[] = rows
    .map((r) => ({ r, fileName: r.file.name, ord: r.ord }))
    .sort(byFileThenOrd)
    .map(({ r }) => {
      const f: BankFact = { ...parsedFromRow(r, 'deck'), flags: [...r.flags] as BankFact['flags'], id: r.id, file: r.file.name, termKey: r.termRef?.key ?? termKey(r.term) };
      if (r.conflictGroup) f.conflictGroup = r.conflictGroup;
      return f;
    })
    .filter((f) => inTopics(f, topics));
  const pairs: [string, string][] = [];
  for (const t of terms) for (const k of t.aliasKeys) pairs.push([t.key, k]);
  return { deck: deck.name, facts, aliases: aliasClasses(pairs) };
}

/**
 * A deck for the question generator without loading it: its name, and a key that changes
 * whenever its facts can have changed (a file imported, re-imported or deleted, the deck
 * renamed), so a generator that already has that revision skips the load. Null: no such deck.
 */
export async function deckBankRef(prisma: PrismaClient, deckId: string): Promise<{ name: string; ref: BankRef } | null> {
  const deck = await prisma.deck.findUnique({
    where: { id: deckId },
    select: { name: true, updatedAt: true, files: { select: { id: true, hash: true, importedAt: true }, orderBy: { id: 'asc' } } },
  });
  if (!deck) return null;
  const revision = createHash('sha256')
    .update(JSON.stringify([deck.name, deck.updatedAt.getTime(), deck.files.map((f) => [f.id, f.hash, f.importedAt.getTime()])]))
    .digest('base64url');
  return { name: deck.name, ref: { key: `${deckId}:${revision}`, load: () => loadBank(prisma, deckId) } };
}
