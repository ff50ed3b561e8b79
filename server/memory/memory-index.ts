// The members' memory of a deck, held in the server's own memory for tonight's review. Summing
// it up in the database meant reading every member × fact row on every preview (250,000 rows
// for 50 members and 5,000 facts: 250–400 ms); here the rows are read once per change and
// summed in a few milliseconds. Every change to a deck's memory (a game recorded, members
// merged or forgotten) bumps Deck.memoryVersion in its own transaction, so one row read tells
// whether the copy is still true, also when another server process made the change.
import { computeDecayFactor } from 'ts-fsrs';
import type { PrismaClient, Prisma } from '../db/generated/client.js';
import { scheduler } from './scheduler.js';
import type { FactStat } from './select.js';

/** One member's rows of one deck, column by column; facts are numbers into DeckMemory.factIds. */
interface MemberRows {
  fact: Int32Array;
  due: Float64Array;
  stability: Float64Array;
  /** NaN: never reviewed. */
  lastReview: Float64Array;
  state: Uint8Array;
  misses: Int32Array;
}

export interface DeckMemory {
  version: number;
  factIds: string[];
  members: Map<string, MemberRows>;
}

/** Decks whose memory is kept at once (the least recently used goes first). */
const DECKS_KEPT = 8;
/** A sum is reused for the same deck version and members this long: the host's preview, its
 *  changes of count or topics, and the game created from it ask the same question within a
 *  minute, and a chance of recall hardly moves in that time. */
const SUM_REUSE_MS = 60_000;

type Db = PrismaClient | Prisma.TransactionClient;

/** Marks a change of the deck's memory; call it inside the transaction that makes it. */
export async function bumpMemoryVersion(tx: Db, deckIds: readonly string[]): Promise<void> {
  if (deckIds.length === 0) return;
  await tx.$executeRawUnsafe(`UPDATE "Deck" SET "memoryVersion" = "memoryVersion" + 1 WHERE "id" = ANY($1::text[])`, [...deckIds]);
}

/** The decks in which these members hold memory (to bump before merging or forgetting them). */
export async function decksOfMembers(tx: Db, memberIds: readonly string[]): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ deckId: string }[]>(
    `SELECT DISTINCT "deckId" FROM "FactMemory" WHERE "memberId" = ANY($1::text[])`,
    [...memberIds],
  );
  return rows.map((r) => r.deckId);
}

export class MemoryIndex {
  private readonly decks = new Map<string, Promise<DeckMemory>>();
  private lastSum: { key: string; at: number; stats: Map<string, FactStat> } | null = null;

  constructor(private readonly prisma: PrismaClient) {}

  /** What the members hold of each fact they met, at `now`. */
  async stats(deckId: string, memberIds: readonly string[], now: Date): Promise<Map<string, FactStat>> {
    if (memberIds.length === 0) return new Map();
    const memory = await this.deck(deckId);
    const key = `${deckId}|${memory.version}|${[...new Set(memberIds)].sort().join(',')}`;
    const last = this.lastSum;
    if (last && last.key === key && Math.abs(now.getTime() - last.at) < SUM_REUSE_MS) return last.stats;
    const stats = summarise(memory, memberIds, now);
    this.lastSum = { key, at: now.getTime(), stats };
    return stats;
  }

  /** Reads the deck's memory ahead of the next review (after a game is recorded); failures
   *  are left for that review to meet. */
  warm(deckId: string): Promise<void> {
    return this.deck(deckId).then(
      () => undefined,
      () => undefined,
    );
  }

  /** The deck's memory as stored now: the kept copy when its version is still the deck's. */
  async deck(deckId: string): Promise<DeckMemory> {
    const row = await this.prisma.deck.findUnique({ where: { id: deckId }, select: { memoryVersion: true } });
    const version = row?.memoryVersion ?? -1;
    const kept = this.decks.get(deckId);
    if (kept) {
      const memory = await kept.catch(() => null);
      if (memory && memory.version >= version) {
        this.decks.delete(deckId);
        this.decks.set(deckId, kept);
        return memory;
      }
      // A newer load may have started while this one waited.
      const current = this.decks.get(deckId);
      if (current && current !== kept) return this.deck(deckId);
    }
    const load = loadDeck(this.prisma, deckId, version);
    this.decks.delete(deckId);
    this.decks.set(deckId, load);
    load.catch(() => {
      if (this.decks.get(deckId) === load) this.decks.delete(deckId);
    });
    while (this.decks.size > DECKS_KEPT) this.decks.delete(this.decks.keys().next().value!);
    return load;
  }

  /** Forgets every kept copy (tests). */
  clear(): void {
    this.decks.clear();
    this.lastSum = null;
  }
}

/** Reads the deck's rows as one text line per member and column: a quarter of a million rows
 *  come over in a fraction of the time they take as rows. The version read before the rows
 *  may be older than the rows (a change in between): the next call then reads them again. */
async function loadDeck(prisma: PrismaClient, deckId: string, version: number): Promise<DeckMemory> {
  const rows = await prisma.$queryRawUnsafe<{ memberId: string; f: string; d: string; s: string; l: string; st: string; m: string }[]>(
    `SELECT "memberId", string_agg("factId", ',') AS "f",
       array_to_string(array_agg(extract(epoch FROM "due")::float8 * 1000), ',') AS "d",
       array_to_string(array_agg("stability"), ',') AS "s",
       array_to_string(array_agg(COALESCE(extract(epoch FROM "lastReview")::float8 * 1000, 'NaN')), ',') AS "l",
       array_to_string(array_agg("state"), ',') AS "st",
       array_to_string(array_agg("misses"), ',') AS "m"
     FROM "FactMemory" WHERE "deckId" = $1 GROUP BY "memberId"`,
    deckId,
  );
  const factNo = new Map<string, number>();
  const factIds: string[] = [];
  const members = new Map<string, MemberRows>();
  for (const r of rows) {
    const ids = r.f.split(',');
    const fact = new Int32Array(ids.length);
    ids.forEach((id, i) => {
      let no = factNo.get(id);
      if (no === undefined) {
        no = factIds.push(id) - 1;
        factNo.set(id, no);
      }
      fact[i] = no;
    });
    members.set(r.memberId, {
      fact,
      due: Float64Array.from(r.d.split(','), Number),
      stability: Float64Array.from(r.s.split(','), Number),
      lastReview: Float64Array.from(r.l.split(','), Number),
      state: Uint8Array.from(r.st.split(','), Number),
      misses: Int32Array.from(r.m.split(','), Number),
    });
  }
  return { version, factIds, members };
}

/** The members' memory summed per fact: how many met it, for how many it is due, their mean
 *  chance of recall (FSRS's forgetting curve with the scheduler's own decay) and their misses. */
export function summarise(memory: DeckMemory, memberIds: readonly string[], now: Date): Map<string, FactStat> {
  const { decay, factor } = computeDecayFactor(scheduler.parameters.w);
  const n = memory.factIds.length;
  const seen = new Int32Array(n);
  const due = new Int32Array(n);
  const recall = new Float64Array(n);
  const misses = new Int32Array(n);
  const t = now.getTime();
  for (const id of new Set(memberIds)) {
    const rows = memory.members.get(id);
    if (!rows) continue;
    for (let i = 0; i < rows.fact.length; i++) {
      const f = rows.fact[i];
      seen[f]++;
      if (rows.due[i] <= t) due[f]++;
      const last = rows.lastReview[i];
      if (rows.state[i] !== 0 && !Number.isNaN(last)) {
        recall[f] += Math.pow(1 + (factor * Math.max(0, (t - last) / 86_400_000)) / rows.stability[i], decay);
      }
      misses[f] += rows.misses[i];
    }
  }
  const stats = new Map<string, FactStat>();
  for (let f = 0; f < n; f++) {
    if (seen[f] > 0) stats.set(memory.factIds[f], { seen: seen[f], due: due[f], recall: recall[f] / seen[f], misses: misses[f] });
  }
  return stats;
}
