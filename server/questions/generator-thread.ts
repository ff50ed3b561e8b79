// Question generation away from the live rooms. Making a game's questions from a deck of
// 1,500 facts is 40–140 ms of pure computation (bench/questions.ts), and while it runs on
// the main thread every room's timers, answers and broadcasts wait. So the generator runs
// in a worker thread, which also keeps each deck it has seen, with its warm index, until
// the deck changes: the next game from the same notes only sends its options.
// The main thread loads a deck from the database only when the worker does not have that
// revision of it. If the worker cannot start or dies, generation falls back to the main
// thread (logged), so creating a game never fails because of the thread.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { generateQuestions } from './generate.js';
import type { Bank, GenerateOptions, Question } from './types.js';

/** A deck as the generator needs it: a key that changes whenever its facts can have
 *  changed, and how to load it if the generator does not have that revision. */
export interface BankRef {
  key: string;
  load(): Promise<Bank>;
}

export interface QuestionGenerator {
  generate(bank: BankRef, options: GenerateOptions): Promise<Question[]>;
  close(): Promise<void>;
}

/** Requests and replies between the main thread and the worker. */
export interface GenerateRequest {
  id: number;
  key: string;
  options: GenerateOptions;
  /** Sent only when the worker said it does not have this revision. */
  bank?: Bank;
}

export type GenerateReply =
  | { id: number; ok: true; questions: Question[] }
  | { id: number; ok: false; needBank: true }
  | { id: number; ok: false; error: string };

/** On the calling thread: for the command line and tests, where nothing else is waiting. */
export function inlineGenerator(): QuestionGenerator {
  return {
    async generate(bank, options) {
      return generateQuestions(await bank.load(), options);
    },
    async close() {},
  };
}

interface Pending {
  resolve(reply: GenerateReply): void;
  reject(error: Error): void;
}

/** The worker could not start, crashed or exited: generation falls back to this thread. */
class ThreadFailed extends Error {}

/** Starts the worker on first use; starts a new one on the next request if it died. */
export function threadGenerator(logger: Logger): QuestionGenerator {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fail = (w: Worker, error: Error) => {
    if (worker !== w) return;
    worker = null;
    for (const p of pending.values()) p.reject(new ThreadFailed(error.message));
    pending.clear();
  };

  const start = (): Worker => {
    if (worker) return worker;
    try {
      // The server runs from TypeScript through tsx, whose loader does not reach worker
      // threads by itself: the worker registers it, then imports its entry.
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./generator-worker.ts', import.meta.url).href;
      const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
      const w = new Worker(code, { eval: true, name: 'question-generator' });
      w.on('message', (reply: GenerateReply) => {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        p?.resolve(reply);
      });
      w.on('error', (err) => {
        logger.error({ err }, 'question generator thread failed');
        fail(w, err);
      });
      w.on('exit', (code) => fail(w, new Error(`question generator thread exited (${code})`)));
      // An idle generator does not keep a stopping process alive.
      w.unref();
      worker = w;
      return w;
    } catch (err) {
      throw new ThreadFailed((err as Error).message);
    }
  };

  const ask = (request: Omit<GenerateRequest, 'id'>): Promise<GenerateReply> => {
    const w = start();
    const id = nextId++;
    return new Promise<GenerateReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ ...request, id } satisfies GenerateRequest);
    });
  };

  return {
    async generate(bank, options) {
      let reply: GenerateReply;
      try {
        reply = await ask({ key: bank.key, options });
        if (!reply.ok && 'needBank' in reply) reply = await ask({ key: bank.key, options, bank: await bank.load() });
      } catch (err) {
        if (!(err instanceof ThreadFailed)) throw err;
        logger.warn({ err }, 'question generator thread unavailable; generating on the main thread');
        return generateQuestions(await bank.load(), options);
      }
      if (reply.ok) return reply.questions;
      // The generator itself threw: the same error it would throw on this thread.
      throw new Error('error' in reply ? reply.error : 'question generator: unexpected reply');
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
