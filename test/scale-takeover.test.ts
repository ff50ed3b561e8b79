// Losing the owner: two real server processes share a game; the one that owns it (with the
// host and half the players) is killed with SIGKILL mid-question, right after some answers
// were acknowledged. Within 5 s the other process owns the game: its own players are seated
// again by themselves, the killed process's players and the host come back to it with their
// tokens, every acknowledged answer is still there, and the game finishes with a correct
// report.
import { describe, expect, it, onTestFailed } from 'vitest';
import type { GameReport } from '../shared/report-types.js';
import type { PlayerView } from '../shared/game-types.js';
import { api, gameFromSeedNotes, type Server } from './support/server-process.js';
import { okData, type TestClient } from './support/socket-clients.js';
import { twoProcesses } from './support/two-processes.js';

/** This file's own Redis database index. */
const REDIS_DB = 12;
const PLAYERS = 10;
/** Players 0..5 (three on each process) answer question 2 before the owner dies. */
const ANSWERED_BEFORE_KILL = 6;

const world = twoProcesses(REDIS_DB);
const { servers, on } = world;

interface Player {
  nickname: string;
  token: string;
  client: TestClient;
  side: 'owner' | 'other';
}

describe('the owner process dies mid-question', () => {
  it('the other process takes the game over within 5 s and nothing acknowledged is lost', { timeout: 120_000 }, async () => {
    const [owner, other] = servers as [Server, Server];
    onTestFailed(() => console.log(`survivor's log:\n${other.output().slice(-4000)}`));
    const game = await gameFromSeedNotes(owner, 'Takeover deck', { questionCount: 3, secondsPerQuestion: 30 });
    let host = await on(owner);
    okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    const players: Player[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const side = i % 2 === 0 ? 'owner' : 'other';
      const client = await on(side === 'owner' ? owner : other);
      const nickname = `Player ${i + 1}`;
      const joined = okData(await client.call('room:join', { code: game.code, nickname }));
      players.push({ nickname, token: joined.token, client, side });
    }

    // Question 1: everybody answers, so it closes early.
    okData(await host.call('game:start', {}));
    const open1 = await host.take('question:open', 15_000);
    for (const [i, p] of players.entries()) {
      await p.client.take('question:open', 15_000);
      okData(await p.client.call('answer:submit', { questionId: open1.question.id, optionIndex: i % open1.question.options.length }));
    }
    await host.take('question:reveal', 15_000);
    const scoreAfterQ1 = new Map<string, number>();
    for (const p of players) scoreAfterQ1.set(p.nickname, (await p.client.take('player:result', 15_000)).score);
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));

    // Question 2: six answers acknowledged (three through each process), then the owner dies.
    const open2 = await host.take('question:open', 15_000);
    const q2 = open2.question.id;
    const choice = (i: number) => (i * 3) % open2.question.options.length;
    for (const p of players) await p.client.take('question:open', 15_000);
    const acks = await Promise.all(players.slice(0, ANSWERED_BEFORE_KILL).map((p, i) => p.client.call('answer:submit', { questionId: q2, optionIndex: choice(i) })));
    for (const ack of acks) okData(ack);
    const statesBefore = new Map(players.map((p) => [p.nickname, p.client.count('game:state')]));
    owner.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await owner.exited).toBeNull();
    for (const c of [host, ...players.filter((p) => p.side === 'owner').map((p) => p.client)]) c.close();

    // The host and the dead process's players reconnect to the survivor, as a load balancer
    // would send them; the survivor's own players are seated again without doing anything.
    host = await on(other);
    const [hostView, ...backs] = await Promise.all([
      host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }, 15_000),
      ...players.map(async (p) => {
        if (p.side === 'owner') {
          p.client = await on(other);
          return okData(await p.client.call('room:resume', { token: p.token }, 15_000)).view as PlayerView;
        }
        for (const started = Date.now(); p.client.count('game:state') === statesBefore.get(p.nickname); ) {
          if (Date.now() - started > 15_000) throw new Error(`${p.nickname} was not seated again`);
          await new Promise((r) => setTimeout(r, 20));
        }
        return p.client.events.filter((e) => e.event === 'game:state').at(-1)!.payload as PlayerView;
      }),
    ]);
    const backAfterMs = Date.now() - killedAt;
    expect(backAfterMs, `everyone back after ${backAfterMs} ms`).toBeLessThanOrEqual(5_000);
    const attached = okData(hostView!);
    expect(attached.stage.phase).toBe('answering');
    expect(attached.paused).toBe(true);
    for (const [i, view] of backs.entries()) {
      const p = players[i]!;
      expect(view.me.score, p.nickname).toBe(scoreAfterQ1.get(p.nickname));
      expect(view.myAnswer, p.nickname).toBe(i < ANSWERED_BEFORE_KILL ? choice(i) : null);
      expect(view.paused).toBe(true);
    }
    // An acknowledged answer stays given: a second one is refused.
    expect(await players[1]!.client.call('answer:submit', { questionId: q2, optionIndex: 0 })).toMatchObject({ ok: false });

    // The game goes on from where it was.
    okData(await host.call('game:resume', {}));
    const late = await Promise.all(
      players.slice(ANSWERED_BEFORE_KILL).map((p, i) => p.client.call('answer:submit', { questionId: q2, optionIndex: choice(i + ANSWERED_BEFORE_KILL) })),
    );
    for (const ack of late) okData(ack);
    const reveal = await host.take('question:reveal', 15_000);
    expect(reveal.answered).toBe(PLAYERS);
    expect(reveal.counts.reduce((a, b) => a + b, 0)).toBe(PLAYERS);
    // Every player, on a surviving socket or a new one, sees question 2's reveal.
    for (const p of players) {
      if (p.side === 'other') await p.client.take('question:reveal', 15_000);
      expect((await p.client.take('question:reveal', 15_000)).index).toBe(1);
    }

    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));
    const open3 = await host.take('question:open', 15_000);
    await Promise.all(players.map(async (p) => okData(await p.client.call('answer:submit', { questionId: open3.question.id, optionIndex: 0 }))));
    await host.take('question:reveal', 15_000);
    const finalScores = new Map<string, number>();
    for (const p of players) {
      // Question 3's result is the last one: the third on a surviving socket, the second on a
      // socket opened after the kill.
      const expected = p.side === 'owner' ? 2 : 3;
      for (const started = Date.now(); p.client.count('player:result') < expected; ) {
        if (Date.now() - started > 15_000) throw new Error(`${p.nickname} got no result for question 3`);
        await new Promise((r) => setTimeout(r, 20));
      }
      finalScores.set(p.nickname, (p.client.events.filter((e) => e.event === 'player:result').at(-1)!.payload as { score: number }).score);
    }
    okData(await host.call('game:next', {}));
    await host.take('podium:show', 15_000);
    okData(await host.call('game:end', {}));
    await host.take('room:closed', 15_000);

    const report = await api<GameReport>(other, 'GET', `/api/games/${game.gameId}/report`);
    expect(report.game.status).toBe('finished');
    expect(report.game.countedQuestions).toBe(3);
    expect(report.players).toHaveLength(PLAYERS);
    for (const rp of report.players) {
      const seat = players.findIndex((p) => p.nickname === rp.nickname);
      expect(rp.score).toBe(finalScores.get(rp.nickname));
      expect(rp.answers.map((a) => a.optionIndex !== null)).toEqual([true, true, true]);
      expect(rp.answers.reduce((sum, a) => sum + a.points, 0)).toBe(rp.score);
      // Each answer once, as given: question 2 keeps the choice acknowledged before the kill.
      expect(rp.answers[1]!.optionIndex, rp.nickname).toBe(choice(seat));
    }
    const rows = await world.tdb.db.prisma.answer.findMany({ where: { gameId: game.gameId } });
    expect(rows).toHaveLength(PLAYERS * 3);
    console.log(`takeover: everyone back ${backAfterMs} ms after the kill`);
  });
});
