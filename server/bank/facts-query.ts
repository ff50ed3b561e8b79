// Browsing facts: by topic (with its sub-topics), by file, and by search text. A search matches
// the fact's own term, its text and attribute, and every fact of a canonical term whose name,
// aliases or merged spellings contain the text, so "LDA" also finds "Latent Dirichlet Allocation".
// Each item carries the host's curation of it (flagged, edited, struck kinds, not a term).
import type { FactItem } from '../../shared/bank-types.js';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { termKey } from '../questions/canonical.js';
import { factCurations } from './curation.js';
import { reapplyEdits, unknownFact } from './curation-edit.js';
import { requireDeck } from './decks.js';
import { deckTopics, subtreeIds } from './topics.js';

export interface FactQuery {
  topicId?: string;
  fileId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export type { FactItem };

/** Ids of the deck's terms named by `q`: substring of a name or alias, or the same term key. */
async function termsMatching(prisma: PrismaClient, deckId: string, q: string): Promise<string[]> {
  const needle = q.toLowerCase();
  const key = termKey(q);
  const terms = await prisma.term.findMany({ where: { deckId }, select: { id: true, key: true, display: true, aliases: true, aliasKeys: true } });
  return terms
    .filter((t) => t.key === key || t.aliasKeys.includes(key) || [t.display, ...t.aliases].some((n) => n.toLowerCase().includes(needle)))
    .map((t) => t.id);
}

export async function listFacts(prisma: PrismaClient, deckId: string, query: FactQuery): Promise<{ total: number; items: FactItem[] }> {
  await requireDeck(prisma, deckId);
  // The host's edits first, in case a re-import put the original text back.
  await reapplyEdits(prisma, deckId);
  const where: Prisma.FactWhereInput = { deckId };
  if (query.topicId) {
    const topics = await deckTopics(prisma, deckId);
    if (!topics.some((t) => t.id === query.topicId)) throw new HttpError(404, 'UNKNOWN_TOPIC');
    where.topicId = { in: subtreeIds(topics, query.topicId) };
  }
  if (query.fileId) where.fileId = query.fileId;
  const q = query.q?.trim();
  if (q) {
    // Prisma hands `contains` to ILIKE as is: "%" and "_" would match anything.
    const text = { contains: q.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' } as const;
    const termIds = await termsMatching(prisma, deckId, q);
    where.OR = [{ term: text }, { fact: text }, { attribute: text }, ...(termIds.length ? [{ termId: { in: termIds } }] : [])];
  }
  const [total, rows] = await Promise.all([
    prisma.fact.count({ where }),
    prisma.fact.findMany({ where, orderBy: [{ file: { name: 'asc' } }, { ord: 'asc' }], skip: query.offset, take: query.limit, select: ITEM_SELECT }),
  ]);
  return { total, items: await toItems(prisma, deckId, rows) };
}

/** One fact as the browser lists it (after an edit, say). Throws 404 for an unknown fact. */
export async function factItem(prisma: PrismaClient, deckId: string, factId: string): Promise<FactItem> {
  const row = await prisma.fact.findFirst({ where: { id: factId, deckId }, select: ITEM_SELECT });
  if (!row) throw unknownFact();
  return (await toItems(prisma, deckId, [row]))[0];
}

const ITEM_SELECT = {
  id: true, term: true, fact: true, attribute: true, fileId: true, lineStart: true, lineEnd: true, flags: true, conflictGroup: true,
  file: { select: { name: true } }, topic: { select: { path: true } }, termRef: { select: { display: true, key: true } },
} as const satisfies Prisma.FactSelect;

async function toItems(prisma: PrismaClient, deckId: string, rows: Prisma.FactGetPayload<{ select: typeof ITEM_SELECT }>[]): Promise<FactItem[]> {
  const curation = await factCurations(prisma, deckId, rows.map((r) => ({ id: r.id, termKey: r.termRef?.key ?? null })));
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    termDisplay: r.termRef?.display ?? null,
    termKey: r.termRef?.key ?? null,
    fact: r.fact,
    attribute: r.attribute,
    topic: r.topic?.path ?? [],
    file: r.file.name,
    fileId: r.fileId,
    line: r.lineStart,
    lineEnd: r.lineEnd,
    flags: r.flags,
    conflictGroup: r.conflictGroup,
    curation: curation.get(r.id)!,
  }));
}
