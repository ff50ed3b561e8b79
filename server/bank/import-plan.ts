// The computing half of a notes-bank write, with no database access: from the deck as it is (a
// snapshot) and the facts being added, work out every row to insert, update and delete. It runs
// in the import thread, so the deck-wide canonicalisation (typo merge, alias classes, conflict
// groups) and the row encoding never hold up the live rooms; the main thread then only runs the
// statements (import-apply.ts). The decisions are the ones the Prisma version of syncDeck made.
import type { ParsedFile } from '../notes/types.js';
import { stableId } from '../questions/seeded.js';
import { canonicalise } from './canonicalise.js';
import { byFileThenOrd, deckGroup, factRowId, parsedFromRow, type FactRow } from './fact-rows.js';
import { columnChunks, type Chunk } from './import-literals.js';
import type { Snapshot } from './import-snapshot.js';
import {
  FACT_COLUMNS, FACT_UPDATE_COLUMNS, ID_COLUMNS, TERM_COLUMNS, TERM_UPDATE_COLUMNS, TOPIC_COLUMNS,
  type FactInsert, type FactUpdate, type TermInsert,
} from './import-tables.js';
import type { NewFact, SyncStats } from './sync-deck.js';
import { cleanPath, pathKey, planTopics } from './topics.js';
import { deckTopicPaths } from '../notes/deck-topics.js';

/** Rows per statement: big enough to keep round trips few, small enough that no statement
 *  (run on the main thread with PGlite) or parameter grows with the import. */
export const ROWS_PER_STATEMENT = 500;

/** A fact as the deck holds it once the plan is written: what the import report reads of it. */
export interface PlannedFact {
  fileId: string;
  fileName: string;
  lineStart: number;
  lineEnd: number;
  term: string;
  fact: string;
  flags: string[];
  conflictGroup: string | null;
  /** The stored path of the topic it is filed under ([] for none). */
  topic: string[];
  termKey: string;
  display: string;
}

/** Everything to write, as statement parameters (import-tables.ts), in the order to run them. */
export interface WritePlan {
  topics: Chunk[];
  newTerms: Chunk[];
  changedTerms: Chunk[];
  facts: Chunk[];
  changedFacts: Chunk[];
  staleTerms: Chunk[];
  /** Topics with no fact left at or below them (what pruneTopics would delete). */
  orphanTopics: Chunk[];
  stats: SyncStats;
}

/** What is written first: the rows the facts point at. */
export type WriteHead = Pick<WritePlan, 'topics' | 'changedTerms' | 'newTerms'>;
/** The rest of the plan: the facts and what they leave behind. */
export type WriteRest = Omit<WritePlan, keyof WriteHead>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The parsed files' facts as rows to add: ids, file, position and the file's own topic path
 *  (the deck-wide tree is worked out in planSync, over every fact of the deck). */
export function newFacts(deckName: string, parsed: readonly ParsedFile[], fileIds: Readonly<Record<string, string>>): NewFact[] {
  const taken = new Set<string>();
  const added: NewFact[] = [];
  for (const p of parsed) {
    p.facts.forEach((f, ord) => {
      added.push({
        id: factRowId(deckName, p.name, f, taken),
        fileId: fileIds[p.name],
        fileName: p.name,
        ord,
        topicId: null,
        parsed: { ...f, topic: cleanPath(f.topic) },
      });
    });
  }
  return added;
}

/**
 * Recomputes the deck's canonical layer over its stored facts plus `added` (whose files' old
 * facts must already be gone from `stored`) and plans the writes: terms created, changed and
 * no longer used, new facts, and stored facts whose term, conflict group or flags changed.
 */
export function planSync(deck: { id: string; name: string }, snapshot: Pick<Snapshot, 'facts' | 'terms' | 'topics'>, added: readonly NewFact[], size = ROWS_PER_STATEMENT): WritePlan {
  const { head, rest } = planWrites(deck, snapshot, added, size);
  return { ...head, ...rest().plan };
}

/**
 * planSync in two halves: `head` (topics and terms) once the canonical layer and the topic tree
 * are known, and `rest()` (the facts' rows, plus every fact of the deck as it will be stored, in
 * file order, for the report), so the import can write the head while the rest is encoded.
 */
export function planWrites(
  deck: { id: string; name: string }, snapshot: Pick<Snapshot, 'facts' | 'terms' | 'topics'>, added: readonly NewFact[], size = ROWS_PER_STATEMENT,
): { head: WriteHead; rest: () => { plan: WriteRest; facts: PlannedFact[] } } {
  const { facts: stored, terms } = snapshot;
  type Row = { fileName: string; ord: number; parsed: NewFact['parsed']; stored?: FactRow; added?: NewFact };
  const rows: Row[] = [
    ...stored.map((s) => ({ fileName: s.file.name, ord: s.ord, parsed: parsedFromRow(s), stored: s })),
    ...added.map((a) => ({ fileName: a.fileName, ord: a.ord, parsed: a.parsed, added: a })),
  ].sort(byFileThenOrd);
  const canon = canonicalise(deck.name, rows);

  // The deck-wide topic tree over every fact (server/notes/deck-topics.ts): a new file can
  // move an old file's facts (its sections become the areas the flat notes are filed under).
  const deckPaths = deckTopicPaths(rows.map((r, i) => ({ file: r.fileName, topic: r.parsed.topic, termKey: canon.facts[i].termKey, term: r.parsed.term, fact: r.parsed.fact, line: r.parsed.lineStart })));
  const topics = planTopics(deck.id, snapshot.topics, deckPaths);
  // Facts of one section share a path: its key is worked out once.
  const topicByPath = new Map<string, { id: string; path: string[] } | null>();
  const topicOf = (path: readonly string[]) => {
    const sig = path.join('\u0000');
    let topic = topicByPath.get(sig);
    if (topic === undefined) {
      const clean = cleanPath(path);
      topicByPath.set(sig, (topic = clean.length ? topics.known.get(pathKey(clean))! : null));
    }
    return topic;
  };

  const ids = new Map<string, string>();
  const stale: string[] = [];
  const changedTerms: TermInsert[] = [];
  for (const t of terms) {
    const want = canon.terms.get(t.key);
    if (!want) {
      stale.push(t.id);
      continue;
    }
    ids.set(t.key, t.id);
    if (t.display !== want.display || !sameList(t.aliases, want.aliases) || !sameList(t.aliasKeys, want.aliasKeys)) changedTerms.push({ ...want, id: t.id });
  }
  const newTerms: TermInsert[] = [];
  for (const t of canon.terms.values()) {
    if (ids.has(t.key)) continue;
    const id = stableId('term', deck.id, t.key);
    ids.set(t.key, id);
    newTerms.push({ ...t, id });
  }

  const head: WriteHead = {
    topics: columnChunks(topics.fresh, TOPIC_COLUMNS, size),
    newTerms: columnChunks(newTerms, TERM_COLUMNS, size),
    changedTerms: columnChunks(changedTerms, TERM_UPDATE_COLUMNS, size),
  };
  const rest = () => {
    const inserts: FactInsert[] = [];
    const updates: FactUpdate[] = [];
    const used: (string | null)[] = [];
    const planned: PlannedFact[] = [];
    rows.forEach((row, i) => {
      const c = canon.facts[i];
      const termId = ids.get(c.termKey)!;
      const topic = topicOf(deckPaths[i]);
      const topicId = topic?.id ?? null;
      used.push(topicId);
      const p = row.parsed;
      planned.push({
        fileId: row.added?.fileId ?? row.stored!.fileId, fileName: row.fileName, lineStart: p.lineStart, lineEnd: p.lineEnd, term: p.term, fact: p.fact,
        flags: c.flags, conflictGroup: c.conflictGroup, topic: topic?.path ?? [], termKey: c.termKey, display: canon.terms.get(c.termKey)!.display,
      });
      if (row.added) {
        const { parsed: f, ...a } = row.added;
        inserts.push({
          id: a.id, fileId: a.fileId, topicId, termId, term: f.term, attribute: f.attribute ?? null, fact: f.fact,
          lineStart: f.lineStart, lineEnd: f.lineEnd, rule: f.rule, confidence: f.confidence, polarity: f.polarity ?? null,
          flags: c.flags, siblingGroup: deckGroup(a.fileId, f.group), conflictGroup: c.conflictGroup, ord: a.ord,
          termLine: f.termLine ?? null, aliases: f.aliases ?? [], emphasis: f.emphasis ?? [], localTopic: [...f.topic],
        });
        return;
      }
      const s = row.stored!;
      if (s.termId === termId && s.conflictGroup === c.conflictGroup && sameList(s.flags, c.flags) && s.topicId === topicId) return;
      updates.push({ id: s.id, termId, conflictGroup: c.conflictGroup, flags: c.flags, topicId });
    });
    const allTopics = [...snapshot.topics, ...topics.fresh];

    const plan: WriteRest = {
      facts: columnChunks(inserts, FACT_COLUMNS, size),
      changedFacts: columnChunks(updates, FACT_UPDATE_COLUMNS, size),
      staleTerms: columnChunks(stale, ID_COLUMNS, size),
      orphanTopics: columnChunks(orphanTopics(allTopics, used), ID_COLUMNS, size),
      stats: { facts: rows.length, terms: canon.terms.size, factsUpdated: updates.length, termsCreated: newTerms.length, termsRemoved: stale.length },
    };
    return { plan, facts: planned };
  };
  return { head, rest };
}

/** Topics that hold no fact, directly or below them, once the plan is written. */
export function orphanTopics(topics: readonly { id: string; parentId: string | null }[], usedTopicIds: Iterable<string | null>): string[] {
  const parent = new Map(topics.map((t) => [t.id, t.parentId]));
  const keep = new Set<string>();
  for (const used of usedTopicIds) {
    for (let id: string | null | undefined = used; id && !keep.has(id); id = parent.get(id)) keep.add(id);
  }
  return topics.filter((t) => !keep.has(t.id)).map((t) => t.id);
}

/** The whole import plan: topics, the canonical layer, facts, and the topics left empty. */
export function planImport(deck: { id: string; name: string }, snapshot: Snapshot, parsed: readonly ParsedFile[], fileIds: Readonly<Record<string, string>>, size = ROWS_PER_STATEMENT): ReturnType<typeof planWrites> {
  return planWrites(deck, snapshot, newFacts(deck.name, parsed, fileIds), size);
}
