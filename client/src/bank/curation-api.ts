// The host's curation calls (docs/rest-api.md, "Curation"). Shapes come from shared/, so the
// screens and the server agree on them.
import type { FactItem } from '../../../shared/bank-types.js';
import type { EditFactBody, FlaggedFactItem, NotATermItem, StruckQuestionItem } from '../../../shared/curation-types.js';
import type { QuestionKind } from '../../../shared/game-types.js';
import { api } from '../lib/api.js';

const deckPath = (deckId: string) => `/api/decks/${encodeURIComponent(deckId)}`;

export const curationPath = (deckId: string) => `${deckPath(deckId)}/curation`;

export function strikeQuestion(deckId: string, factId: string, kind: QuestionKind, prompt?: string): Promise<StruckQuestionItem> {
  return api(`${curationPath(deckId)}/strikes`, { method: 'POST', body: { factId, kind, ...(prompt ? { prompt: prompt.slice(0, 500) } : {}) } });
}

export function unstrikeQuestion(deckId: string, id: string): Promise<null> {
  return api(`${curationPath(deckId)}/strikes/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function markNotATerm(deckId: string, termKey: string): Promise<NotATermItem> {
  return api(`${curationPath(deckId)}/not-terms`, { method: 'POST', body: { termKey } });
}

export function unmarkNotATerm(deckId: string, id: string): Promise<null> {
  return api(`${curationPath(deckId)}/not-terms/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function editFact(deckId: string, factId: string, body: EditFactBody): Promise<FactItem> {
  return api(`${deckPath(deckId)}/facts/${encodeURIComponent(factId)}`, { method: 'PATCH', body });
}

export function unflagFact(deckId: string, factId: string): Promise<null> {
  return api(`${curationPath(deckId)}/flags/${encodeURIComponent(factId)}`, { method: 'DELETE' });
}

/** `index`: the question's 0-based place in the game. */
export function flagQuestion(gameId: string, index: number): Promise<FlaggedFactItem> {
  return api(`/api/games/${encodeURIComponent(gameId)}/questions/${index}/flag`, { method: 'POST' });
}
