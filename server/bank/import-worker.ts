// The notes import's thread (see import-thread.ts): one ImportSteps, one request at a time.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ImportSteps } from './import-steps.js';
import { answer, type StepRequest } from './import-thread.js';

// An import is background work: when the machine's cores are all busy, the live rooms' thread
// must get the CPU first (a parse taking a core for 20 s otherwise shows up as 50–90 ms loop
// stalls on a 2-core machine). On Linux a thread has its own nice value, set through its
// thread id; elsewhere this does nothing.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) os.setPriority(tid, 10);
} catch {
  // Not Linux, or not allowed: the import still runs, at normal priority.
}

const steps = new ImportSteps();
parentPort!.on('message', (request: StepRequest) => parentPort!.postMessage(answer(steps, request)));
