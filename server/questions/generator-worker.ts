// The question generator's thread (see generator-thread.ts). It keeps the last few decks it
// was sent, by revision key, so the generator's index of a deck is built once per revision.
import { parentPort } from 'node:worker_threads';
import { generateQuestions } from './generate.js';
import type { GenerateReply, GenerateRequest } from './generator-thread.js';
import type { Bank } from './types.js';

const KEEP_DECKS = 8;
const decks = new Map<string, Bank>();

function reply(message: GenerateReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (request: GenerateRequest) => {
  const { id, key, options } = request;
  if (request.bank) {
    decks.delete(key);
    decks.set(key, request.bank);
    // Least recently used first in insertion order: drop from the front.
    while (decks.size > KEEP_DECKS) decks.delete(decks.keys().next().value!);
  }
  const bank = decks.get(key);
  if (!bank) return reply({ id, ok: false, needBank: true });
  decks.delete(key);
  decks.set(key, bank);
  try {
    reply({ id, ok: true, questions: generateQuestions(bank, options) });
  } catch (err) {
    reply({ id, ok: false, error: (err as Error).message });
  }
});
