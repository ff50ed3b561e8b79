// Decks: a named notes bank (one per course or exam). Everything below a deck cascades with it.
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { BANK_LIMITS } from './limits.js';
import { isUniqueViolation } from '../db/errors.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface DeckSummary {
  id: string;
  name: string;
  files: number;
  facts: number;
  topics: number;
  terms: number;
  createdAt: Date;
  updatedAt: Date;
}

const SUMMARY_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { files: true, facts: true, topics: true, terms: true } },
} as const satisfies Prisma.DeckSelect;

function summary(d: Prisma.DeckGetPayload<{ select: typeof SUMMARY_SELECT }>): DeckSummary {
  const { _count, ...rest } = d;
  return { ...rest, ..._count };
}

/** Trimmed, single-spaced, NFC; 1..100 visible characters. */
export function cleanDeckName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name || /[\u0000-\u001f\u007f]/.test(name)) throw new HttpError(400, 'BAD_PAYLOAD', 'A deck needs a name.');
  if (name.length > BANK_LIMITS.deckNameChars) throw new HttpError(400, 'BAD_PAYLOAD', `Deck names are at most ${BANK_LIMITS.deckNameChars} characters.`);
  return name;
}

export async function listDecks(db: Db): Promise<DeckSummary[]> {
  const decks = await db.deck.findMany({ select: SUMMARY_SELECT, orderBy: { createdAt: 'asc' } });
  return decks.map(summary);
}

export async function deckSummary(db: Db, deckId: string): Promise<DeckSummary> {
  const d = await db.deck.findUnique({ where: { id: deckId }, select: SUMMARY_SELECT });
  if (!d) throw unknownDeck();
  return summary(d);
}

export function unknownDeck(): HttpError {
  return new HttpError(404, 'UNKNOWN_DECK');
}

export async function requireDeck(db: Db, deckId: string): Promise<{ id: string; name: string }> {
  const d = await db.deck.findUnique({ where: { id: deckId }, select: { id: true, name: true } });
  if (!d) throw unknownDeck();
  return d;
}

/** The deck of that name, with any capitals: "biology" finds "Biology" (an exact match first). */
export async function findDeckByName(db: Db, name: string): Promise<{ id: string; name: string } | null> {
  const clean = cleanDeckName(name);
  const select = { id: true, name: true } as const;
  const exact = await db.deck.findUnique({ where: { name: clean }, select });
  if (exact) return exact;
  const rows = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "Deck" WHERE lower("name") = lower(${clean}) ORDER BY "createdAt" LIMIT 1`;
  return rows[0] ?? null;
}

export async function createDeck(db: Db, rawName: string): Promise<DeckSummary> {
  const name = cleanDeckName(rawName);
  // Names that differ only in capitals would be two decks nobody can tell apart in a list.
  const taken = await findDeckByName(db, name);
  if (taken) throw new HttpError(409, 'DECK_EXISTS', `A deck named "${taken.name}" already exists.`);
  try {
    const d = await db.deck.create({ data: { name }, select: SUMMARY_SELECT });
    return summary(d);
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'DECK_EXISTS', `A deck named "${name}" already exists.`);
    throw error;
  }
}

/** The CLI's "import into this deck, creating it the first time". */
export async function ensureDeck(db: Db, rawName: string): Promise<{ id: string; name: string; created: boolean }> {
  const found = await findDeckByName(db, rawName);
  if (found) return { ...found, created: false };
  try {
    const d = await createDeck(db, rawName);
    return { id: d.id, name: d.name, created: true };
  } catch (error) {
    // Someone else created it between the lookup and the insert.
    const again = error instanceof HttpError && error.code === 'DECK_EXISTS' ? await findDeckByName(db, rawName) : null;
    if (again) return { ...again, created: false };
    throw error;
  }
}

export async function deleteDeck(db: Db, deckId: string): Promise<void> {
  const { count } = await db.deck.deleteMany({ where: { id: deckId } });
  if (!count) throw unknownDeck();
}

/** Serialises writers of one deck (imports, deletes) inside their transaction. */
export async function lockDeck(tx: Prisma.TransactionClient, deckId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Deck" WHERE id = ${deckId} FOR UPDATE`;
  if (!rows.length) throw unknownDeck();
}
