// Tonight's review on a big group: a deck of 5,000 facts (10 top-level topics) and 50 members
// who each hold a memory of every fact (250,000 FSRS states, the worst case), in a fresh
// PostgreSQL database. Measures the whole selection as POST /api/games runs it (members of the
// deck's last games, the deck's facts, the memory summed per fact, the ranking). The first run
// reads the deck's memory into the server's index (as the first review after a restart does;
// recording a game reads it ahead of the next review); the figure is the runs after it.
import { openDatabase } from '../../server/db/database.js';
import { MemoryIndex } from '../../server/memory/memory-index.js';
import { tonightReview } from '../../server/memory/tonight.js';
import { summarize, type Summary } from '../metrics.js';
import { nowMs } from '../clock.js';
import type { BenchDatabase } from '../setup.js';

export interface TonightResult {
  facts: number;
  members: number;
  states: number;
  picks: number;
  /** The first run, which reads the deck's memory into the index. */
  coldMs: number;
  ms: Summary;
}

export async function tonightScenario(database: BenchDatabase, log: (m: string) => void, o = { facts: 5_000, members: 50, runs: 15 }): Promise<TonightResult> {
  const db = await openDatabase({ databaseUrl: database.url, dataDir: '' });
  try {
    await db.migrate();
    const p = db.prisma;
    const deck = await p.deck.create({ data: { name: 'Tonight bench' } });
    const file = await p.sourceFile.create({ data: { deckId: deck.id, name: 'notes.md', hash: 'h', layout: 'markdown', rawText: '', report: {} } });
    await p.$executeRawUnsafe(
      `INSERT INTO "Topic" ("id", "deckId", "name", "path", "pathKey", "depth")
       SELECT 't' || i, $1, 'Topic ' || i, ARRAY['Topic ' || i], 'topic ' || i, 1 FROM generate_series(0, 9) i`,
      deck.id,
    );
    await p.$executeRawUnsafe(
      `INSERT INTO "Fact" ("id", "deckId", "fileId", "topicId", "term", "fact", "lineStart", "lineEnd", "rule", "confidence", "flags", "ord")
       SELECT 'f' || i, $1, $2, 't' || (i % 10), 'Term ' || i, 'What term ' || i || ' means', i, i, 'bench', 1, ARRAY[]::text[], i
       FROM generate_series(1, $3) i`,
      deck.id,
      file.id,
      o.facts,
    );
    await p.$executeRawUnsafe(`INSERT INTO "Member" ("id", "nicknames") SELECT 'm' || i, ARRAY['Player ' || i] FROM generate_series(1, $1) i`, o.members);
    const game = await p.game.create({ data: { code: 'BENCH2', deckId: deck.id, deckName: deck.name, settings: {}, seed: 's', status: 'finished', hostTokenHash: 'x', memoryAt: new Date() } });
    await p.$executeRawUnsafe(
      `INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "sessionTokenHash", "memberId")
       SELECT 'p' || i, $1, 'Player ' || i, 'player ' || i, 'h' || i, 'm' || i FROM generate_series(1, $2) i`,
      game.id,
      o.members,
    );
    // Varied states: due from 20 days ago to 40 days ahead, stability 0.5–60 days, a few misses.
    await p.$executeRawUnsafe(
      `INSERT INTO "FactMemory" ("memberId", "factId", "deckId", "due", "stability", "difficulty", "scheduledDays",
         "learningSteps", "reps", "lapses", "state", "lastReview", "misses")
       SELECT 'm' || m, 'f' || f, $1, now() + (random() * 60 - 20) * interval '1 day', 0.5 + random() * 60, 1 + random() * 9,
         1, 0, 1 + (random() * 5)::int, 0, 2, now() - random() * 30 * interval '1 day', (random() * 2)::int
       FROM generate_series(1, $2) m, generate_series(1, $3) f`,
      deck.id,
      o.members,
      o.facts,
    );
    await p.$executeRawUnsafe('ANALYZE');
    const states = await p.factMemory.count();
    log(`tonight: ${o.facts} facts, ${o.members} members, ${states} memory states`);
    const times: number[] = [];
    const index = new MemoryIndex(p);
    let picks = 0;
    for (let run = 0; run < o.runs; run++) {
      const t = nowMs();
      const { review } = await tonightReview(
        p,
        index,
        { deckId: deck.id, count: 20, topics: [], newShare: 0.2, seed: `run${run}` },
        // Two minutes apart, so that each run sums the memory again instead of reusing a sum.
        new Date(Date.now() + run * 120_000),
      );
      times.push(nowMs() - t);
      picks = review.picks.length;
    }
    return { facts: o.facts, members: o.members, states, picks, coldMs: times[0], ms: summarize(times.slice(1)) };
  } finally {
    await db.close();
  }
}
