// The import report (docs/rest-api.md). Built from the database after the import, not from the
// parse, so an "unchanged" file reports the same numbers as when it was imported and flags that
// depend on other files (conflicts, merged spellings) are current.
import type { PrismaClient } from '../db/generated/client.js';
import type { Layout, SkippedLine } from '../notes/types.js';
import { termKey } from '../questions/canonical.js';
import { deckSummary, type DeckSummary } from './decks.js';
import { fileWarnings } from './report-warnings.js';

export type FileStatus = 'imported' | 'replaced' | 'unchanged';

/** Flags worth a look by the host; the others (termInFact, openList, question) only steer the generator. */
export const REVIEW_FLAGS = ['conflict', 'typoSuspect', 'truncated', 'merged', 'math', 'lowConfidence'] as const;

export interface FlaggedFact {
  line: number;
  lineEnd: number;
  term: string;
  fact: string;
  flags: string[];
  /** For 'typoSuspect': the name the term is filed under ("AWS QuickSight" for "QuickSite"). */
  canonical?: string;
  /** For 'conflict': the facts in other files that disagree. */
  conflictsWith?: { file: string; line: number; term: string; fact: string }[];
}

export interface FileReport {
  fileId: string;
  name: string;
  layout: Layout;
  status: FileStatus;
  facts: number;
  factsByTopic: { topic: string[]; count: number }[];
  skipped: SkippedLine[];
  skippedByReason: Record<string, number>;
  flagged: FlaggedFact[];
  /** Human-readable notes, e.g. that a file gave no facts. */
  warnings: string[];
}

export interface ImportReport {
  files: FileReport[];
  totals: { files: number; facts: number; skipped: number; flagged: number };
  deck: DeckSummary;
}

/** What SourceFile.report keeps from the parse (the facts themselves are rows). */
export interface StoredParseReport {
  skipped: SkippedLine[];
  bareTerms?: { term: string; line: number; topic: string[] }[];
}

/**
 * The typo merge (C3) is the only step that files a fact under another key than its own spelling
 * gives ("QuickSite" under quicksight). The report says so; the stored flags stay the parser's, so
 * the generator sees the same bank as when it parses the files itself.
 */
function misspelt(f: { term: string; termRef: { key: string } | null }): boolean {
  return !!f.termRef && termKey(f.term) !== f.termRef.key;
}

export async function buildReport(prisma: PrismaClient, deckId: string, entries: readonly { name: string; status: FileStatus }[]): Promise<ImportReport> {
  const names = entries.map((e) => e.name);
  const files = await prisma.sourceFile.findMany({ where: { deckId, name: { in: names } }, select: { id: true, name: true, layout: true, report: true } });
  const facts = await prisma.fact.findMany({
    where: { fileId: { in: files.map((f) => f.id) } },
    select: {
      fileId: true, lineStart: true, lineEnd: true, term: true, fact: true, flags: true, conflictGroup: true,
      topic: { select: { path: true } }, termRef: { select: { key: true, display: true } },
    },
    orderBy: [{ fileId: 'asc' }, { ord: 'asc' }],
  });
  const groups = [...new Set(facts.map((f) => f.conflictGroup).filter((g): g is string => !!g))];
  const members = groups.length
    ? await prisma.fact.findMany({
        where: { deckId, conflictGroup: { in: groups } },
        select: { fileId: true, lineStart: true, term: true, fact: true, conflictGroup: true, file: { select: { name: true } } },
        orderBy: [{ lineStart: 'asc' }],
      })
    : [];

  const reports: FileReport[] = [];
  for (const entry of entries) {
    const file = files.find((f) => f.name === entry.name);
    if (!file) continue; // deleted by a concurrent request after this import
    const own = facts.filter((f) => f.fileId === file.id);
    const stored = (file.report ?? { skipped: [] }) as unknown as StoredParseReport;
    const skipped = stored.skipped ?? [];
    const byTopic = new Map<string, { topic: string[]; count: number }>();
    for (const f of own) {
      const topic = f.topic?.path ?? [];
      const key = JSON.stringify(topic);
      const t = byTopic.get(key) ?? { topic, count: 0 };
      t.count++;
      byTopic.set(key, t);
    }
    const skippedByReason: Record<string, number> = {};
    for (const s of skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
    const flagged: FlaggedFact[] = own
      .map((f) => ({ ...f, flags: misspelt(f) && !f.flags.includes('typoSuspect') ? [...f.flags, 'typoSuspect'] : f.flags }))
      .filter((f) => f.flags.some((x) => (REVIEW_FLAGS as readonly string[]).includes(x)))
      .map((f) => {
        const out: FlaggedFact = { line: f.lineStart, lineEnd: f.lineEnd, term: f.term, fact: f.fact, flags: f.flags };
        if (misspelt(f)) out.canonical = f.termRef!.display;
        if (f.conflictGroup) {
          out.conflictsWith = members
            .filter((m) => m.conflictGroup === f.conflictGroup && m.fileId !== file.id)
            .map((m) => ({ file: m.file.name, line: m.lineStart, term: m.term, fact: m.fact }));
        }
        return out;
      });
    const warnings = fileWarnings(own.length, skipped);
    reports.push({
      fileId: file.id,
      name: file.name,
      layout: file.layout as Layout,
      status: entry.status,
      facts: own.length,
      factsByTopic: [...byTopic.values()],
      skipped,
      skippedByReason,
      flagged,
      warnings,
    });
  }
  const totals = {
    files: reports.length,
    facts: reports.reduce((n, r) => n + r.facts, 0),
    skipped: reports.reduce((n, r) => n + r.skipped.length, 0),
    flagged: reports.reduce((n, r) => n + r.flagged.length, 0),
  };
  return { files: reports, totals, deck: await deckSummary(prisma, deckId) };
}
