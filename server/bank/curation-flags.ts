// Flagging a game's question (the host's "Flag question" at a reveal, or later from the results):
// the fact behind it is left out of the deck's games until the host edits it or unflags it.
// Works for a game that is still running and for a finished one: the questions were frozen
// into GameQuestion rows when the game was created.
import type { FlaggedFactItem } from '../../shared/curation-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { flaggedItems } from './curation.js';
import { isUniqueViolation } from '../db/errors.js';

/** Idempotent: flagging a flagged fact again keeps the first flag (and says created: false). */
export async function flagQuestion(prisma: PrismaClient, gameId: string, index: number): Promise<{ item: FlaggedFactItem; created: boolean }> {
  const game = await prisma.game.findUnique({ where: { id: gameId }, select: { id: true, deckId: true } });
  if (!game) throw new HttpError(404, 'UNKNOWN_GAME');
  const q = await prisma.gameQuestion.findUnique({
    where: { gameId_index: { gameId, index } },
    select: { kind: true, prompt: true, factId: true },
  });
  if (!q) throw new HttpError(404, 'NOT_FOUND', `This game has no question ${index} (question numbers start at 0).`);
  // Questions from a fixed list, or from a deck deleted since, have nothing to leave out.
  if (!q.factId || !game.deckId) {
    throw new HttpError(409, 'NOT_FOUND', 'This question was not made from a fact of a notes deck, so there is nothing to flag.');
  }
  const deckId = game.deckId;
  const fact = await prisma.fact.findFirst({
    where: { id: q.factId, deckId },
    select: { term: true, fact: true, lineStart: true, file: { select: { name: true } } },
  });
  if (!fact) {
    throw new HttpError(409, 'NOT_FOUND', 'The fact behind this question is no longer in the notes bank (its file was changed or deleted since).');
  }
  let created = false;
  if (!(await prisma.flaggedFact.findUnique({ where: { deckId_factId: { deckId, factId: q.factId } }, select: { id: true } }))) {
    try {
      await prisma.flaggedFact.create({
        data: {
          deckId, factId: q.factId, gameId, questionIndex: index, kind: q.kind, prompt: q.prompt,
          fileName: fact.file.name, line: fact.lineStart, term: fact.term, fact: fact.fact,
        },
      });
      created = true;
    } catch (error) {
      // A second press raced the first: the flag is there, which is all that was asked.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  const [item] = await flaggedItems(prisma, deckId, { factId: q.factId });
  return { item, created };
}
