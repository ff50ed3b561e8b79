// Turns topic names typed by a person ("S3", "Data Engineering > S3") into the full topic paths the
// generator filters on. A name may sit deep in the tree, so a spec matches any topic whose path
// ends with it; every match counts, and a spec that matches nothing is an error, not a silent no-op.
import type { PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import { deckTopics, pathKey, PATH_SEPARATOR } from './topics.js';

export function splitTopicSpec(spec: string): string[] {
  return spec.split(/\s+(?:>|\/)\s+|>/).map((s) => s.trim()).filter(Boolean);
}

export async function resolveTopics(prisma: PrismaClient, deckId: string, specs: readonly string[]): Promise<string[][]> {
  const topics = await deckTopics(prisma, deckId);
  const out: string[][] = [];
  const missing: string[] = [];
  for (const spec of specs) {
    const key = pathKey(splitTopicSpec(spec));
    if (!key) continue;
    const exact = topics.filter((t) => t.pathKey === key);
    const found = exact.length ? exact : topics.filter((t) => t.pathKey.endsWith(`${PATH_SEPARATOR}${key}`));
    if (!found.length) missing.push(spec);
    for (const t of found) out.push(t.path);
  }
  if (missing.length) throw new HttpError(404, 'UNKNOWN_TOPIC', `No topic named ${missing.map((m) => `"${m}"`).join(', ')} in this deck.`);
  return out;
}
