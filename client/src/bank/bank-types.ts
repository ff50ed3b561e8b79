// Shapes of the notes bank REST answers (docs/rest-api.md). The server may add fields.
import type { FactItem } from '../../../shared/bank-types.js';
import type { PreviewFact } from '../../../shared/curation-types.js';

export interface DeckSummary {
  id: string;
  name: string;
  files: number;
  facts: number;
  topics: number;
  createdAt: string;
  updatedAt: string;
}

export interface DeckFile {
  id: string;
  name: string;
  layout: string;
  facts: number;
  hash: string;
  importedAt: string;
}

export type { TopicNode } from '../../../shared/bank-types.js';

export type { FactItem as Fact } from '../../../shared/bank-types.js';

export interface FactPage {
  total: number;
  items: FactItem[];
}

export interface ImportFileReport {
  fileId: string;
  name: string;
  layout: string;
  status: 'imported' | 'replaced' | 'unchanged';
  facts: number;
  factsByTopic: Array<{ topic: string[]; count: number }>;
  skipped: Array<{ line: number; reason: string; text: string }>;
  skippedByReason: Record<string, number>;
  flagged: Array<{ line: number; term: string; fact: string; flags: string[] }>;
}

export interface ImportReport {
  files: ImportFileReport[];
  totals: { facts: number; skipped: number; flagged: number };
}

export interface FileContext {
  name: string;
  lines: Array<{ n: number; text: string }>;
}

export interface PreviewQuestion {
  id?: string;
  /** The fact the question tests; with `kind`, what "Never ask this" strikes. */
  factId?: string;
  /** Canonical key of the term the question is about ("Not a term"), and its name. */
  termKey?: string;
  termDisplay?: string | null;
  /** The fact behind the question as the bank holds it, for editing it from the preview. */
  bankFact?: PreviewFact | null;
  kind?: string;
  prompt: string;
  options: string[];
  /** Index of the right option (the generator's field name). */
  answer?: number;
  answerIndex?: number;
  topic?: string[];
  explanation?: string;
  source?: { file: string; line: number };
  file?: string;
  line?: number;
  /** First line of the tested fact: the line the game's reveal and the results cite. */
  factLine?: number;
}

export interface CreatedGame {
  gameId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
}

export type { GameHistoryItem as GameHistoryRow } from '../../../shared/report-types.js';
