// The computing steps of an import, in the order import.ts calls them: decode the uploads,
// parse the changed files, plan the writes, build the report. Between calls the decoded texts
// and the parsed files stay here, in a session, so they never cross to the main thread as
// thousands of objects (copying a big file's parsed facts between threads costs 20–50 ms of
// the receiving thread's time). The same object serves the import thread (import-worker.ts)
// and, when there is no thread, the main thread itself.
import { HttpError } from '../http/errors.js';
import type { Layout, ParsedFile } from '../notes/types.js';
import { textPieces } from './import-literals.js';
import { planImport, ROWS_PER_STATEMENT, type PlannedFact, type WriteHead, type WriteRest } from './import-plan.js';
import { reportFiles, reportFromPlan, type PlannedFile, type ReportFiles, type ReportText } from './import-report.js';
import { decodeSnapshot, type SnapshotText } from './import-snapshot.js';
import { definesLexiconTerm, parseForDeck } from './parse-files.js';
import type { FileStatus, StoredParseReport } from './report.js';
import { decodeUploads, type DecodedFile, type UploadInput } from './sniff.js';

export interface DecodeResult {
  files: { name: string; hash: string; bytes: number }[];
}

export interface ParseResult {
  /** Per changed file, in the order asked: what SourceFile stores about it (the raw text in
   *  pieces, the parse report as JSON text, see report.ts StoredParseReport). */
  files: { name: string; text: string[]; layout: Layout; report: string }[];
  ms: number;
}

export interface PlanInput {
  deck: { id: string; name: string };
  fileIds: Record<string, string>;
  snapshot: SnapshotText;
  rowsPerStatement?: number;
}

export interface PlanResult {
  /** Topics and terms; the facts' rows follow from planFacts. */
  plan: WriteHead;
  ms: number;
}

export interface PlanFactsResult {
  plan: WriteRest;
  ms: number;
}

interface Session {
  decoded: DecodedFile[];
  parsed?: ParsedFile[];
  /** After plan: the second half of the plan, for planFacts. */
  rest?: () => { plan: WriteRest; facts: PlannedFact[] };
  files?: PlannedFile[];
  /** After planFacts: the deck's facts as written, for reportPlanned. */
  planned?: PlannedFact[];
}

/** An HttpError as it crosses a thread boundary (a plain Error would lose status and code). */
export interface StepError {
  message: string;
  http?: { status: number; code: HttpError['code'] };
}

export function toStepError(error: unknown): StepError {
  const e = error as Error;
  return error instanceof HttpError ? { message: e.message, http: { status: error.status, code: error.code } } : { message: e?.message ?? String(error) };
}

export function fromStepError(e: StepError): Error {
  return e.http ? new HttpError(e.http.status, e.http.code, e.message) : new Error(e.message);
}

/** What SourceFile.report keeps of a parse (see report.ts). */
function storedReport(p: ParsedFile): StoredParseReport {
  return { skipped: p.skipped, ...(p.bareTerms ? { bareTerms: p.bareTerms } : {}) };
}

// A session is released by import.ts when the import ends, however it ends; this only bounds
// what a caller that never came back could leave behind.
const MAX_SESSIONS = 8;

export class ImportSteps {
  private sessions = new Map<number, Session>();

  private session(id: number): Session {
    const s = this.sessions.get(id);
    if (!s) throw new Error(`import session ${id} is gone`);
    return s;
  }

  /** Sniffs and normalises the uploads (throws the HttpError a bad upload deserves). */
  decode(id: number, inputs: UploadInput[]): DecodeResult {
    // Bytes sent to a thread arrive as plain Uint8Arrays; the sniffer reads them as Buffers.
    const asBuffer = (d: Uint8Array) => (Buffer.isBuffer(d) ? d : Buffer.from(d.buffer, d.byteOffset, d.byteLength));
    const decoded = decodeUploads(inputs.map((u) => (typeof u.data === 'string' ? u : { ...u, data: asBuffer(u.data) })));
    this.sessions.set(id, { decoded });
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return { files: decoded.map((f) => ({ name: f.name, hash: f.hash, bytes: f.bytes })) };
  }

  /** Parses the named files; `lexicon` is the JSON [term, rule] rows of the deck's other files. */
  parse(id: number, names: string[], lexicon: string): ParseResult {
    const s = this.session(id);
    const started = performance.now();
    const files = names.map((n) => s.decoded.find((f) => f.name === n)!);
    const deckTerms = (JSON.parse(lexicon) as [string, string][]).filter(([, rule]) => definesLexiconTerm(rule)).map(([term]) => term);
    s.parsed = parseForDeck(files, deckTerms);
    return {
      files: s.parsed.map((p, i) => ({
        name: p.name,
        text: textPieces(files[i].text),
        layout: p.layout,
        report: JSON.stringify(storedReport(p)),
      })),
      ms: performance.now() - started,
    };
  }

  plan(id: number, input: PlanInput): PlanResult {
    const s = this.session(id);
    const started = performance.now();
    const parsed = s.parsed ?? [];
    const { head, rest } = planImport(input.deck, decodeSnapshot(input.snapshot), parsed, input.fileIds, input.rowsPerStatement ?? ROWS_PER_STATEMENT);
    s.rest = rest;
    s.files = parsed.map((p) => ({ id: input.fileIds[p.name], name: p.name, layout: p.layout, report: storedReport(p) }));
    return { plan: head, ms: performance.now() - started };
  }

  /** The facts' half of the plan (runs while the main thread writes the first half). */
  planFacts(id: number): PlanFactsResult {
    const s = this.session(id);
    if (!s.rest) throw new Error(`import session ${id} has no plan`);
    const started = performance.now();
    const { plan, facts } = s.rest();
    s.rest = undefined;
    s.planned = facts;
    return { plan, ms: performance.now() - started };
  }

  report(text: ReportText): ReportFiles {
    return reportFiles(text);
  }

  /** The report of an import whose files were all parsed and planned in this session. */
  reportPlanned(id: number, entries: { name: string; status: FileStatus }[]): ReportFiles {
    const s = this.session(id);
    if (!s.planned || !s.files) throw new Error(`import session ${id} has no plan`);
    return reportFromPlan(entries, s.files, s.planned);
  }

  release(id: number): void {
    this.sessions.delete(id);
  }
}
