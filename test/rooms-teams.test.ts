// A team game over real sockets and a real database: three teams, a host move in the lobby,
// team talk (options on every phone, answers refused, no answer sent), two questions to the
// podium with exact team scores, a reconnect that keeps the team, and the stored teams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('a game of three teams', () => {
  it('plays to the team podium with exact team scores', async () => {
    const game = await createGame(server, { questionCount: 2, secondsPerQuestion: 10, teams: { by: 'count', count: 3 }, teamTalkSeconds: 5 });
    const host = await attachHost(server, game);
    const names = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve'];
    const joined: JoinedPlayer[] = [];
    for (const name of names) joined.push(await joinPlayer(server, game.code, name));
    const [pAnn, pBob, pCy, pDee, pEve] = joined;
    const teamsJoined = [];
    for (let i = 0; i < 5; i++) teamsJoined.push((await host.take('player:joined')).player.team);
    expect(teamsJoined).toEqual([0, 1, 2, 0, 1]);

    // The host moves Eve from the Blue Owls to the Green Turtles: Red Ann+Dee, Blue Bob, Green Cy+Eve.
    okData(await host.call('team:move', { playerId: pEve.playerId, team: 2 }));
    expect(await host.take('player:moved')).toEqual({ playerId: pEve.playerId, team: 2 });
    expect(await pEve.client.take('team:assigned')).toMatchObject({ team: { team: 2, name: 'Green Turtles', rank: null } });
    const refused = await host.call('team:move', { playerId: pEve.playerId, team: 9 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TEAM' } });

    okData(await host.call('game:start', {}));
    const questions = makeQuestions(2);
    const phones = joined.map((p) => p.client);

    async function play(index: number, answers: [JoinedPlayer, number, number][]) {
      for (const c of [host, ...phones]) await c.take('question:show');
      clock.advance(3_000);
      for (const c of [host, ...phones]) {
        const talk = await c.take('question:talk');
        expect(talk).toMatchObject({ remainingMs: 5_000, question: { id: questions[index].id, options: questions[index].options } });
      }
      const early = await pAnn.client.call('answer:submit', { questionId: questions[index].id, optionIndex: 0 });
      expect(early).toEqual({ ok: false, error: { code: 'TEAM_TALK', message: 'Team talk: answers open when the talk time ends.' } });
      clock.advance(5_000);
      for (const c of [host, ...phones]) expect(await c.take('question:open')).toMatchObject({ remainingMs: T });
      for (const [player, delay, option] of answers) {
        clock.advance(delay);
        okData(await player.client.call('answer:submit', { questionId: questions[index].id, optionIndex: option }));
      }
      await host.take('question:reveal');
      return Promise.all(phones.map((c) => c.take('player:result')));
    }

    // Q1: Ann right at 1 s (950), Bob right at 1 s (950), Cy and Eve right at 2 s (900 each),
    // Dee wrong. Red: mean(950, 0) = 475, half right is no majority; Blue 950; Green 900.
    const a1 = questions[0].answerIndex;
    const r1 = await play(0, [[pAnn, 1_000, a1], [pBob, 0, a1], [pCy, 1_000, a1], [pEve, 0, a1], [pDee, 0, (a1 + 1) % 4]]);
    expect(r1.map((r) => r.teamResult!.points)).toEqual([475, 950, 900, 475, 900]);
    expect(r1[0].teamResult!.standing).toMatchObject({ team: 0, rank: 3, score: 475, gapToAbove: 425, aboveName: 'Green Turtles', teamCount: 3 });

    okData(await host.call('game:next', {}));
    const board = await host.take('leaderboard:show');
    expect(board.teams!.map((t) => [t.name, t.score, t.rank, t.members, t.best?.nickname])).toEqual([
      ['Blue Owls', 950, 1, 1, 'Bob'],
      ['Green Turtles', 900, 2, 2, 'Cy'],
      ['Red Foxes', 475, 3, 2, 'Ann'],
    ]);

    // Bob reloads his phone on the leaderboard: same seat, same team.
    pBob.client.close();
    const again = await client(server);
    const back = okData(await again.call('room:resume', { token: pBob.token }));
    expect(back.view.myTeam).toMatchObject({ team: 1, name: 'Blue Owls', score: 950, rank: 1 });
    phones[1] = again;
    pBob.client = again;
    okData(await host.call('game:next', {}));

    // Q2: Ann instantly (1000 + her own 100), Dee instantly (1000), Bob wrong at 2 s, Cy right
    // at 2 s (900 + 100), Eve right at 5 s (750 + 100). Teams drop the members' bonuses:
    // Red mean(1000, 1000) = 1000, first majority in a row, no bonus; Blue 0;
    // Green mean(900, 750) = 825 + 100 for its second majority in a row.
    const a2 = questions[1].answerIndex;
    const r2 = await play(1, [[pAnn, 0, a2], [pDee, 0, a2], [pBob, 2_000, (a2 + 1) % 4], [pCy, 0, a2], [pEve, 3_000, a2]]);
    expect(r2.map((r) => [r.points, r.bonus])).toEqual([[1_100, 100], [0, 0], [1_000, 100], [1_000, 0], [850, 100]]);
    expect(r2.map((r) => r.teamResult!.points)).toEqual([1_000, 0, 925, 1_000, 925]);

    okData(await host.call('game:next', {}));
    const podium = await pCy.client.take('podium:show');
    expect(podium.teams!.map((t) => [t.name, t.score, t.rank, t.best])).toEqual([
      ['Green Turtles', 1_825, 1, { playerId: pCy.playerId, nickname: 'Cy', score: 1_900 }],
      ['Red Foxes', 1_475, 2, { playerId: pAnn.playerId, nickname: 'Ann', score: 2_050 }],
      ['Blue Owls', 950, 3, { playerId: pBob.playerId, nickname: 'Bob', score: 950 }],
    ]);

    // Before each reveal nothing on any phone carried the answer.
    for (const c of phones) {
      const firstReveal = c.packets.findIndex((p) => p.includes('"question:reveal"'));
      const before = c.packets.slice(0, firstReveal >= 0 ? firstReveal : undefined).join('\n');
      expect(before).not.toMatch(/correctIndex|answerIndex/);
    }

    okData(await host.call('game:end', {}));
    const rows = await tdb.db.prisma.player.findMany({ where: { gameId: game.gameId }, orderBy: { joinedAt: 'asc' } });
    expect(Object.fromEntries(rows.map((r) => [r.nickname, r.team]))).toEqual({ Ann: 0, Bob: 1, Cy: 2, Dee: 0, Eve: 2 });

    // The report: per-team accuracy next to the players, a team column in the CSV, the mode in
    // the history. Q1: Red 1 of 2 right, Blue 1 of 1, Green 2 of 2; Q2: Red 2 of 2, Blue 0 of 1,
    // Green 2 of 2.
    const report = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report`).then((r) => r.json());
    expect(report.data.teams.map((t: { name: string; players: number; correct: number; asked: number }) => [t.name, t.players, t.correct, t.asked])).toEqual([
      ['Red Foxes', 2, 3, 4],
      ['Blue Owls', 1, 1, 2],
      ['Green Turtles', 2, 4, 4],
    ]);
    expect(report.data.teams[0].topics[0]).toMatchObject({ asked: 4, correct: 3, accuracy: 0.75 });
    expect(report.data.players.find((p: { nickname: string }) => p.nickname === 'Eve').team).toBe(2);
    const csv = await fetch(`${server.baseUrl}/api/games/${game.gameId}/export.csv`).then((r) => r.text());
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Nickname,Team,Question #,Question,Topic,Chosen option,Correct,Time (s),Points');
    expect(lines.filter((l) => l.startsWith('Eve,Green Turtles,'))).toHaveLength(2);
    const history = await fetch(`${server.baseUrl}/api/games`, { headers: server.hostHeaders }).then((r) => r.json());
    expect(history.data.find((g: { id: string }) => g.id === game.gameId).mode).toBe('teams');
    for (const c of [host, ...phones]) c.close();
  });
});
