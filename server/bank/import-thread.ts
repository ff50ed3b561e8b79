// Imports compute off the main event loop. Parsing a big notes file takes seconds and the
// deck-wide canonicalisation more; on the main thread every live room's timers, answers and
// broadcasts waited for it (a 1 MB import blocked the loop for 13 s). So the steps run in a
// worker thread (import-worker.ts), the way the question generator's do, and the main thread
// only talks to the database. If the thread cannot start or dies, the import is run again on
// the main thread (logged): an import never fails because of the thread.
import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../logger.js';
import type { ReportFiles, ReportText } from './import-report.js';
import type { FileStatus } from './report.js';
import { fromStepError, ImportSteps, toStepError, type DecodeResult, type ParseResult, type PlanFactsResult, type PlanInput, type PlanResult, type StepError } from './import-steps.js';
import type { UploadInput } from './sniff.js';

/** The import's computing steps, wherever they run (see import-steps.ts). */
export interface ImportWorker {
  /** A new session id: one per import, released when it ends. */
  begin(): number;
  decode(session: number, inputs: UploadInput[]): Promise<DecodeResult>;
  parse(session: number, names: string[], lexicon: string): Promise<ParseResult>;
  plan(session: number, input: PlanInput): Promise<PlanResult>;
  planFacts(session: number): Promise<PlanFactsResult>;
  report(text: ReportText): Promise<ReportFiles>;
  /** The report built from the session's plan (every file written by this import). */
  reportPlanned(session: number, entries: { name: string; status: FileStatus }[]): Promise<ReportFiles>;
  release(session: number): void;
  /** An import is likely soon (a deck was created, an upload is arriving): get ready for it. */
  prepare(): void;
  close(): Promise<void>;
}

/** The thread could not start, crashed or exited: import.ts runs the import again inline. */
export class ImportThreadFailed extends Error {}

/** Requests and replies between the main thread and the import thread. */
export type StepName = 'decode' | 'parse' | 'plan' | 'planFacts' | 'report' | 'reportPlanned' | 'release';
export interface StepRequest {
  id: number;
  step: StepName;
  args: unknown[];
}
export type StepReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: StepError };

/** Runs `steps` as a worker would, by its reply protocol (the worker entry uses this). */
export function answer(steps: ImportSteps, request: StepRequest): StepReply {
  try {
    const fn = steps[request.step] as (...args: unknown[]) => unknown;
    return { id: request.id, ok: true, value: fn.apply(steps, request.args) ?? null };
  } catch (error) {
    return { id: request.id, ok: false, error: toStepError(error) };
  }
}

let sessions = 0;

/** On the calling thread: the command line, tests, and the fallback. */
export function inlineImportWorker(): ImportWorker {
  const steps = new ImportSteps();
  return {
    begin: () => ++sessions,
    decode: async (session, inputs) => steps.decode(session, inputs),
    parse: async (session, names, lexicon) => steps.parse(session, names, lexicon),
    plan: async (session, input) => steps.plan(session, input),
    planFacts: async (session) => steps.planFacts(session),
    report: async (text) => steps.report(text),
    reportPlanned: async (session, entries) => steps.reportPlanned(session, entries),
    release: (session) => steps.release(session),
    prepare() {},
    async close() {},
  };
}

export interface ImportThreadOptions {
  /** Old-generation heap limit of the thread. V8 grows a heap lazily up to its limit, so the
   *  limit sets how much RSS a big parse takes: 384 MB holds a 2 MB file's parse (the largest
   *  file an import accepts) with room to spare, and keeps a 1.5 MB import near +400 MB RSS. */
  maxHeapMb?: number;
  /** An idle thread exits after this long, giving its memory back; the next import starts one. */
  idleMs?: number;
  /** The worker entry (tests point it at one that cannot start). */
  entry?: URL;
}

// The young generation: the parse allocates fast and much of it lives a while (the markdown
// tree), so V8's default (16 MB semi-spaces) scavenged every 10 ms, a fifth of the parse time.
const YOUNG_GENERATION_MB = 64;

const DEFAULT_ENTRY = new URL('./import-worker.ts', import.meta.url);

/** Starts the thread on first use, and a new one on the next import if it died or idled out. */
export function threadImportWorker(logger: Logger, options: ImportThreadOptions = {}): ImportWorker {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(reply: StepReply): void; reject(error: Error): void }>();
  const open = new Set<number>();
  let idle: NodeJS.Timeout | null = null;

  const fail = (w: Worker, error: Error & { code?: string }) => {
    if (worker !== w) return;
    worker = null;
    // Out of memory is the notes' size, not the thread: the main thread would fare worse.
    const tooBig = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (pending.size && !tooBig) logger.warn({ err: error }, 'import thread unavailable; importing on the main thread');
    for (const p of pending.values()) {
      p.reject(tooBig ? new HttpError(413, 'TOO_LARGE', 'These notes need more memory to import than the server allows; import them in smaller files.') : new ImportThreadFailed(error.message));
    }
    pending.clear();
  };

  const stop = () => {
    const w = worker;
    worker = null;
    return w ? w.terminate() : Promise.resolve(0);
  };

  const start = (): Worker => {
    if (worker) return worker;
    // tsx's loader does not reach worker threads by itself: the worker registers it first.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = (options.entry ?? DEFAULT_ENTRY).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const w = new Worker(code, { eval: true, name: 'notes-import', resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 384, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    w.on('message', (reply: StepReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve(reply);
    });
    w.on('error', (err) => {
      logger.error({ err }, 'import thread failed');
      fail(w, err);
    });
    w.on('exit', (code) => fail(w, new Error(`import thread exited (${code})`)));
    // An idle thread does not keep a stopping process alive.
    w.unref();
    worker = w;
    return w;
  };

  const idleTimer = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), options.idleMs ?? 60_000);
    idle.unref();
  };

  const call = async <T>(step: StepName, ...args: unknown[]): Promise<T> => {
    let w: Worker;
    try {
      w = start();
    } catch (err) {
      logger.warn({ err }, 'import thread could not start; importing on the main thread');
      throw new ImportThreadFailed((err as Error).message);
    }
    const id = nextId++;
    const reply = await new Promise<StepReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, step, args } satisfies StepRequest);
    });
    if (!reply.ok) throw fromStepError(reply.error);
    return reply.value as T;
  };

  return {
    begin() {
      if (idle) clearTimeout(idle);
      idle = null;
      const session = ++sessions;
      open.add(session);
      return session;
    },
    decode: (session, inputs) => call('decode', session, inputs),
    parse: (session, names, lexicon) => call('parse', session, names, lexicon),
    plan: (session, input) => call('plan', session, input),
    planFacts: (session) => call('planFacts', session),
    report: (text) => call('report', text),
    reportPlanned: (session, entries) => call('reportPlanned', session, entries),
    release(session) {
      open.delete(session);
      // Nothing to wait for, and nothing to free if the thread is gone.
      if (worker) call('release', session).catch(() => {});
      if (open.size || !worker) return;
      idleTimer();
    },
    prepare() {
      // Starting the thread (loading the parser's modules) takes most of a second; done while
      // the host picks a file or the upload arrives, the import does not wait for it. An unused
      // thread idles out as after an import.
      if (worker) return;
      try {
        start();
      } catch (err) {
        logger.warn({ err }, 'import thread could not start');
        return;
      }
      if (!open.size) idleTimer();
    },
    async close() {
      if (idle) clearTimeout(idle);
      await stop();
    },
  };
}
