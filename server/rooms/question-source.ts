// Where a new game's questions come from. The live rooms only need "settings + seed ->
// questions"; production builds them from the notes bank with the generator, tests pass a
// fixed list. The questions are frozen into GameQuestion rows when the game is created.
import type { GameSettings } from '../../shared/game-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import type { ServerQuestion } from '../game/types.js';
import { curationExclusions } from '../bank/curation.js';
import { deckBankRef } from '../bank/load-bank.js';
import type { BankRef, QuestionGenerator } from '../questions/generator-thread.js';
import type { GenerateOptions, Question } from '../questions/types.js';

export interface SourcedQuestion extends ServerQuestion {
  /** The bank fact the question tests, kept for the post-game "re-read this" links. */
  factId: string | null;
}

export interface QuestionSet {
  /** Null when the questions do not come from a stored deck (tests, fixed lists). */
  deckId: string | null;
  deckName: string;
  questions: SourcedQuestion[];
}

export interface QuestionSource {
  /** Deterministic for a given seed. Throws QuestionSourceError for the host to read. */
  load(settings: GameSettings, seed: string, focus?: readonly string[]): Promise<QuestionSet>;
}

export class QuestionSourceError extends Error {
  constructor(readonly code: 'UNKNOWN_DECK' | 'NOT_ENOUGH_QUESTIONS') {
    super(code);
  }
}

export function toServerQuestion(q: Question): SourcedQuestion {
  // Field by field: the generator's extra fields (sources, termKey) stay out of the game.
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options.slice(),
    answerIndex: q.answer,
    topic: q.topic.slice(),
    shownTopic: q.shownTopic.slice(),
    file: q.file,
    // The fact's own first line, the one the results cite while the fact is in the bank.
    line: q.factLine,
    explanation: q.explanation,
    factId: q.factId ?? null,
  };
}

/** Questions generated from a deck of the notes bank (off the event loop, see
 *  generator-thread.ts). */
export function bankQuestionSource(prisma: PrismaClient, generator: QuestionGenerator): QuestionSource {
  return {
    async load(settings, seed, focus) {
      // The host's curation (struck questions, "not a term", flagged facts); read before the
      // bank revision, since it may put back edits a re-import undid.
      const exclude = await curationExclusions(prisma, settings.deckId);
      const deck = await deckBankRef(prisma, settings.deckId);
      if (!deck) throw new QuestionSourceError('UNKNOWN_DECK');
      // The whole deck goes to the generator with the topics as an option: distractors may
      // then come from neighbouring topics, which makes them plausible.
      const options = { topics: settings.topics.length ? settings.topics : undefined, seed, kinds: settings.kinds, exclude };
      const questions = focus
        ? await focusedQuestions(generator, deck.ref, options, settings.questionCount, focus)
        : await generator.generate(deck.ref, { ...options, count: settings.questionCount });
      if (questions.length === 0) throw new QuestionSourceError('NOT_ENOUGH_QUESTIONS');
      return { deckId: settings.deckId, deckName: deck.name, questions: questions.map(toServerQuestion) };
    },
  };
}

/** Tonight's review: the facts in `focus` order, as many as make a question about themselves.
 *  The generator is asked for the first ones; facts that could not make one (in the chosen
 *  kinds) give their places to the next of the list, a few rounds at most. */
async function focusedQuestions(
  generator: QuestionGenerator,
  deck: BankRef,
  options: Omit<GenerateOptions, 'count' | 'facts'>,
  count: number,
  focus: readonly string[],
): Promise<Question[]> {
  const out: Question[] = [];
  let next = 0;
  for (let round = 0; round < 4 && out.length < count && next < focus.length; round++) {
    const want = count - out.length;
    // A little more than needed: a slot may take one fact of an entity and leave its sibling.
    const facts = focus.slice(next, next + want + (round === 0 ? 0 : want));
    next += facts.length;
    const made = await generator.generate(deck, { ...options, count: want, facts });
    const ids = new Set(out.map((q) => q.id));
    // Only questions about the facts asked for: a false true-or-false statement borrows another
    // fact's definition and is filed under that fact, which the review did not pick.
    const asked = new Set(facts);
    out.push(...made.filter((q) => !ids.has(q.id) && q.factId !== undefined && asked.has(q.factId)).slice(0, want));
  }
  // In the order the review ranked them, the most urgent first.
  const rank = new Map(focus.map((id, i) => [id, i]));
  return out.sort((a, b) => (rank.get(a.factId ?? '') ?? 0) - (rank.get(b.factId ?? '') ?? 0));
}

/** A fixed list (tests, demos): the first `questionCount` questions, whatever the deck. */
export function fixedQuestionSource(questions: readonly ServerQuestion[], deckName = 'Fixed questions'): QuestionSource {
  return {
    async load(settings) {
      const chosen = questions.slice(0, settings.questionCount);
      if (chosen.length === 0) throw new QuestionSourceError('NOT_ENOUGH_QUESTIONS');
      return {
        deckId: null,
        deckName,
        questions: chosen.map((q) => ({ ...q, options: q.options.slice(), topic: q.topic.slice(), factId: null })),
      };
    },
  };
}
