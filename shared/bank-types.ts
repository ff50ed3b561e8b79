// Shapes of the notes bank REST answers that the server builds and the client reads.
import type { FactCuration } from './curation-types.js';

/** One node of `GET /api/decks/:deckId/topics`. */
export interface TopicNode {
  id: string;
  name: string;
  path: string[];
  /** Facts filed directly under this topic. */
  facts: number;
  /** Facts of this topic and all its sub-topics. */
  totalFacts: number;
  children: TopicNode[];
}

/** One item of `GET /api/decks/:deckId/facts`. */
export interface FactItem {
  id: string;
  term: string;
  /** The canonical name of the term (most frequent spelling across files). */
  termDisplay: string | null;
  /** Canonical term key (Term.key): what "Not a term" marks. Null before the deck is synced. */
  termKey: string | null;
  fact: string;
  attribute: string | null;
  topic: string[];
  file: string;
  fileId: string;
  line: number;
  lineEnd: number;
  flags: string[];
  conflictGroup: string | null;
  /** What the host decided about this fact (shared/curation-types.ts). */
  curation: FactCuration;
}
