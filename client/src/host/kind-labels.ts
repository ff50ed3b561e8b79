import type { QuestionKind } from '../../../shared/game-types.js';

export const KIND_LABELS: Record<QuestionKind, string> = {
  'def-to-term': 'Definition → term',
  'term-to-def': 'Term → definition',
  'table-cell': 'Table cells',
  'true-false': 'True or false',
  cloze: 'Fill the gap',
  qa: 'Questions from the notes',
};

export function kindLabel(kind: string | undefined): string {
  return (kind && KIND_LABELS[kind as QuestionKind]) || kind || '';
}
