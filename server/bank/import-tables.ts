// The import's write statements and, next to each, the columns its parameters hold, so the
// order the import thread encodes them in (import-literals.ts) and the order the SQL reads them
// in cannot drift apart. Every statement takes the deck id as $1 where it needs it, then one
// array literal per column. Works on PostgreSQL and PGlite.
import type { Cell } from './import-literals.js';
import type { TopicRow } from './topics.js';
import { arrayLiteral } from './import-literals.js';

/** A row's text[] value as one cell (cast back per row in SQL). */
const list = (xs: readonly string[]): string => arrayLiteral(xs);

/** A topic row as the import writes it (the tree's own row shape). */
export type TopicInsert = TopicRow;

export const TOPIC_COLUMNS: ((t: TopicInsert) => Cell)[] = [(t) => t.id, (t) => t.parentId, (t) => t.name, (t) => list(t.path), (t) => t.pathKey, (t) => t.depth];
export const INSERT_TOPICS = `INSERT INTO "Topic" ("id", "deckId", "parentId", "name", "path", "pathKey", "depth")
  SELECT v.id, $1, v.parent, v.name, v.path::text[], v.key, v.depth
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS v(id, parent, name, path, key, depth)`;

export interface TermInsert {
  id: string;
  key: string;
  display: string;
  aliases: string[];
  aliasKeys: string[];
}

export const TERM_COLUMNS: ((t: TermInsert) => Cell)[] = [(t) => t.id, (t) => t.key, (t) => t.display, (t) => list(t.aliases), (t) => list(t.aliasKeys)];
export const INSERT_TERMS = `INSERT INTO "Term" ("id", "deckId", "key", "display", "aliases", "aliasKeys")
  SELECT v.id, $1, v.key, v.display, v.aliases::text[], v.alias_keys::text[]
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v(id, key, display, aliases, alias_keys)`;

export const TERM_UPDATE_COLUMNS: ((t: TermInsert) => Cell)[] = [(t) => t.id, (t) => t.display, (t) => list(t.aliases), (t) => list(t.aliasKeys)];
export const UPDATE_TERMS = `UPDATE "Term" AS t SET "display" = v.display, "aliases" = v.aliases::text[], "aliasKeys" = v.alias_keys::text[]
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, display, aliases, alias_keys)
  WHERE t."id" = v.id`;

export interface FactInsert {
  id: string;
  fileId: string;
  topicId: string | null;
  termId: string;
  term: string;
  attribute: string | null;
  fact: string;
  lineStart: number;
  lineEnd: number;
  rule: string;
  confidence: number;
  polarity: string | null;
  flags: string[];
  siblingGroup: string | null;
  conflictGroup: string | null;
  ord: number;
  termLine: number | null;
  aliases: string[];
  emphasis: string[];
  localTopic: string[];
}

export const FACT_COLUMNS: ((f: FactInsert) => Cell)[] = [
  (f) => f.id, (f) => f.fileId, (f) => f.topicId, (f) => f.termId, (f) => f.term, (f) => f.attribute, (f) => f.fact,
  (f) => f.lineStart, (f) => f.lineEnd, (f) => f.rule, (f) => f.confidence, (f) => f.polarity, (f) => list(f.flags),
  (f) => f.siblingGroup, (f) => f.conflictGroup, (f) => f.ord, (f) => f.termLine, (f) => list(f.aliases), (f) => list(f.emphasis),
  (f) => list(f.localTopic),
];
export const INSERT_FACTS = `INSERT INTO "Fact" ("id", "deckId", "fileId", "topicId", "termId", "term", "attribute", "fact", "lineStart", "lineEnd",
    "rule", "confidence", "polarity", "flags", "siblingGroup", "conflictGroup", "ord", "termLine", "aliases", "emphasis", "localTopic")
  SELECT v.id, $1, v.file, v.topic, v.term_id, v.term, v.attribute, v.fact, v.line_start, v.line_end,
    v.rule, v.confidence, v.polarity, v.flags::text[], v.sibling, v.conflict, v.ord, v.term_line, v.aliases::text[], v.emphasis::text[], v.local_topic::text[]
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[],
    $11::text[], $12::float8[], $13::text[], $14::text[], $15::text[], $16::text[], $17::int[], $18::int[], $19::text[], $20::text[], $21::text[])
    AS v(id, file, topic, term_id, term, attribute, fact, line_start, line_end, rule, confidence, polarity, flags, sibling, conflict, ord, term_line, aliases, emphasis, local_topic)`;

export interface FactUpdate {
  id: string;
  termId: string;
  conflictGroup: string | null;
  flags: string[];
  topicId: string | null;
}

export const FACT_UPDATE_COLUMNS: ((f: FactUpdate) => Cell)[] = [(f) => f.id, (f) => f.termId, (f) => f.conflictGroup, (f) => list(f.flags), (f) => f.topicId];
export const UPDATE_FACTS = `UPDATE "Fact" AS f SET "termId" = v.term_id, "conflictGroup" = v.conflict, "flags" = v.flags::text[], "topicId" = v.topic
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, term_id, conflict, flags, topic)
  WHERE f."id" = v.id`;

// One row per changed file: raw SQL, since Prisma's upsert walks and compiles its arguments on
// the main thread, which for a 1 MB rawText was a 250 ms stall. A new row gets a random id (as
// Prisma's default would); a replaced file keeps its row and id. The row is written with the
// first piece of the raw text, APPEND_TEXT adds the others (see textPieces).
export const UPSERT_FILE = `INSERT INTO "SourceFile" ("id", "deckId", "name", "hash", "layout", "rawText", "report", "importedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::timestamp(3))
  ON CONFLICT ("deckId", "name") DO UPDATE SET "hash" = EXCLUDED."hash", "layout" = EXCLUDED."layout", "rawText" = EXCLUDED."rawText",
    "report" = EXCLUDED."report", "importedAt" = EXCLUDED."importedAt"
  RETURNING "id"`;
export const APPEND_TEXT = `UPDATE "SourceFile" SET "rawText" = "rawText" || $2 WHERE "id" = $1`;

export const ID_COLUMNS: ((id: string) => Cell)[] = [(id) => id];
export const DELETE_TERMS = `DELETE FROM "Term" WHERE "id" = ANY($1::text[])`;
export const DELETE_TOPICS = `DELETE FROM "Topic" WHERE "id" = ANY($1::text[])`;
