// Contract between the notes bank and the question generator. A Bank is what the database layer
// stores for a deck: parsed facts plus the canonical keys that let facts from different files
// talk about the same thing. Questions are plain JSON so a game can persist and replay them.
import type { QuestionKind } from '../../shared/game-types.js';
import type { ParsedFact } from '../notes/types.js';

export type { QuestionKind };

export type BankFact = ParsedFact & {
  /** Stable hash of (file | lineStart | term | attribute | fact). */
  id: string;
  /** Source file name, as given to the parser. */
  file: string;
  /** Canonical term key (C1), after the typo merge (C3). */
  termKey: string;
  /** Facts that disagree across files share a group id (C5); never a key or an option. */
  conflictGroup?: string;
};

export interface Bank {
  deck: string;
  facts: BankFact[];
  /** termKey -> the other term keys that name the same thing (C2), symmetric. */
  aliases?: Record<string, string[]>;
}

export interface GenerateOptions {
  /** Topic paths (outermost first); a fact matches when one of them is a prefix of its topic. */
  topics?: string[][];
  count: number;
  seed: number | string;
  kinds?: QuestionKind[];
  /** Host curation: what the generator must leave out (see server/bank/curation). */
  exclude?: GenerateExclusions;
  /** Only these facts are tested (tonight's review); the whole bank still gives options. */
  facts?: readonly string[];
}

export interface GenerateExclusions {
  /** Fact ids never used, neither as the tested fact nor as an option (flagged facts). */
  facts?: readonly string[];
  /** Canonical term keys the host marked "not a term": their facts are left out. */
  terms?: readonly string[];
  /** Struck questions, as `${factId}|${kind}`: that fact is never asked in that kind again. */
  questions?: readonly string[];
}

/** Where an option came from: the fact whose line shows it. `null` for True/False labels. */
export interface OptionSource {
  factId: string;
  file: string;
  line: number;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  /** Index of the correct option. */
  answer: number;
  deck: string;
  /** Full topic path of the tested fact: shown at the reveal. */
  topic: string[];
  /** The part of the topic path players see while the question is open: it never contains the
   * keyed option (a heading that names the answer would give it away). */
  shownTopic: string[];
  /** File and line where the tested text (the key) is written: a heading or card front can
   *  sit above the fact, and the quality checks look for the key there. */
  file: string;
  line: number;
  /** First line of the fact the question cites: where the reveal and the results send players
   *  to re-read, so both name the same line. */
  factLine: number;
  /** The source fact in clean text, "Term: fact". */
  explanation: string;
  factId: string;
  /** Canonical key of the entity the question is about (dedupe and spread). */
  termKey: string;
  attribute?: string;
  /** One entry per option, same order: the fact each option was taken from. */
  sources: (OptionSource | null)[];
}
