// After every import or delete the deck's canonical layer is recomputed from all its facts: which
// Term each fact belongs to, term display names and aliases, and conflict groups. A new file can
// change an old file's facts (its spelling outvotes a typo, its number contradicts a retention
// period), and a deck is small (about 1.5k facts), so recomputing beats patching. Imports do this
// through the import thread (import.ts); this is the same computation on the calling thread, for
// a file delete.
import type { Prisma } from '../db/generated/client.js';
import type { ParsedFact } from '../notes/types.js';
import { applyPlan } from './import-apply.js';
import { planSync } from './import-plan.js';
import { decodeSnapshot, readSnapshot } from './import-snapshot.js';

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

/**
 * Recomputes the canonical layer for the deck and writes `added` (the facts of the files this
 * import replaces or adds; their old rows must already be gone, their topics must exist). Runs
 * inside the caller's transaction, so a failure leaves the deck as it was.
 */
export async function syncDeck(tx: Tx, deck: { id: string; name: string }, added: readonly NewFact[] = []): Promise<SyncStats> {
  const snapshot = decodeSnapshot(await readSnapshot(tx, deck.id));
  const plan = planSync(deck, snapshot, added);
  // The topic tree follows the facts: a deleted file can take an area with it.
  await applyPlan(tx, deck.id, plan, true);
  return plan.stats;
}
