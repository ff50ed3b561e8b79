// Host curation of generated questions (docs/rest-api.md, "Curation"): request bodies with
// their zod schemas, and the shapes the server answers with, so client and server agree.
// A struck question, a "not a term" term and a flagged fact are what the generator leaves out
// (GenerateOptions.exclude on the server); an edit changes the fact itself.
import { z } from 'zod';
import { QUESTION_KINDS, type QuestionKind } from './game-types.js';

export const CURATION_LIMITS = {
  termChars: 200,
  factChars: 2000,
  promptChars: 500,
  termKeyChars: 300,
} as const;

/** Ids of decks, facts, games and curation rows: cuid, nanoid and hex hashes all fit. */
export const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id (letters, digits, - and _)');

// Control characters other than whitespace have no place in a fact; whitespace runs (line
// breaks included) become one space, since a fact is shown and asked on one line.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\u2028\u2029]/;

/** The host's text, cleaned the way the checks below see it. */
export function cleanHostText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function hostText(what: string, max: number) {
  return z
    .string()
    .max(max * 4, `${what} is too long (at most ${max} characters)`)
    .refine((s) => !CONTROL.test(s), `${what} contains control characters`)
    .transform(cleanHostText)
    .refine((s) => s.length > 0, `${what} must not be empty`)
    .refine((s) => s.length <= max, `${what} is too long (at most ${max} characters)`);
}

/** PATCH /api/decks/:deckId/facts/:factId. At least one of the two. */
export const editFactBody = z
  .strictObject({
    term: hostText('term', CURATION_LIMITS.termChars).optional(),
    fact: hostText('fact', CURATION_LIMITS.factChars).optional(),
  })
  .refine((b) => b.term !== undefined || b.fact !== undefined, 'send term, fact or both');
export type EditFactBody = z.input<typeof editFactBody>;

/** POST /api/decks/:deckId/curation/strikes. `prompt`: the question as the host saw it. */
export const strikeBody = z.strictObject({
  factId: rowId,
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string().max(CURATION_LIMITS.promptChars).optional(),
});
export type StrikeBody = z.input<typeof strikeBody>;

/** POST /api/decks/:deckId/curation/not-terms: a canonical term key (Term.key). */
export const notTermBody = z.strictObject({
  termKey: z
    .string()
    .min(1, 'termKey must not be empty')
    .max(CURATION_LIMITS.termKeyChars)
    .refine((s) => !CONTROL.test(s), 'termKey contains control characters'),
});
export type NotTermBody = z.input<typeof notTermBody>;

/** Where a curation row's fact is (a snapshot taken when the row was made). */
export interface FactSnapshot {
  factId: string;
  file: string;
  line: number;
  term: string;
  fact: string;
  /** False when no fact with this id is in the bank any more (its file changed since). */
  inBank: boolean;
}

export interface StruckQuestionItem extends FactSnapshot {
  id: string;
  kind: QuestionKind;
  /** The question as the host saw it; "" when struck from the fact browser. */
  prompt: string;
  createdAt: string;
}

export interface NotATermItem {
  id: string;
  termKey: string;
  display: string;
  /** Facts of this term in the bank now (all of them left out of questions). */
  facts: number;
  createdAt: string;
}

export interface FlaggedFactItem extends FactSnapshot {
  id: string;
  /** The question it was flagged at: 0-based index in its game, as GameQuestion.index. */
  questionIndex: number;
  kind: string;
  prompt: string;
  /** Null when that game was deleted since. */
  game: { id: string; code: string; createdAt: string } | null;
  createdAt: string;
  /** The fact as it is in the bank now (for editing in place); null when it is gone. */
  current: { term: string; fact: string; attribute: string | null; fileId: string } | null;
}

export interface EditedFactItem {
  id: string;
  factId: string;
  file: string;
  line: number;
  attribute: string | null;
  originalTerm: string;
  originalFact: string;
  term: string;
  fact: string;
  /** True when the bank holds the edited text; false while the original is not in the notes. */
  applied: boolean;
  updatedAt: string;
}

/** GET /api/decks/:deckId/curation */
export interface DeckCuration {
  flagged: FlaggedFactItem[];
  struck: StruckQuestionItem[];
  notTerms: NotATermItem[];
  edited: EditedFactItem[];
}

/** A fact's curation state, as the fact browser shows it next to the fact. */
export interface FactCuration {
  flagged: boolean;
  edited: boolean;
  /** Question kinds struck for this fact. */
  struckKinds: QuestionKind[];
  /** Its canonical term is marked "not a term". */
  notATerm: boolean;
}

/** The fact behind a preview question, so the host can edit it right there (`bankFact` on each
 *  item of GET /api/decks/:deckId/questions/preview, next to `termDisplay`, the name of the
 *  question's `termKey`). */
export interface PreviewFact {
  term: string;
  fact: string;
  attribute: string | null;
  /** The canonical term's name, as "Not a term" will name it. */
  termDisplay: string | null;
}
