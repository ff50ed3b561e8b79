// A whole game over real sockets and a real database: host and three players from the
// lobby to the closed room, with the scores checked against the formula and the stored
// rows checked against what the players were told. A second game runs on the real clock.
import { lanAddresses } from '../server/banner.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsFor } from '../shared/scoring.js';
import { systemClock } from '../server/rooms/clock.js';
import { hashToken } from '../server/rooms/secrets.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  createGame,
  eventually,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  type JoinedPlayer,
  type RoomsServer,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();
const T = 10_000;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const speed = (elapsedMs: number, streakBefore: number) =>
  pointsFor({ correct: true, elapsedMs, totalMs: T, streakBefore, mode: 'speed' }).points;

describe('a full game, host and three players', () => {
  it('runs from the lobby to the closed room with correct scores and stored rows', async () => {
    const game = await createGame(server, { questionCount: 3, secondsPerQuestion: 10 });
    expect(game.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    // Created through 127.0.0.1: phones get this machine's network address instead, if it has one.
    const lan = lanAddresses()[0];
    const port = new URL(server.baseUrl).port;
    expect(game.joinUrl).toBe(`${lan ? `http://${lan}:${port}` : server.baseUrl}/?code=${game.code}`);
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId }, include: { questions: true } });
    expect(row.hostTokenHash).toBe(hashToken(game.hostToken));
    expect(JSON.stringify(row)).not.toContain(game.hostToken);
    expect(row.questions).toHaveLength(3);
    expect(row.status).toBe('lobby');

    const room = await fetch(`${server.baseUrl}/api/rooms/${game.code.toLowerCase()}`).then((r) => r.json());
    expect(room).toEqual({ ok: true, data: { code: game.code, status: 'lobby', lateJoin: true, joinable: true, reason: null } });

    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    const cy = await joinPlayer(server, game.code, 'Cy');
    const players = [ann, bob, cy];
    expect((await host.take('player:joined')).player.nickname).toBe('Ann');
    await host.take('player:joined');
    expect(await host.take('player:joined')).toMatchObject({ total: 3, rejoined: false });

    okData(await host.call('game:start', {}));
    const questions = makeQuestions(3);

    // Ask one question: answers maps each player to [delay since the previous answer, option].
    async function play(index: number, answers: [JoinedPlayer, number, number][], waitForTimer: boolean) {
      for (const c of [host, ...players.map((p) => p.client)]) {
        expect(await c.take('question:show')).toMatchObject({ readingMs: 3_000, question: { index, count: 3 } });
      }
      clock.advance(3_000);
      for (const c of [host, ...players.map((p) => p.client)]) {
        expect(await c.take('question:open')).toMatchObject({ remainingMs: T, question: { id: questions[index].id } });
      }
      for (const [player, delay, option] of answers) {
        clock.advance(delay);
        const receipt = await player.client.call('answer:submit', { questionId: questions[index].id, optionIndex: option });
        expect(receipt).toEqual({ ok: true, data: { questionId: questions[index].id, optionIndex: option } });
      }
      if (waitForTimer) clock.advance(T);
      const reveal = await host.take('question:reveal');
      expect(reveal).toMatchObject({ index, correctIndex: questions[index].answerIndex, skipped: false });
      return Promise.all(players.map((p) => p.client.take('player:result')));
    }

    // Q1: answer 1. Ann right after 1 s, Bob right after 4 s, Cy wrong; all answered → closes early.
    const a1 = questions[0].answerIndex;
    const r1 = await play(0, [[ann, 1_000, a1], [bob, 3_000, a1], [cy, 0, (a1 + 1) % 4]], false);
    expect(r1.map((r) => r.points)).toEqual([speed(1_000, 0), speed(4_000, 0), 0]);
    expect(r1.map((r) => r.points)).toEqual([950, 800, 0]);
    expect(r1.map((r) => r.rank)).toEqual([1, 2, 3]);

    okData(await host.call('game:next', {}));
    const board = await ann.client.take('leaderboard:show');
    expect(board.top.map((e) => [e.nickname, e.score])).toEqual([['Ann', 950], ['Bob', 800], ['Cy', 0]]);
    okData(await host.call('game:next', {}));

    // Q2: Ann instantly (full points + streak bonus), Bob at 5 s, Cy silent → the timer closes it.
    const a2 = questions[1].answerIndex;
    const r2 = await play(1, [[ann, 300, a2], [bob, 4_700, a2]], true);
    expect(r2.map((r) => r.points)).toEqual([speed(300, 1), speed(5_000, 1), 0]);
    expect(r2.map((r) => [r.points, r.bonus])).toEqual([[1_100, 100], [850, 100], [0, 0]]);
    expect(r2[2]).toMatchObject({ optionIndex: null, correct: false });
    okData(await host.call('game:next', {}));
    await bob.client.take('leaderboard:show');
    okData(await host.call('game:next', {}));

    // Q3: Ann wrong (streak ends), Bob instantly (3rd in a row), Cy at 9 s.
    const a3 = questions[2].answerIndex;
    const r3 = await play(2, [[ann, 0, (a3 + 2) % 4], [bob, 0, a3], [cy, 9_000, a3]], false);
    expect(r3.map((r) => r.points)).toEqual([0, speed(0, 2), speed(9_000, 0)]);
    expect(r3.map((r) => r.points)).toEqual([0, 1_200, 550]);

    okData(await host.call('game:next', {}));
    const podium = await cy.client.take('podium:show');
    expect(podium.top.map((e) => [e.nickname, e.score, e.rank])).toEqual([
      ['Bob', 2_850, 1],
      ['Ann', 2_050, 2],
      ['Cy', 550, 3],
    ]);
    okData(await host.call('game:next', {}));
    for (const c of [host, ...players.map((p) => p.client)]) {
      expect(await c.take('room:closed')).toEqual({ reason: 'finished', gameId: game.gameId });
    }
    expect(await fetch(`${server.baseUrl}/api/rooms/${game.code}`).then((r) => r.status)).toBe(410);

    // Stored rows: every acknowledged answer, final standings and the game's end.
    const stored = await eventually(async () => {
      const g = await tdb.db.prisma.game.findUniqueOrThrow({
        where: { id: game.gameId },
        include: { players: { orderBy: { finalRank: 'asc' } }, answers: true, questions: { orderBy: { index: 'asc' } } },
      });
      expect(g.endedAt).not.toBeNull();
      return g;
    });
    expect(stored.status).toBe('finished');
    expect(stored.startedAt).not.toBeNull();
    expect(stored.questions.every((q) => q.askedAt !== null && !q.skipped)).toBe(true);
    expect(stored.players.map((p) => [p.nickname, p.score, p.finalRank])).toEqual([
      ['Bob', 2_850, 1],
      ['Ann', 2_050, 2],
      ['Cy', 550, 3],
    ]);
    expect(stored.players.find((p) => p.nickname === 'Ann')!.sessionTokenHash).toBe(hashToken(ann.token));
    expect(stored.answers).toHaveLength(8);
    const byQuestion = (i: number) =>
      stored.answers
        .filter((a) => a.questionId === stored.questions[i].id)
        .map((a) => [stored.players.find((p) => p.id === a.playerId)!.nickname, a.optionIndex, a.elapsedMs, a.points, a.correct])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(byQuestion(0)).toEqual([
      ['Ann', a1, 1_000, 950, true],
      ['Bob', a1, 4_000, 800, true],
      ['Cy', (a1 + 1) % 4, 4_000, 0, false],
    ]);
    expect(byQuestion(1)).toEqual([
      ['Ann', a2, 300, 1_100, true],
      ['Bob', a2, 5_000, 850, true],
    ]);
    expect(byQuestion(2).map((a) => a[3])).toEqual([0, 1_200, 550]);
    for (const c of [host, ...players.map((p) => p.client)]) c.close();
  });
});

describe('on the real clock', () => {
  let real: RoomsServer;
  beforeAll(async () => {
    real = await startRoomsServer(tdb.db, { clock: systemClock() });
  });
  afterAll(async () => real?.close());

  it('plays one question end to end with server-timed phases', async () => {
    const game = await createGame(real, { questionCount: 1, secondsPerQuestion: 5 });
    const host = await attachHost(real, game);
    const ann = await joinPlayer(real, game.code, 'Ann');
    const bob = await joinPlayer(real, game.code, 'Bob');
    okData(await host.call('game:start', {}));
    const shown = Date.now();
    const open = await ann.client.take('question:open', 6_000);
    // The reading time is the server's: about 3 s, never early.
    expect(Date.now() - shown).toBeGreaterThanOrEqual(2_900);
    expect(open.remainingMs).toBeGreaterThan(4_000);
    expect(open.remainingMs).toBeLessThanOrEqual(5_000);
    const correct = makeQuestions(1)[0].answerIndex;
    okData(await ann.client.call('answer:submit', { questionId: open.question.id, optionIndex: correct }));
    okData(await bob.client.call('answer:submit', { questionId: open.question.id, optionIndex: (correct + 1) % 4 }));
    const reveal = await host.take('question:reveal');
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBe(2);
    const result = await ann.client.take('player:result');
    expect(result.points).toBeGreaterThan(900);
    expect(result.points).toBeLessThanOrEqual(1_000);
    okData(await host.call('game:next', {}));
    expect((await bob.client.take('podium:show')).top[0].nickname).toBe('Ann');
    okData(await host.call('game:end', {}));
    await ann.client.take('room:closed');
    // The reveal waited for the answers: both rows exist by now.
    const answers = await tdb.db.prisma.answer.findMany({ where: { gameId: game.gameId } });
    expect(answers).toHaveLength(2);
    expect(answers.find((a) => a.correct)!.points).toBe(result.points);
    for (const c of [host, ann.client, bob.client]) c.close();
  });
});
