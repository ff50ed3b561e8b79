// Where a new game's questions come from. The live rooms only need "settings + seed ->
// questions"; production builds them from the notes bank with the generator, tests pass a
// fixed list. The questions are frozen into GameQuestion rows when the game is created.
import type { GameSettings } from '../../shared/game-types.js';
import type { PrismaClient } from '../db/generated/client.js';
import type { ServerQuestion } from '../game/types.js';
import { curationExclusions } from '../bank/curation.js';
import { deckBankRef } from '../bank/load-bank.js';
import type { QuestionGenerator } from '../questions/generator-thread.js';
import type { Question } from '../questions/types.js';

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
  load(settings: GameSettings, seed: string): Promise<QuestionSet>;
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
    async load(settings, seed) {
      // The host's curation (struck questions, "not a term", flagged facts); read before the
      // bank revision, since it may put back edits a re-import undid.
      const exclude = await curationExclusions(prisma, settings.deckId);
      const deck = await deckBankRef(prisma, settings.deckId);
      if (!deck) throw new QuestionSourceError('UNKNOWN_DECK');
      // The whole deck goes to the generator with the topics as an option: distractors may
      // then come from neighbouring topics, which makes them plausible.
      const questions = await generator.generate(deck.ref, {
        topics: settings.topics.length ? settings.topics : undefined,
        count: settings.questionCount,
        seed,
        kinds: settings.kinds,
        exclude,
      });
      if (questions.length === 0) throw new QuestionSourceError('NOT_ENOUGH_QUESTIONS');
      return { deckId: settings.deckId, deckName: deck.name, questions: questions.map(toServerQuestion) };
    },
  };
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
