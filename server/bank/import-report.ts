// The import report (report.ts's ImportReport) without building thousands of row objects on the
// main thread: the rows it needs are read after the import as JSON texts (PostgreSQL's json_agg),
// and the import thread turns them into the report's files section, already serialised. Same
// rules as buildReport in report.ts: read from the database after the write, so an unchanged
// file reports what it did when it was imported, and flags from other files are current.
// When every file of the import was written by it, the same report is built from the plan
// instead (reportFromPlan), while the rows are written.
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import type { SkippedLine } from '../notes/types.js';
import { termKey } from '../questions/canonical.js';
import type { PlannedFact } from './import-plan.js';
import { REVIEW_FLAGS, type FileReport, type FileStatus, type FlaggedFact, type ImportReport, type StoredParseReport } from './report.js';
import { fileWarnings } from './report-warnings.js';

type Db = Prisma.TransactionClient | PrismaClient;

export interface ReportText {
  entries: { name: string; status: FileStatus }[];
  files: string;
  /** Per file id: pages of its facts in file order. */
  facts: Record<string, string[]>;
  members: string;
}

const FACT_PAGE = 4_000;

export async function readReportRows(db: Db, deckId: string, entries: { name: string; status: FileStatus }[]): Promise<ReportText> {
  const [files] = await db.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(json_build_array("id", "name", "layout", "report")), '[]')::text AS rows
       FROM "SourceFile" WHERE "deckId" = $1 AND "name" = ANY($2::text[])`,
    deckId,
    entries.map((e) => e.name),
  );
  const ids = (JSON.parse(files.rows) as [string][]).map(([id]) => id);
  const facts: Record<string, string[]> = {};
  for (const id of ids) {
    facts[id] = [];
    for (let after = -1; ; ) {
      const [page] = await db.$queryRawUnsafe<{ rows: string; last: number | null; n: number }[]>(
        `SELECT coalesce(json_agg(json_build_array(f."lineStart", f."lineEnd", f."term", f."fact", coalesce(f."flags", '{}'), f."conflictGroup",
                  coalesce(tp."path", '{}'), tm."key", tm."display") ORDER BY f."ord"), '[]')::text AS rows, max(f."ord") AS last, count(*)::int AS n
           FROM (SELECT * FROM "Fact" WHERE "fileId" = $1 AND "ord" > $2 ORDER BY "ord" LIMIT ${FACT_PAGE}) f
           LEFT JOIN "Topic" tp ON tp."id" = f."topicId" LEFT JOIN "Term" tm ON tm."id" = f."termId"`,
        id,
        after,
      );
      if (!page.n) break;
      facts[id].push(page.rows);
      if (page.n < FACT_PAGE || page.last === null) break;
      after = page.last;
    }
  }
  const [members] = await db.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(json_build_array(m."fileId", m."lineStart", m."term", m."fact", m."conflictGroup", s."name") ORDER BY m."lineStart"), '[]')::text AS rows
       FROM "Fact" m JOIN "SourceFile" s ON s."id" = m."fileId"
      WHERE m."deckId" = $1 AND m."conflictGroup" IN (SELECT DISTINCT "conflictGroup" FROM "Fact" WHERE "fileId" = ANY($2::text[]) AND "conflictGroup" IS NOT NULL)`,
    deckId,
    ids,
  );
  return { entries, files: files.rows, facts, members: members.rows };
}

type FactTuple = [number, number, string, string, string[], string | null, string[], string | null, string | null];
type MemberTuple = [string, number, string, string, string, string];

export interface ReportFiles {
  /** JSON of ImportReport['files']. */
  files: string;
  totals: ImportReport['totals'];
  /** One "name:status:facts" per file, for the log line. */
  summary: string[];
}

/** The report's files and totals, from the rows readReportRows read (runs in the import thread). */
export function reportFiles(text: ReportText): ReportFiles {
  const files = JSON.parse(text.files) as FileTuple[];
  const facts = new Map(Object.entries(text.facts).map(([id, pages]) => [id, pages.flatMap((page) => JSON.parse(page) as FactTuple[])]));
  return buildReport(text.entries, files, facts, JSON.parse(text.members) as MemberTuple[]);
}

/**
 * The same report from the import's own plan, without reading the rows back: every file of
 * `entries` was written by this import (none unchanged), so its facts, their terms, topics,
 * flags and conflict groups are exactly the plan's. Runs in the import thread while the main
 * thread writes the rows.
 */
export function reportFromPlan(entries: { name: string; status: FileStatus }[], files: readonly PlannedFile[], planned: readonly PlannedFact[]): ReportFiles {
  const ids = new Set(files.map((f) => f.id));
  const facts = new Map<string, FactTuple[]>(files.map((f) => [f.id, []]));
  const groups = new Set<string>();
  for (const f of planned) {
    if (!ids.has(f.fileId)) continue;
    // Planned facts are in file order, as the report reads them (by position in the file).
    facts.get(f.fileId)!.push([f.lineStart, f.lineEnd, f.term, f.fact, f.flags, f.conflictGroup, f.topic, f.termKey, f.display]);
    if (f.conflictGroup !== null) groups.add(f.conflictGroup);
  }
  const members: MemberTuple[] = [];
  if (groups.size) {
    const inGroups = planned.filter((f) => f.conflictGroup !== null && groups.has(f.conflictGroup));
    // By line, ties in the deck's file order (Array.prototype.sort is stable).
    inGroups.sort((a, b) => a.lineStart - b.lineStart);
    for (const f of inGroups) members.push([f.fileId, f.lineStart, f.term, f.fact, f.conflictGroup!, f.fileName]);
  }
  return buildReport(entries, files.map((f) => [f.id, f.name, f.layout, f.report]), facts, members);
}

/** A file this import wrote, as the report needs it (what its SourceFile row holds). */
export interface PlannedFile {
  id: string;
  name: string;
  layout: string;
  report: StoredParseReport;
}

type FileTuple = [string, string, string, StoredParseReport | null];

function buildReport(entries: ReportText['entries'], files: readonly FileTuple[], factsById: ReadonlyMap<string, FactTuple[]>, memberRows: readonly MemberTuple[]): ReportFiles {
  const members = new Map<string, { fileId: string; entry: { file: string; line: number; term: string; fact: string } }[]>();
  for (const [fileId, line, term, fact, group, file] of memberRows) {
    const list = members.get(group) ?? [];
    list.push({ fileId, entry: { file, line, term, fact } });
    members.set(group, list);
  }
  const reports: FileReport[] = [];
  for (const entry of entries) {
    const file = files.find((f) => f[1] === entry.name);
    if (!file) continue; // deleted by a concurrent request after this import
    const [id, name, layout, stored] = file;
    const own = factsById.get(id) ?? [];
    const skipped: SkippedLine[] = (stored ?? { skipped: [] }).skipped ?? [];
    const byTopic = new Map<string, { topic: string[]; count: number }>();
    const flagged: FlaggedFact[] = [];
    for (const [line, lineEnd, term, fact, rawFlags, group, topic, key, display] of own) {
      const topicKey = JSON.stringify(topic);
      const t = byTopic.get(topicKey) ?? { topic, count: 0 };
      t.count++;
      byTopic.set(topicKey, t);
      // The typo merge filed the fact under another key than its spelling gives.
      const misspelt = key !== null && termKey(term) !== key;
      const flags = misspelt && !rawFlags.includes('typoSuspect') ? [...rawFlags, 'typoSuspect'] : rawFlags;
      if (!flags.some((x) => (REVIEW_FLAGS as readonly string[]).includes(x))) continue;
      const out: FlaggedFact = { line, lineEnd, term, fact, flags };
      if (misspelt) out.canonical = display!;
      if (group) out.conflictsWith = (members.get(group) ?? []).filter((m) => m.fileId !== id).map((m) => m.entry);
      flagged.push(out);
    }
    const skippedByReason: Record<string, number> = {};
    for (const s of skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
    const warnings = fileWarnings(own.length, skipped);
    reports.push({
      fileId: id, name, layout: layout as FileReport['layout'], status: entry.status, facts: own.length,
      factsByTopic: [...byTopic.values()], skipped, skippedByReason, flagged, warnings,
    });
  }
  const totals = {
    files: reports.length,
    facts: reports.reduce((n, r) => n + r.facts, 0),
    skipped: reports.reduce((n, r) => n + r.skipped.length, 0),
    flagged: reports.reduce((n, r) => n + r.flagged.length, 0),
  };
  return { files: JSON.stringify(reports), totals, summary: reports.map((r) => `${r.name}:${r.status}:${r.facts}`) };
}
