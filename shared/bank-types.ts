// Shapes of the notes bank REST answers that the server builds and the client reads.

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
