// After every import or delete the deck's canonical layer is recomputed from all its facts: which
// Term each fact belongs to, term display names and aliases, and conflict groups. A new file can
// change an old file's facts (its spelling outvotes a typo, its number contradicts a retention
// period), and a deck is small (about 1.5k facts), so recomputing beats patching.
import type { Prisma } from '../db/generated/client.js';
import type { ParsedFact } from '../notes/types.js';
import { stableId } from '../questions/seeded.js';
import { canonicalise, type CanonTerm } from './canonicalise.js';
import { byFileThenOrd, deckGroup, FACT_SELECT, parsedFromRow } from './fact-rows.js';

type Tx = Prisma.TransactionClient;

/** A fact parsed in this import, not yet written. `parsed.topic` is the stored topic's path. */
export interface NewFact {
  id: string;
  fileId: string;
  fileName: string;
  ord: number;
  topicId: string | null;
  parsed: ParsedFact;
}

export interface SyncStats {
  facts: number;
  terms: number;
  factsUpdated: number;
  termsCreated: number;
  termsRemoved: number;
}

const CHUNK = 500;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function syncTerms(tx: Tx, deckId: string, wanted: Map<string, CanonTerm>): Promise<{ ids: Map<string, string>; created: number; stale: string[] }> {
  const existing = await tx.term.findMany({ where: { deckId }, select: { id: true, key: true, display: true, aliases: true, aliasKeys: true } });
  const ids = new Map<string, string>();
  const stale: string[] = [];
  for (const t of existing) {
    const want = wanted.get(t.key);
    if (!want) {
      stale.push(t.id);
      continue;
    }
    ids.set(t.key, t.id);
    if (t.display !== want.display || !sameList(t.aliases, want.aliases) || !sameList(t.aliasKeys, want.aliasKeys)) {
      await tx.term.update({ where: { id: t.id }, data: { display: want.display, aliases: want.aliases, aliasKeys: want.aliasKeys } });
    }
  }
  const fresh = [...wanted.values()].filter((t) => !ids.has(t.key));
  for (const t of fresh) ids.set(t.key, stableId('term', deckId, t.key));
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await tx.term.createMany({ data: fresh.slice(i, i + CHUNK).map((t) => ({ id: ids.get(t.key)!, deckId, key: t.key, display: t.display, aliases: t.aliases, aliasKeys: t.aliasKeys })) });
  }
  return { ids, created: fresh.length, stale };
}

/**
 * Recomputes the canonical layer for the deck and writes `added` (the facts of the files this
 * import replaces or adds; their old rows must already be gone). Runs inside the caller's
 * transaction, so a failure leaves the deck as it was.
 */
export async function syncDeck(tx: Tx, deck: { id: string; name: string }, added: readonly NewFact[] = []): Promise<SyncStats> {
  const stored = await tx.fact.findMany({ where: { deckId: deck.id }, select: FACT_SELECT });
  type Row = { fileName: string; ord: number; parsed: ParsedFact; stored?: (typeof stored)[number]; added?: NewFact };
  const rows: Row[] = [
    ...stored.map((s) => ({ fileName: s.file.name, ord: s.ord, parsed: parsedFromRow(s), stored: s })),
    ...added.map((a) => ({ fileName: a.fileName, ord: a.ord, parsed: a.parsed, added: a })),
  ].sort(byFileThenOrd);

  const canon = canonicalise(deck.name, rows);
  const terms = await syncTerms(tx, deck.id, canon.terms);

  const inserts: Prisma.FactCreateManyInput[] = [];
  const updates = new Map<string, { ids: string[]; data: { termId: string; conflictGroup: string | null; flags: string[] } }>();
  rows.forEach((row, i) => {
    const c = canon.facts[i];
    const termId = terms.ids.get(c.termKey)!;
    if (row.added) {
      const { parsed: f, ...a } = row.added;
      inserts.push({
        id: a.id, deckId: deck.id, fileId: a.fileId, topicId: a.topicId, termId,
        term: f.term, attribute: f.attribute ?? null, fact: f.fact, lineStart: f.lineStart, lineEnd: f.lineEnd,
        rule: f.rule, confidence: f.confidence, polarity: f.polarity ?? null, flags: c.flags,
        siblingGroup: deckGroup(a.fileId, f.group), conflictGroup: c.conflictGroup, ord: a.ord,
        termLine: f.termLine ?? null, aliases: f.aliases ?? [], emphasis: f.emphasis ?? [],
      });
      return;
    }
    const s = row.stored!;
    if (s.termId === termId && s.conflictGroup === c.conflictGroup && sameList(s.flags, c.flags)) return;
    // Batch identical changes: typically a handful of facts gain or lose a conflict or a term.
    const data = { termId, conflictGroup: c.conflictGroup, flags: c.flags };
    const sig = JSON.stringify(data);
    const u = updates.get(sig) ?? { ids: [], data };
    u.ids.push(s.id);
    updates.set(sig, u);
  });

  for (let i = 0; i < inserts.length; i += CHUNK) await tx.fact.createMany({ data: inserts.slice(i, i + CHUNK) });
  let factsUpdated = 0;
  for (const u of updates.values()) {
    await tx.fact.updateMany({ where: { id: { in: u.ids } }, data: u.data });
    factsUpdated += u.ids.length;
  }
  if (terms.stale.length) await tx.term.deleteMany({ where: { id: { in: terms.stale } } });
  return { facts: rows.length, terms: canon.terms.size, factsUpdated, termsCreated: terms.created, termsRemoved: terms.stale.length };
}
