// The host edits a fact's term and text. The row keeps its id, file and line (GameQuestion
// rows, strikes and flags point at the id), the deck's canonical layer is recomputed (the term
// may now belong to another Term), and Deck.updatedAt moves so the generator's cached copy of
// the deck is replaced. A FactEdit row remembers the original so that a re-import of the file,
// which deletes and re-inserts its facts, gets the edit back when the same original returns.
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { lockDeck, requireDeck } from './decks.js';
import { WRITE_TX } from './limits.js';
import { syncDeck } from './sync-deck.js';

type Tx = Prisma.TransactionClient;

const EDIT_ROW = {
  id: true,
  term: true,
  fact: true,
  attribute: true,
  lineStart: true,
  flags: true,
  confidence: true,
  aliases: true,
  emphasis: true,
  file: { select: { name: true } },
} as const satisfies Prisma.FactSelect;
type EditRow = Prisma.FactGetPayload<{ select: typeof EDIT_ROW }>;

/** What an edit changes besides term and text, as stored in FactEdit.originalRest. */
interface RowRest {
  flags: string[];
  confidence: number;
  aliases: string[];
  emphasis: string[];
}

// Doubts about the text that the host's own words settle; 'conflict' is the deck's to decide
// (syncDeck recomputes it), structural flags (question card, section, open list) stay.
const TEXT_DOUBTS = new Set(['truncated', 'merged', 'math', 'lowConfidence']);
const TERM_DOUBTS = new Set(['typoSuspect']);

export function unknownFact(): HttpError {
  return new HttpError(404, 'NOT_FOUND', 'That fact is not in this deck.');
}

function restOf(row: EditRow): RowRest {
  return { flags: [...row.flags], confidence: row.confidence, aliases: [...row.aliases], emphasis: [...row.emphasis] };
}

function asRest(value: Prisma.JsonValue): RowRest | null {
  const v = value as Partial<RowRest> | null;
  if (!v || !Array.isArray(v.flags) || typeof v.confidence !== 'number' || !Array.isArray(v.aliases) || !Array.isArray(v.emphasis)) return null;
  return v as RowRest;
}

/** The row's new fields for the host's term and text; `original` restores the parser's own. */
function editedFields(row: EditRow, term: string, fact: string, original: RowRest | null): Prisma.FactUpdateInput {
  if (original) return { term, fact, ...original };
  const termChanged = term !== row.term;
  const factChanged = fact !== row.fact;
  let flags = row.flags.filter((f) => !(factChanged && TEXT_DOUBTS.has(f)) && !(termChanged && TERM_DOUBTS.has(f)) && f !== 'termInFact');
  // The one text check the importer does that is simple to redo: does the text say its term?
  if (fact.toLowerCase().includes(term.toLowerCase())) flags = [...flags, 'termInFact'];
  return {
    term,
    fact,
    flags,
    // The host vouches for the wording now.
    confidence: 1,
    // Other names read off the old term's line may not name the new term.
    aliases: termChanged ? [] : row.aliases,
    emphasis: row.emphasis.filter((e) => fact.includes(e)),
  };
}

async function finishDeckChange(tx: Tx, deck: { id: string; name: string }): Promise<void> {
  await syncDeck(tx, deck);
  await tx.deck.update({ where: { id: deck.id }, data: { updatedAt: new Date() } });
}

/**
 * Edits a fact (either field may stay as it is) and resolves a flag on it: the host has looked
 * at it. Editing back to the original text removes the edit. Throws 404 for an unknown fact.
 */
export async function editFact(prisma: PrismaClient, deckId: string, factId: string, body: { term?: string; fact?: string }): Promise<void> {
  const deck = await requireDeck(prisma, deckId);
  await prisma.$transaction(async (tx) => {
    await lockDeck(tx, deckId);
    const row = await tx.fact.findFirst({ where: { id: factId, deckId }, select: EDIT_ROW });
    if (!row) throw unknownFact();
    const term = body.term ?? row.term;
    const fact = body.fact ?? row.fact;
    const key = { deckId_factId: { deckId, factId } };
    const edit = await tx.factEdit.findUnique({ where: key });
    const backToOriginal = edit ? term === edit.originalTerm && fact === edit.originalFact : term === row.term && fact === row.fact;
    if (backToOriginal) {
      if (edit) await tx.factEdit.delete({ where: key });
    } else if (edit) {
      await tx.factEdit.update({ where: key, data: { term, fact } });
    } else {
      await tx.factEdit.create({
        data: {
          deckId, factId, fileName: row.file.name, line: row.lineStart, attribute: row.attribute,
          originalTerm: row.term, originalFact: row.fact, originalRest: restOf(row) as unknown as Prisma.InputJsonValue, term, fact,
        },
      });
    }
    if (term !== row.term || fact !== row.fact) {
      const original = backToOriginal && edit ? asRest(edit.originalRest) : null;
      await tx.fact.update({ where: { id: row.id }, data: editedFields(row, term, fact, original) });
      await finishDeckChange(tx, deck);
    }
    await tx.flaggedFact.deleteMany({ where: { deckId, factId } });
  }, WRITE_TX);
}

type EditRecord = Prisma.FactEditGetPayload<true>;
interface Reapply {
  edit: EditRecord;
  row: EditRow;
}

/** Edits whose original fact is in the bank again (a re-import put it back) and the row to edit. */
async function pendingEdits(db: PrismaClient | Tx, deckId: string): Promise<Reapply[]> {
  const edits = await db.factEdit.findMany({ where: { deckId }, orderBy: { createdAt: 'asc' } });
  if (!edits.length) return [];
  const rows = await db.fact.findMany({
    where: { deckId, OR: [{ id: { in: edits.map((e) => e.factId) } }, { term: { in: [...new Set(edits.map((e) => e.originalTerm))] } }] },
    select: EDIT_ROW,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const editedIds = new Set(edits.map((e) => e.factId));
  const claimed = new Set<string>();
  const out: Reapply[] = [];
  const isOriginal = (e: EditRecord, r: EditRow) => r.term === e.originalTerm && r.fact === e.originalFact && r.attribute === e.attribute && r.file.name === e.fileName;
  for (const e of edits) {
    const same = byId.get(e.factId);
    if (same) {
      // Same id: the line did not move. Either the edit is in place or the original is back.
      if (isOriginal(e, same) && (same.term !== e.term || same.fact !== e.fact)) out.push({ edit: e, row: same });
      claimed.add(same.id);
      continue;
    }
    // The original came back on another line (lines were added above it): the nearest copy.
    const near = rows
      .filter((r) => !claimed.has(r.id) && !editedIds.has(r.id) && isOriginal(e, r))
      .sort((a, b) => Math.abs(a.lineStart - e.line) - Math.abs(b.lineStart - e.line))[0];
    if (near) {
      claimed.add(near.id);
      out.push({ edit: e, row: near });
    }
  }
  return out;
}

/**
 * Applies the host's edits again to originals a re-import brought back. Called before anything
 * reads the deck for questions or for the host (cheap when nothing is pending: one query).
 * Returns how many facts were edited.
 */
export async function reapplyEdits(prisma: PrismaClient, deckId: string): Promise<number> {
  if (!(await pendingEdits(prisma, deckId)).length) return 0;
  const deck = await prisma.deck.findUnique({ where: { id: deckId }, select: { id: true, name: true } });
  if (!deck) return 0;
  return prisma.$transaction(async (tx) => {
    await lockDeck(tx, deckId);
    // Again under the lock: another request may have done it meanwhile.
    const pending = await pendingEdits(tx, deckId);
    for (const { edit, row } of pending) {
      await tx.fact.update({ where: { id: row.id }, data: editedFields(row, edit.term, edit.fact, null) });
      if (row.id !== edit.factId) {
        await tx.factEdit.update({ where: { id: edit.id }, data: { factId: row.id, line: row.lineStart } });
      }
    }
    if (pending.length) await finishDeckChange(tx, deck);
    return pending.length;
  }, WRITE_TX);
}
