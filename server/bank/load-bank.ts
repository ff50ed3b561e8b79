// The stored notes bank as the question generator's Bank, read straight from the rows: canonical
// term keys, conflict groups and alias classes were computed at import time by the generator's
// own code (see canonicalise.ts), so loading is a read, not a re-parse.
import type { PrismaClient } from '../db/generated/client.js';
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
      const f: BankFact = { ...parsedFromRow(r), flags: [...r.flags] as BankFact['flags'], id: r.id, file: r.file.name, termKey: r.termRef?.key ?? termKey(r.term) };
      if (r.conflictGroup) f.conflictGroup = r.conflictGroup;
      return f;
    })
    .filter((f) => inTopics(f, topics));
  const pairs: [string, string][] = [];
  for (const t of terms) for (const k of t.aliasKeys) pairs.push([t.key, k]);
  return { deck: deck.name, facts, aliases: aliasClasses(pairs) };
}
