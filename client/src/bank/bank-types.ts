// Shapes of the notes bank REST answers (docs/rest-api.md). The server may add fields.

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

export interface Fact {
  id: string;
  term: string;
  fact: string;
  attribute?: string | null;
  topic: string[];
  file: string;
  fileId: string;
  line: number;
  lineEnd?: number | null;
  flags?: string[];
}

export interface FactPage {
  total: number;
  items: Fact[];
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
}

export interface CreatedGame {
  gameId: string;
  code: string;
  joinUrl: string;
  hostToken: string;
}

export type { GameHistoryItem as GameHistoryRow } from '../../../shared/report-types.js';
