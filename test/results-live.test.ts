// The report of a game played over real sockets: the rows the live room writes (askedAt,
// joinedAtQuestion, kickedAt, answers, standings) must give the figures the players lived.
// Ann answers both questions right; Bob answers question 1 wrong and is kicked; Cy joins
// during question 2 and answers it wrong; the host ends the game before question 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameReport } from '../shared/report-types.js';
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
  type RoomsServer,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

describe('report of a live game', () => {
  it('counts late joiners, kicks and the unplayed rest the way the game went', async () => {
    const game = await createGame(server, { questionCount: 3, secondsPerQuestion: 10 });
    const questions = makeQuestions(3);
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    okData(await host.call('game:start', {}));

    await ann.client.take('question:show');
    clock.advance(3_000);
    await ann.client.take('question:open');
    const right0 = questions[0].answerIndex;
    okData(await ann.client.call('answer:submit', { questionId: questions[0].id, optionIndex: right0 }));
    okData(await bob.client.call('answer:submit', { questionId: questions[0].id, optionIndex: (right0 + 1) % 4 }));
    await host.take('question:reveal');
    okData(await host.call('player:kick', { playerId: bob.playerId }));
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));

    await ann.client.take('question:show');
    const cy = await joinPlayer(server, game.code, 'Cy');
    clock.advance(3_000);
    await ann.client.take('question:open');
    const right1 = questions[1].answerIndex;
    okData(await ann.client.call('answer:submit', { questionId: questions[1].id, optionIndex: right1 }));
    okData(await cy.client.call('answer:submit', { questionId: questions[1].id, optionIndex: (right1 + 2) % 4 }));
    await host.take('question:reveal');
    okData(await host.call('game:end', {}));

    const report = await eventually(async () => {
      const res = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report`);
      const body = (await res.json()) as { ok: boolean; data: GameReport };
      expect(body.ok).toBe(true);
      expect(body.data.game.endedAt).not.toBeNull();
      return body.data;
    });

    expect(report.questions.map((q) => [q.status, q.asked, q.correct])).toEqual([
      ['asked', 1, 1],
      ['asked', 2, 1],
      ['not-reached', 0, 0],
    ]);
    expect(report.game).toMatchObject({ countedQuestions: 2, playerCount: 2, averageAccuracy: 2 / 3 });
    expect(report.players.map((p) => [p.nickname, p.joinedAtQuestion, p.asked, p.correct, p.answers.map((a) => a.status)])).toEqual([
      ['Ann', 0, 2, 2, ['correct', 'correct', 'not-reached']],
      ['Cy', 1, 1, 0, ['not-playing', 'wrong', 'not-reached']],
    ]);
    expect(report.kickedPlayers.map((p) => [p.nickname, p.answers.map((a) => a.status)])).toEqual([
      ['Bob', ['wrong', 'not-playing', 'not-reached']],
    ]);
    expect(report.questions[1].mostChosenWrong).toEqual({ optionIndex: (right1 + 2) % 4, text: questions[1].options[(right1 + 2) % 4], count: 1 });
    expect(report.weakestTopics).toEqual([questions[1].topic]);
    for (const c of [host, ann.client, bob.client, cy.client]) c.close();
  });

  it('shows a running game only up to its last reveal, except to its host', async () => {
    const game = await createGame(server, { questionCount: 2, secondsPerQuestion: 10 });
    const questions = makeQuestions(2);
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    // Bob does not answer, so question 1 stays open after Ann's answer.
    const bob = await joinPlayer(server, game.code, 'Bob');
    const report = async (headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report`, { headers });
      return ((await res.json()) as { data: GameReport }).data;
    };
    const csv = async () => (await fetch(`${server.baseUrl}/api/games/${game.gameId}/export.csv`)).text();
    okData(await host.call('game:start', {}));
    clock.advance(3_000);
    await ann.client.take('question:open');
    okData(await ann.client.call('answer:submit', { questionId: questions[0].id, optionIndex: questions[0].answerIndex }));

    // Question 1 is open: a player (anyone with the game id) sees no question, no answer.
    expect((await report()).questions).toEqual([]);
    expect(await csv()).not.toContain(questions[0].prompt);
    // The game's host token (or the server's host secret) sees everything.
    expect((await report({ 'x-host-token': game.hostToken })).questions).toHaveLength(2);
    expect((await report(server.hostHeaders)).questions).toHaveLength(2);
    expect((await report({ 'x-host-token': 'not-the-token' })).questions).toEqual([]);

    // Revealed: question 1 is visible, question 2 is not, even once it is being read.
    clock.advance(10_500);
    await host.take('question:reveal');
    expect((await report()).questions.map((q) => q.prompt)).toEqual([questions[0].prompt]);
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));
    await ann.client.take('question:show');
    const during = await report();
    expect(during.questions).toHaveLength(1);
    expect(JSON.stringify(during)).not.toContain(questions[1].options[questions[1].answerIndex]);
    okData(await host.call('game:end', {}));
    await eventually(async () => expect((await report()).questions).toHaveLength(2));
    for (const c of [host, ann.client, bob.client]) c.close();
  });
});
