// What an import needs to know about the deck as it is: its topics, its terms and the facts of
// its other files. PostgreSQL packs each into one JSON text (json_agg), so the main thread
// receives a few strings instead of building thousands of row objects, and the import thread
// decodes them. Facts come in pages, so no single statement grows with the deck (with the
// embedded PGlite a statement runs on the main thread).
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import type { FactRow } from './fact-rows.js';

type Db = Prisma.TransactionClient | PrismaClient;

/** JSON texts as read from the database; decoded by `decodeSnapshot` in the import thread. */
export interface SnapshotText {
  topics: string;
  terms: string;
  facts: string[];
}

const FACT_PAGE = 4_000;

const TOPICS_SQL = `SELECT coalesce(json_agg(json_build_array(t."id", t."parentId", coalesce(t."path", '{}'), t."pathKey")), '[]')::text AS rows
  FROM "Topic" t WHERE t."deckId" = $1`;

const TERMS_SQL = `SELECT coalesce(json_agg(json_build_array(t."id", t."key", t."display", coalesce(t."aliases", '{}'), coalesce(t."aliasKeys", '{}'))), '[]')::text AS rows
  FROM "Term" t WHERE t."deckId" = $1`;

// Keyset pages by id; each page is one JSON array of the columns FactRow needs, in this order.
const FACTS_SQL = `SELECT coalesce(json_agg(json_build_array(
    f."id", f."fileId", s."name", f."topicId", tp."path", f."termId", f."term", f."attribute", f."fact",
    f."lineStart", f."lineEnd", f."rule", f."confidence", f."polarity", coalesce(f."flags", '{}'), f."siblingGroup",
    f."conflictGroup", f."ord", f."termLine", coalesce(f."aliases", '{}'), coalesce(f."emphasis", '{}'), coalesce(f."localTopic", '{}'))), '[]')::text AS rows,
    max(f."id") AS last, count(*)::int AS n
  FROM (SELECT * FROM "Fact" WHERE "deckId" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${FACT_PAGE}) f
  JOIN "SourceFile" s ON s."id" = f."fileId"
  LEFT JOIN "Topic" tp ON tp."id" = f."topicId"`;

/** Reads the deck's topics, terms and facts (inside the import's transaction, after its lock). */
export async function readSnapshot(db: Db, deckId: string): Promise<SnapshotText> {
  const [topics] = await db.$queryRawUnsafe<{ rows: string }[]>(TOPICS_SQL, deckId);
  const [terms] = await db.$queryRawUnsafe<{ rows: string }[]>(TERMS_SQL, deckId);
  const facts: string[] = [];
  let after = '';
  for (;;) {
    const [page] = await db.$queryRawUnsafe<{ rows: string; last: string | null; n: number }[]>(FACTS_SQL, deckId, after);
    if (!page.n) break;
    facts.push(page.rows);
    if (page.n < FACT_PAGE || !page.last) break;
    after = page.last;
  }
  return { topics: topics.rows, terms: terms.rows, facts };
}

/** Terms the deck's other files define (term, rule), for the parser's lexicon: one JSON text. */
export async function readLexiconRows(db: Db, deckId: string, exceptFileIds: readonly string[]): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(json_build_array(d."term", d."rule")), '[]')::text AS rows
       FROM (SELECT DISTINCT "term", "rule" FROM "Fact" WHERE "deckId" = $1 AND NOT ("fileId" = ANY($2::text[]))) d`,
    deckId,
    exceptFileIds,
  );
  return row.rows;
}

export interface SnapshotTopic {
  id: string;
  parentId: string | null;
  path: string[];
  pathKey: string;
}

export interface SnapshotTerm {
  id: string;
  key: string;
  display: string;
  aliases: string[];
  aliasKeys: string[];
}

export interface Snapshot {
  topics: SnapshotTopic[];
  terms: SnapshotTerm[];
  /** Stored facts in the shape fact-rows.ts reads (file name and topic path joined in). */
  facts: FactRow[];
}

type FactTuple = [
  string, string, string, string | null, string[] | null, string | null, string, string | null, string,
  number, number, string, number, string | null, string[], string | null,
  string | null, number, number | null, string[], string[], string[],
];

export function decodeSnapshot(text: SnapshotText): Snapshot {
  const topics = (JSON.parse(text.topics) as [string, string | null, string[], string][]).map(([id, parentId, path, pathKey]) => ({ id, parentId, path, pathKey }));
  const terms = (JSON.parse(text.terms) as [string, string, string, string[], string[]][]).map(([id, key, display, aliases, aliasKeys]) => ({ id, key, display, aliases, aliasKeys }));
  const facts: FactRow[] = [];
  for (const page of text.facts) {
    for (const t of JSON.parse(page) as FactTuple[]) {
      facts.push({
        id: t[0], fileId: t[1], file: { name: t[2] }, topicId: t[3], topic: t[3] === null ? null : { path: t[4] ?? [] }, termId: t[5],
        term: t[6], attribute: t[7], fact: t[8], lineStart: t[9], lineEnd: t[10], rule: t[11], confidence: t[12], polarity: t[13],
        flags: t[14], siblingGroup: t[15], conflictGroup: t[16], ord: t[17], termLine: t[18], aliases: t[19], emphasis: t[20], localTopic: t[21] ?? [],
      });
    }
  }
  return { topics, terms, facts };
}
