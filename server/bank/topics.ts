// The deck's topic tree. Files share topics by path: "Data Engineering > S3" from two files is
// one Topic row, so a host picks it once and gets the facts of both. Rows are keyed by a
// normalised path (case and spacing do not split a topic) and keep the first display spelling.
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { stableId } from '../questions/seeded.js';
import type { TopicNode } from '../../shared/bank-types.js';

type Tx = Prisma.TransactionClient;

export const PATH_SEPARATOR = ' / ';

export function cleanPath(path: readonly string[]): string[] {
  return path.map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function pathKey(path: readonly string[]): string {
  return cleanPath(path)
    .map((s) => s.normalize('NFKC').toLowerCase())
    .join(PATH_SEPARATOR);
}

export interface TopicRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  pathKey: string;
  depth: number;
}

const TOPIC_SELECT = { id: true, parentId: true, name: true, path: true, pathKey: true, depth: true } as const;

export async function deckTopics(db: Tx | PrismaClient, deckId: string): Promise<TopicRow[]> {
  return db.topic.findMany({ where: { deckId }, select: TOPIC_SELECT });
}

/**
 * Topic rows for every path and each of its prefixes that `existing` lacks: ids derived from
 * deck and normalised path, so parents can be linked before anything is written; a new child
 * under an existing parent keeps the parent's stored spelling in its path. Parents come before
 * their children in `fresh`.
 */
export function planTopics(
  deckId: string,
  existing: readonly { id: string; path: string[]; pathKey: string }[],
  paths: Iterable<readonly string[]>,
): { known: Map<string, { id: string; path: string[] }>; fresh: TopicRow[] } {
  const known = new Map(existing.map((t) => [t.pathKey, { id: t.id, path: t.path }]));
  const fresh: TopicRow[] = [];
  const seen = new Set<string>();
  for (const raw of paths) {
    // The same raw path twice adds nothing the first did not.
    const sig = raw.join('\u0000');
    if (seen.has(sig)) continue;
    seen.add(sig);
    const path = cleanPath(raw);
    for (let depth = 1; depth <= path.length; depth++) {
      const key = pathKey(path.slice(0, depth));
      if (known.has(key)) continue;
      const parent = depth > 1 ? known.get(pathKey(path.slice(0, depth - 1)))! : null;
      const full = [...(parent?.path ?? []), path[depth - 1]];
      const id = stableId('topic', deckId, key);
      known.set(key, { id, path: full });
      fresh.push({ id, parentId: parent?.id ?? null, name: path[depth - 1], path: full, pathKey: key, depth: depth - 1 });
    }
  }
  return { known, fresh };
}

/**
 * Makes sure every path and each of its prefixes has a row; returns pathKey -> topic (id and the
 * stored spelling of its path). Ids are derived from deck and path so parents can be linked
 * before anything is written.
 */
export async function ensureTopics(tx: Tx, deckId: string, paths: readonly string[][]): Promise<Map<string, { id: string; path: string[] }>> {
  const { known, fresh } = planTopics(deckId, await deckTopics(tx, deckId), paths);
  // Parents come before children in `fresh`, and createMany inserts in order.
  if (fresh.length) await tx.topic.createMany({ data: fresh.map((t) => ({ ...t, deckId })) });
  return known;
}

/** Removes topics that no longer hold a fact, directly or below them. */
export async function pruneTopics(tx: Tx, deckId: string): Promise<number> {
  const topics = await deckTopics(tx, deckId);
  const used = await tx.fact.groupBy({ by: ['topicId'], where: { deckId, topicId: { not: null } } });
  const parent = new Map(topics.map((t) => [t.id, t.parentId]));
  const keep = new Set<string>();
  for (const { topicId } of used) {
    for (let id: string | null | undefined = topicId; id && !keep.has(id); id = parent.get(id)) keep.add(id);
  }
  const orphans = topics.filter((t) => !keep.has(t.id)).map((t) => t.id);
  if (orphans.length) await tx.topic.deleteMany({ where: { id: { in: orphans } } });
  return orphans.length;
}

/** The topic and everything below it. */
export function subtreeIds(topics: readonly TopicRow[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const t of topics) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export type { TopicNode };

/** The tree in reading order: a topic sits where its first fact appears (file name, then line). */
export async function topicTree(db: PrismaClient, deckId: string): Promise<TopicNode[]> {
  const [topics, counts, files] = await Promise.all([
    deckTopics(db, deckId),
    db.fact.groupBy({ by: ['topicId', 'fileId'], where: { deckId }, _count: { _all: true }, _min: { ord: true } }),
    db.sourceFile.findMany({ where: { deckId }, select: { id: true, name: true } }),
  ]);
  const fileName = new Map(files.map((f) => [f.id, f.name]));
  const own = new Map<string, number>();
  const first = new Map<string, string>();
  for (const c of counts) {
    if (!c.topicId) continue;
    own.set(c.topicId, (own.get(c.topicId) ?? 0) + c._count._all);
    const at = `${fileName.get(c.fileId) ?? ''}\u0000${String(c._min.ord ?? 0).padStart(8, '0')}`;
    if (!first.has(c.topicId) || at < first.get(c.topicId)!) first.set(c.topicId, at);
  }
  const nodes = new Map<string, TopicNode & { at: string }>();
  for (const t of topics) nodes.set(t.id, { id: t.id, name: t.name, path: t.path, facts: own.get(t.id) ?? 0, totalFacts: 0, children: [], at: first.get(t.id) ?? '\uffff' });
  const roots: (TopicNode & { at: string })[] = [];
  for (const t of topics) {
    const node = nodes.get(t.id)!;
    const parent = t.parentId ? nodes.get(t.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // Totals and reading position bubble up from the leaves.
  const finish = (n: TopicNode & { at: string }): TopicNode => {
    const kids = (n.children as (TopicNode & { at: string })[]).map((c) => ({ c, done: finish(c) }));
    for (const { c } of kids) if (c.at < n.at) n.at = c.at;
    kids.sort((a, b) => (a.c.at < b.c.at ? -1 : a.c.at > b.c.at ? 1 : a.c.name.localeCompare(b.c.name)));
    const children = kids.map((k) => k.done);
    return { id: n.id, name: n.name, path: n.path, facts: n.facts, totalFacts: n.facts + children.reduce((s, c) => s + c.totalFacts, 0), children };
  };
  const done = roots.map((r) => ({ r, node: finish(r) }));
  done.sort((a, b) => (a.r.at < b.r.at ? -1 : a.r.at > b.r.at ? 1 : 0));
  return done.map((d) => d.node);
}
