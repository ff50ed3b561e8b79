// Line-oriented exports for the CLI (and anything else that wants plain records): one object per
// fact or per question, with a fixed set of keys so the output can be diffed and checked.
import type { PrismaClient } from '../db/generated/client.js';
import type { Question } from '../questions/types.js';
import { requireDeck } from './decks.js';

export interface ExportedFact {
  deck: string;
  file: string;
  line: number;
  topic: string[];
  term: string;
  fact: string;
  attribute?: string;
  flags: string[];
}

/** Every fact of the deck, ordered by file name, then line, then position in the file. */
export async function exportFacts(prisma: PrismaClient, deckId: string): Promise<ExportedFact[]> {
  const deck = await requireDeck(prisma, deckId);
  const rows = await prisma.fact.findMany({
    where: { deckId },
    select: { term: true, fact: true, attribute: true, flags: true, lineStart: true, ord: true, file: { select: { name: true } }, topic: { select: { path: true } } },
  });
  rows.sort((a, b) => (a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : a.lineStart - b.lineStart || a.ord - b.ord));
  return rows.map((r) => ({
    deck: deck.name,
    file: r.file.name.replace(/^.*[\\/]/, ''),
    line: r.lineStart,
    topic: r.topic?.path ?? [],
    term: r.term,
    fact: r.fact,
    ...(r.attribute !== null ? { attribute: r.attribute } : {}),
    flags: r.flags,
  }));
}

export interface ExportedQuestion {
  id: string;
  kind: string;
  prompt: string;
  options: string[];
  answer: number;
  topic: string[];
  file: string;
  line: number;
  explanation: string;
}

export function exportQuestion(q: Question): ExportedQuestion {
  return { id: q.id, kind: q.kind, prompt: q.prompt, options: q.options, answer: q.answer, topic: q.topic, file: q.file, line: q.line, explanation: q.explanation };
}
