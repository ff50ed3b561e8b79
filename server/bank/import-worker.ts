// The notes import's thread (see import-thread.ts): one ImportSteps, one request at a time.
import { parentPort } from 'node:worker_threads';
import { ImportSteps } from './import-steps.js';
import { answer, type StepRequest } from './import-thread.js';

const steps = new ImportSteps();
parentPort!.on('message', (request: StepRequest) => parentPort!.postMessage(answer(steps, request)));
