// Answer rules at the socket edge and the server-authoritative clock: late answers are
// judged by arrival time against the deadline (even when the closing timer is late),
// duplicates and answers to another question are refused, and a pause stops the clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pointsFor } from '../shared/scoring.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
  createGame,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  type JoinedPlayer,
  type RoomsServer,
  type TestClient,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();
const questions = makeQuestions(3);
const T = 10_000;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

let host: TestClient;
let ann: JoinedPlayer;
let bob: JoinedPlayer;

/** A fresh game with two players, on its first question's reading phase. */
beforeEach(async () => {
  const game = await createGame(server, { questionCount: 3, secondsPerQuestion: 10 });
  host = await attachHost(server, game);
  ann = await joinPlayer(server, game.code, 'Ann');
  bob = await joinPlayer(server, game.code, 'Bob');
  okData(await host.call('game:start', {}));
  await ann.client.take('question:show');
  return () => {
    for (const c of [host, ann.client, bob.client]) c.close();
  };
});

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'OK' : ack.error!.code);
/** A round trip through the room's queue: everything queued before it has run. */
const settle = async () => okData(await host.call('room:lock', { locked: false }));

describe('answers', () => {
  it('are refused while the question is being read', async () => {
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 0 }))).toBe('WRONG_PHASE');
  });

  it('count once, for the open question and an existing option only', async () => {
    clock.advance(3_000);
    await ann.client.take('question:open');
    expect(code(await ann.client.call('answer:submit', { questionId: 'q2', optionIndex: 0 }))).toBe('WRONG_QUESTION');
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 5 }))).toBe('BAD_OPTION');
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 }))).toBe('OK');
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 2 }))).toBe('ALREADY_ANSWERED');
    expect(await host.take('answers:count')).toEqual({ questionId: 'q1', answered: 1, total: 2 });
    expect(bob.client.count('answers:count')).toBe(0); // progress goes to the host only
    // A socket that never joined cannot answer for anyone.
    const stranger = await client(server);
    expect(code(await stranger.call('answer:submit', { questionId: 'q1', optionIndex: 1 }))).toBe('BAD_TOKEN');
    stranger.close();
    okData(await bob.client.call('answer:submit', { questionId: 'q1', optionIndex: 0 }));
    const reveal = await ann.client.take('question:reveal');
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBe(2);
    // After the reveal the question is closed for good.
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: 1 }))).toBe('TOO_LATE');
  });

  it('are judged by arrival time: inside the grace window accepted, after it refused, even if the timer is late', async () => {
    clock.advance(3_000);
    await ann.client.take('question:open');
    // The closing timer "runs late": time passes without it firing.
    clock.jump(T + 200);
    expect(code(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: questions[0].answerIndex }))).toBe('OK');
    clock.jump(51);
    expect(code(await bob.client.call('answer:submit', { questionId: 'q1', optionIndex: questions[0].answerIndex }))).toBe('TOO_LATE');
    clock.advance(0);
    const result = await ann.client.take('player:result');
    // A grace-window answer scores as one at the deadline.
    expect(result.points).toBe(pointsFor({ correct: true, elapsedMs: T, totalMs: T, streakBefore: 0, mode: 'speed' }).points);
    expect(result.points).toBe(500);
    expect((await bob.client.take('player:result')).optionIndex).toBeNull();
  });
});

describe('pause', () => {
  it('freezes the remaining time and moves the deadline by the paused time', async () => {
    clock.advance(3_000);
    expect((await ann.client.take('question:open')).remainingMs).toBe(T);
    clock.advance(2_000);
    okData(await host.call('game:pause', {}));
    expect(await ann.client.take('game:paused')).toEqual({ remainingMs: 8_000 });
    expect(code(await host.call('game:pause', {}))).toBe('GAME_PAUSED');

    clock.advance(60_000);
    await settle();
    expect(host.count('question:reveal')).toBe(0);
    // A refresh during the pause sees the frozen clock.
    const again = await client(server);
    const view = okData(await again.call('room:resume', { token: bob.token })).view;
    expect(view.paused).toBe(true);
    expect(view.stage).toMatchObject({ phase: 'answering', remainingMs: 8_000 });
    expect(code(await again.call('answer:submit', { questionId: 'q1', optionIndex: 0 }))).toBe('GAME_PAUSED');

    okData(await host.call('game:resume', {}));
    expect(await ann.client.take('game:resumed')).toEqual({ remainingMs: 8_000 });
    clock.advance(1_000);
    okData(await ann.client.call('answer:submit', { questionId: 'q1', optionIndex: questions[0].answerIndex }));
    // The deadline moved by the 60 s pause: 7 s (+ grace) are still left.
    clock.advance(7_249);
    await settle();
    expect(host.count('question:reveal')).toBe(0);
    clock.advance(1);
    await host.take('question:reveal');
    // Paused time does not count against the answer: 3 s of answering, not 63 s.
    expect((await ann.client.take('player:result')).points).toBe(850);
    again.close();
  });

  it('also holds the reading phase', async () => {
    clock.advance(1_000);
    okData(await host.call('game:pause', {}));
    expect(await ann.client.take('game:paused')).toEqual({ remainingMs: 2_000 });
    clock.advance(30_000);
    await settle();
    expect(host.count('question:open')).toBe(0);
    okData(await host.call('game:resume', {}));
    clock.advance(2_000);
    expect((await ann.client.take('question:open')).remainingMs).toBe(T);
  });
});
