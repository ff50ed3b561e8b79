// Between the parser's fact record and a Fact row. The row stores the parser's output plus what
// the deck-wide pass adds (canonical term, conflict group, the 'conflict' flag); reading a row back
// gives the parser's record again, so the bank can be recomputed or loaded without re-parsing.
import type { Prisma } from '../db/generated/client.js';
import type { FactFlag, ParsedFact } from '../notes/types.js';
import { stableId } from '../questions/seeded.js';

export const FACT_SELECT = {
  id: true,
  fileId: true,
  topicId: true,
  termId: true,
  term: true,
  attribute: true,
  fact: true,
  lineStart: true,
  lineEnd: true,
  rule: true,
  confidence: true,
  polarity: true,
  flags: true,
  siblingGroup: true,
  conflictGroup: true,
  ord: true,
  termLine: true,
  aliases: true,
  emphasis: true,
  localTopic: true,
  file: { select: { name: true } },
  topic: { select: { path: true } },
} as const satisfies Prisma.FactSelect;

export type FactRow = Prisma.FactGetPayload<{ select: typeof FACT_SELECT }>;

/** Sibling groups are unique per file in the parser; the file id makes them unique per deck. */
export function deckGroup(fileId: string, group: string | undefined): string | null {
  return group ? `${fileId}:${group}` : null;
}

export function fileGroup(fileId: string, stored: string | null): string | undefined {
  if (!stored) return undefined;
  return stored.startsWith(`${fileId}:`) ? stored.slice(fileId.length + 1) : stored;
}

/** Fact ids depend only on deck name, file name and content, so re-importing an unchanged line
 * keeps its id and two databases holding the same notes give the same ids (and questions). */
export function factRowId(deckName: string, fileName: string, f: ParsedFact, taken: Set<string>): string {
  const base = stableId('fact', deckName, fileName, f.lineStart, f.term, f.attribute ?? '', f.fact);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = stableId(base, n);
  taken.add(id);
  return id;
}

/**
 * The parser's record of a stored fact. `topic` is the file's own path ('local', what the
 * deck-wide tree is recomputed from) or where the deck's tree files it ('deck', what games and
 * topic choices use). Rows from before the deck-wide tree have no local path: their stored
 * path is the file's own.
 */
export function parsedFromRow(row: FactRow, topic: 'local' | 'deck' = 'local'): ParsedFact {
  const deckPath = row.topic?.path ?? [];
  const f: ParsedFact = {
    lineStart: row.lineStart,
    lineEnd: row.lineEnd,
    topic: topic === 'deck' || !row.localTopic?.length ? deckPath : row.localTopic,
    term: row.term,
    fact: row.fact,
    rule: row.rule,
    confidence: row.confidence,
    flags: row.flags.filter((x) => x !== 'conflict') as FactFlag[],
  };
  if (row.attribute !== null) f.attribute = row.attribute;
  if (row.polarity === '+' || row.polarity === '-') f.polarity = row.polarity;
  const group = fileGroup(row.fileId, row.siblingGroup);
  if (group) f.group = group;
  if (row.termLine !== null) f.termLine = row.termLine;
  if (row.aliases.length) f.aliases = [...row.aliases];
  if (row.emphasis.length) f.emphasis = [...row.emphasis];
  return f;
}

/** Bank order: file name (code-point order, the same on every database), then file position. */
export function byFileThenOrd<T extends { fileName: string; ord: number }>(a: T, b: T): number {
  return a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : a.ord - b.ord;
}
