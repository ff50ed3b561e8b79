// One address floods room:resume with random tokens from 100 sockets while players answer, on
// the embedded database (where a query runs on the server's own thread). The flood reaches
// the database a bounded number of times, and the players' answers are acknowledged promptly.
// (The benchmark measures this figure properly; the bound here is loose on purpose.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/db/database.js';
import {
  attachHost,
  createGame,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  TestClient,
  type RoomsServer,
} from './support/socket-clients.js';

let dataDir: string;
let db: Database;
let server: RoomsServer;
const clock = new ManualClock();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-flood-'));
  db = await openDatabase({ dataDir });
  await db.migrate();
  server = await startRoomsServer(db, { clock });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a resume flood on the embedded database', () => {
  it('keeps answer acks quick while 100 sockets send random tokens', { timeout: 60_000 }, async () => {
    const game = await createGame(server, { questionCount: 1, secondsPerQuestion: 60 });
    const host = await attachHost(server, game);
    const players = await Promise.all(Array.from({ length: 10 }, (_, i) => joinPlayer(server, game.code, `P${i}`)));
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await host.take('question:open');

    const flooders = await Promise.all(Array.from({ length: 100 }, () => new TestClient(server.baseUrl).ready()));
    let flooding = true;
    const outcomes = new Map<string, number>();
    const flood = Promise.all(
      flooders.map(async (c, i) => {
        for (let n = 0; flooding && n < 30; n++) {
          const ack = await c.call('room:resume', { token: `flood-${i}-${n}-`.padEnd(24, 'x') });
          const code = ack.ok ? 'ok' : ack.error.code;
          outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const q = makeQuestions(1)[0]!;
    const times: number[] = [];
    for (const p of players) {
      const sent = performance.now();
      okData(await p.client.call('answer:submit', { questionId: q.id, optionIndex: q.answerIndex }));
      times.push(performance.now() - sent);
    }
    flooding = false;
    await flood;
    times.sort((a, b) => a - b);
    const worst = times[times.length - 1]!;
    console.log(`answer acks during the flood: p50 ${times[5]!.toFixed(1)} ms, max ${worst.toFixed(1)} ms; ${JSON.stringify([...outcomes])}`);
    // Loose on purpose (a shared CI machine, ten samples; the benchmark measures the p99). An
    // answer that arrives while the flood's 60 permitted lookups queue for the one database
    // connection waits behind them (a few hundred ms); without the limit every ack took
    // seconds.
    expect(times[5]!).toBeLessThan(100);
    expect(worst).toBeLessThan(1_500);
    // Only the per-address lookup budget (60 a minute) ever reached the database.
    expect(outcomes.get('BAD_TOKEN') ?? 0).toBeLessThanOrEqual(60);
    expect((outcomes.get('RATE_LIMITED') ?? 0) + (outcomes.get('BAD_TOKEN') ?? 0)).toBeGreaterThan(100);
    expect(outcomes.get('ok')).toBeUndefined();
    for (const c of [host, ...players.map((p) => p.client), ...flooders]) c.close();
  });
});
