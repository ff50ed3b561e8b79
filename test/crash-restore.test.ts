// A crash loses nothing: the real server process plays a game with 20 players, is killed
// with SIGKILL mid-question right after answers were acknowledged, and is started again on
// the same database (PostgreSQL and the embedded PGlite). Every player resumes with the same
// score and their own answer, the host resumes the paused question, every acknowledged answer
// is counted exactly once, and the game finishes with a correct report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameReport } from '../shared/report-types.js';
import type { PlayerResult, PlayerView } from '../shared/game-types.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { api, connect, gameFromSeedNotes, startServer } from './support/server-process.js';
import { okData, TestClient } from './support/socket-clients.js';

const PLAYERS = 20;
const ANSWERED_BEFORE_CRASH = 12;

interface Player {
  nickname: string;
  token: string;
  client: TestClient;
}

async function playOneQuestion(host: TestClient, players: Player[], choose: (p: Player, options: number) => number) {
  const opened = await host.take('question:open', 10_000);
  const { id, options } = opened.question;
  const acks = await Promise.all(players.map((p) => p.client.call('answer:submit', { questionId: id, optionIndex: choose(p, options.length) })));
  for (const ack of acks) okData(ack);
  return host.take('question:reveal', 10_000);
}

interface StoredRows {
  answers: number;
  distinct: number;
  scores: Map<string, number>;
}

/** `readRows` reads the database directly where another process can (PostgreSQL). */
async function crashAndRecover(env: Record<string, string>, readRows?: () => Promise<StoredRows>) {
  let server = await startServer(env);
  try {
    const game = await gameFromSeedNotes(server, 'Crash test deck', { questionCount: 3, secondsPerQuestion: 30 });

    let host = await connect(server);
    okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    const players: Player[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const client = await connect(server);
      const joined = okData(await client.call('room:join', { code: game.code, nickname: `Player ${i + 1}` }));
      players.push({ nickname: `Player ${i + 1}`, token: joined.token, client });
    }

    // Question 1: everybody answers (player i picks option i mod n), so it closes early.
    okData(await host.call('game:start', {}));
    await playOneQuestion(host, players, (p, n) => players.indexOf(p) % n);
    const scoreAfterQ1 = new Map<string, number>();
    for (const p of players) scoreAfterQ1.set(p.nickname, (await p.client.take('player:result')).score);
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));

    // Question 2: twelve answers are acknowledged, then the process is killed at once.
    const opened = await host.take('question:open', 10_000);
    const q2 = opened.question.id;
    const choice = (i: number) => (i * 3) % opened.question.options.length;
    const acks = await Promise.all(
      players.slice(0, ANSWERED_BEFORE_CRASH).map((p, i) => p.client.call('answer:submit', { questionId: q2, optionIndex: choice(i) })),
    );
    server.child.kill('SIGKILL');
    for (const ack of acks) okData(ack);
    expect(await server.exited).toBeNull();
    for (const c of [host, ...players.map((p) => p.client)]) c.close();

    // ---- the same database, a new process -------------------------------------------------
    server = await startServer(env);
    host = await connect(server);
    const hostView = okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    expect(hostView.paused).toBe(true);
    expect(hostView.stage.phase).toBe('answering');
    for (const [i, p] of players.entries()) {
      p.client = await connect(server);
      const back = okData(await p.client.call('room:resume', { token: p.token }));
      const view = back.view as PlayerView;
      expect(view.me.score).toBe(scoreAfterQ1.get(p.nickname));
      expect(view.myAnswer).toBe(i < ANSWERED_BEFORE_CRASH ? choice(i) : null);
      expect(view.paused).toBe(true);
    }
    // An acknowledged answer cannot be given twice, before or after the resume.
    expect(await players[0].client.call('answer:submit', { questionId: q2, optionIndex: 1 })).toMatchObject({ ok: false });
    okData(await host.call('game:resume', {}));
    const late = await Promise.all(
      players.slice(ANSWERED_BEFORE_CRASH).map((p, i) => p.client.call('answer:submit', { questionId: q2, optionIndex: choice(i + ANSWERED_BEFORE_CRASH) })),
    );
    for (const ack of late) okData(ack);
    const reveal = await host.take('question:reveal', 10_000);
    expect(reveal.answered).toBe(PLAYERS);
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBe(PLAYERS);

    // Question 3 and the podium.
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));
    await playOneQuestion(host, players, () => 0);
    const finalScores = new Map<string, number>();
    for (const p of players) {
      // The reveal of question 2 came after the resume; the last result is question 3's.
      await p.client.take('player:result');
      finalScores.set(p.nickname, ((await p.client.take('player:result')) as PlayerResult).score);
    }
    okData(await host.call('game:next', {}));
    await host.take('podium:show');
    okData(await host.call('game:end', {}));
    await host.take('room:closed');

    // The end is written behind the room's close: on a loaded machine the report may say
    // "playing" for a moment before it says "finished".
    let report = await api<GameReport>(server, 'GET', `/api/games/${game.gameId}/report`);
    for (let tries = 0; report.game.status !== 'finished' && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 200));
      report = await api<GameReport>(server, 'GET', `/api/games/${game.gameId}/report`);
    }
    expect(report.game.status).toBe('finished');
    expect(report.game.countedQuestions).toBe(3);
    expect(report.players).toHaveLength(PLAYERS);
    for (const [i, p] of report.players.entries()) {
      expect(p.score).toBe(finalScores.get(p.nickname));
      expect(p.asked).toBe(3);
      // Each answer once, as given: question 2 shows the choice acknowledged before the crash.
      expect(p.answers.map((a) => a.optionIndex !== null)).toEqual([true, true, true]);
      expect(p.answers.reduce((sum, a) => sum + a.points, 0)).toBe(p.score);
      const seat = players.findIndex((x) => x.nickname === p.nickname);
      expect(p.answers[1]!.optionIndex, `player ${i}`).toBe(choice(seat));
    }
    if (readRows) {
      const rows = await readRows();
      expect(rows.answers).toBe(PLAYERS * 3);
      expect(rows.distinct).toBe(PLAYERS * 3);
      for (const p of report.players) expect(rows.scores.get(p.nickname)).toBe(p.score);
    }
    for (const c of [host, ...players.map((p) => p.client)]) c.close();
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

describe('a crash mid-question', () => {
  describe('on PostgreSQL', () => {
    let tdb: TestDatabase;
    beforeAll(async () => {
      tdb = await createTestDatabase();
    });
    afterAll(() => tdb?.drop());

    it('loses no acknowledged answer, and the game goes on after a restart', { timeout: 180_000 }, async () => {
      await crashAndRecover({ DATABASE_URL: tdb.url }, async () => {
        const game = await tdb.db.prisma.game.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
        const answers = await tdb.db.prisma.answer.findMany({ where: { gameId: game.id } });
        const players = await tdb.db.prisma.player.findMany({ where: { gameId: game.id } });
        return {
          answers: answers.length,
          distinct: new Set(answers.map((a) => `${a.questionId}/${a.playerId}`)).size,
          scores: new Map(players.map((p) => [p.nickname, p.score])),
        };
      });
    });
  });

  describe('on the embedded database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-crash-'));
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('loses no acknowledged answer, and the game goes on after a restart', { timeout: 180_000 }, async () => {
      await crashAndRecover({ DATA_DIR: dataDir });
    });
  });
});
