// Runs a write plan (import-plan.ts) inside the caller's transaction: a few raw statements per
// kind of row, each taking finished array literals. Prisma's createMany compiled and serialised
// every 500-row batch on the main thread (the write phase of a 300 KB import stalled the loop
// 200–500 ms at a time); here the main thread's work per statement is passing a few strings.
// Each statement is awaited, so the event loop gets a turn between them.
import type { Prisma } from '../db/generated/client.js';
import type { WriteHead, WritePlan, WriteRest } from './import-plan.js';
import { DELETE_TERMS, DELETE_TOPICS, INSERT_FACTS, INSERT_TERMS, INSERT_TOPICS, UPDATE_FACTS, UPDATE_TERMS } from './import-tables.js';

type Tx = Prisma.TransactionClient;

/** Order matters: topics and terms before the facts that point at them; stale terms only once no
 *  fact points at them; empty topics last. `orphanTopics` is skipped unless `prune`. */
export async function applyPlan(tx: Tx, deckId: string, plan: WritePlan, prune: boolean): Promise<void> {
  await applyHead(tx, deckId, plan);
  await applyRest(tx, deckId, plan, prune);
}

/** The first half of applyPlan: topics and terms. */
export async function applyHead(tx: Tx, deckId: string, plan: WriteHead): Promise<void> {
  for (const chunk of plan.topics) await tx.$executeRawUnsafe(INSERT_TOPICS, deckId, ...chunk);
  for (const chunk of plan.changedTerms) await tx.$executeRawUnsafe(UPDATE_TERMS, ...chunk);
  for (const chunk of plan.newTerms) await tx.$executeRawUnsafe(INSERT_TERMS, deckId, ...chunk);
}

/** The second half of applyPlan: facts, then what no fact points at any more. */
export async function applyRest(tx: Tx, deckId: string, plan: WriteRest, prune: boolean): Promise<void> {
  for (const chunk of plan.facts) await tx.$executeRawUnsafe(INSERT_FACTS, deckId, ...chunk);
  for (const chunk of plan.changedFacts) await tx.$executeRawUnsafe(UPDATE_FACTS, ...chunk);
  for (const chunk of plan.staleTerms) await tx.$executeRawUnsafe(DELETE_TERMS, ...chunk);
  if (prune) for (const chunk of plan.orphanTopics) await tx.$executeRawUnsafe(DELETE_TOPICS, ...chunk);
}
