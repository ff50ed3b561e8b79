// Equal scores over real sockets: players on the same score share a rank on the phones, the
// leaderboard, the podium, the stored standings and the report; phones learn how many places
// they moved; and the projector's "n of m right" counts the players the results count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlayerResult, RevealPayload } from '../shared/game-types.js';
import type { GameReport } from '../shared/report-types.js';
import { playerRowId } from '../server/rooms/game-store.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
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

const standing = (r: PlayerResult) => ({ rank: r.rank, tied: r.tied, moved: r.moved, gapToAbove: r.gapToAbove, aboveNickname: r.aboveNickname });

describe('tied scores in a live game', () => {
  it('share ranks everywhere, tell phones how far they moved, and count every player at the reveal', async () => {
    const game = await createGame(server, { questionCount: 3, secondsPerQuestion: T / 1000 });
    const questions = makeQuestions(3);
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    const cy = await joinPlayer(server, game.code, 'Cy');
    const players = [ann, bob, cy];
    okData(await host.call('game:start', {}));

    /** One question: each listed player answers right or wrong at once; the others stay silent. */
    async function play(index: number, answers: [JoinedPlayer, boolean][]): Promise<{ reveal: RevealPayload; results: PlayerResult[] }> {
      await host.take('question:show');
      clock.advance(3_000);
      await host.take('question:open');
      const q = questions[index];
      for (const [player, right] of answers) {
        okData(await player.client.call('answer:submit', { questionId: q.id, optionIndex: right ? q.answerIndex : (q.answerIndex + 1) % 4 }));
      }
      if (answers.length < players.length) clock.advance(T + 250);
      const reveal = await host.take('question:reveal');
      const results = await Promise.all(players.map((p) => p.client.take('player:result')));
      return { reveal, results };
    }

    // Q1: Ann right, Bob wrong, Cy silent: Bob and Cy share 2nd on 0.
    const q1 = await play(0, [[ann, true], [bob, false]]);
    expect(q1.reveal).toMatchObject({ answered: 2, players: 3, noAnswer: 1 });
    expect(q1.reveal.counts[q1.reveal.correctIndex]).toBe(1);
    expect(q1.results.map(standing)).toEqual([
      { rank: 1, tied: false, moved: null, gapToAbove: null, aboveNickname: null },
      { rank: 2, tied: true, moved: null, gapToAbove: 1_000, aboveNickname: 'Ann' },
      { rank: 2, tied: true, moved: null, gapToAbove: 1_000, aboveNickname: 'Ann' },
    ]);
    okData(await host.call('game:next', {}));
    const board1 = await cy.client.take('leaderboard:show');
    expect(board1.top.map((e) => [e.nickname, e.score, e.rank])).toEqual([['Ann', 1_000, 1], ['Bob', 0, 2], ['Cy', 0, 2]]);
    okData(await host.call('game:next', {}));

    // Q2: only Cy right: Ann and Cy share 1st (nobody leads alone), Bob drops to 3rd.
    const q2 = await play(1, [[cy, true], [ann, false], [bob, false]]);
    expect(q2.reveal).toMatchObject({ answered: 3, players: 3, noAnswer: 0 });
    expect(q2.results.map(standing)).toEqual([
      { rank: 1, tied: true, moved: 0, gapToAbove: null, aboveNickname: null },
      { rank: 3, tied: false, moved: -1, gapToAbove: 1_000, aboveNickname: 'Cy' },
      { rank: 1, tied: true, moved: 1, gapToAbove: null, aboveNickname: null },
    ]);
    // A phone reloaded during the leaderboard reads the same standing from its view.
    okData(await host.call('game:next', {}));
    const reloaded = await client(server);
    const again = okData(await reloaded.call('room:resume', { token: bob.token }));
    expect(again.view.me).toMatchObject({ rank: 3, tied: false, moved: -1, gapToAbove: 1_000 });
    bob.client.close();
    bob.client = reloaded;
    okData(await host.call('game:next', {}));

    // Q3: Ann and Bob right, Cy wrong: Ann 1st alone, Bob and Cy both 2nd on 1000.
    const q3 = await play(2, [[ann, true], [bob, true], [cy, false]]);
    expect(q3.results.map((r) => [r.score, r.rank, r.tied, r.moved])).toEqual([
      [2_000, 1, false, 0],
      [1_000, 2, true, 1],
      [1_000, 2, true, -1],
    ]);
    okData(await host.call('game:next', {}));
    const podium = await host.take('podium:show');
    expect(podium.top.map((e) => [e.nickname, e.rank]).sort()).toEqual([['Ann', 1], ['Bob', 2], ['Cy', 2]]);
    okData(await host.call('game:next', {}));
    await host.take('room:closed');

    const stored = await eventually(async () => {
      const rows = await tdb.db.prisma.player.findMany({ where: { gameId: game.gameId }, orderBy: { nickname: 'asc' } });
      expect(rows.every((p) => p.finalRank !== null)).toBe(true);
      return rows;
    });
    expect(stored.map((p) => [p.nickname, p.finalRank])).toEqual([['Ann', 1], ['Bob', 2], ['Cy', 2]]);

    // The results say what the projector said: question 1 was 1 of 3 right, 1 without an answer.
    const res = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report?player=${playerRowId(game.gameId, cy.playerId)}`);
    expect(res.status).toBe(200);
    const report = ((await res.json()) as { data: GameReport }).data;
    expect(report.players.map((p) => [p.nickname, p.rank, p.tied])).toEqual([['Ann', 1, false], ['Bob', 2, true], ['Cy', 2, true]]);
    expect(report.you).toMatchObject({ nickname: 'Cy', rank: 2, tied: true });
    expect(report.questions[0]).toMatchObject({ asked: q1.reveal.players, correct: 1, noAnswer: q1.reveal.noAnswer });
    expect(report.questions[1]).toMatchObject({ asked: q2.reveal.players, noAnswer: q2.reveal.noAnswer });
    for (const c of [host, ...players.map((p) => p.client)]) c.close();
  });
});
