// Two real server processes, one PostgreSQL database and one Redis database: the game is
// created on the first, the host and half the players are on the first, the other half on
// the second. The whole game plays as in one process: every socket on either process gets
// the same broadcasts, scores follow the formula from the stored answer times, a question
// that not everyone answers is revealed at its deadline on both processes, no packet on
// either process carries the answer before the reveal, and the report (asked of the second
// process) matches what the players were told. Join codes, host checks and rate limits
// work across the processes.
import { describe, expect, it } from 'vitest';
import { pointsFor } from '../shared/scoring.js';
import type { GameReport } from '../shared/report-types.js';
import { Limiter } from '../server/rooms/rate-limits.js';
import { api, gameFromSeedNotes, HOST_TOKEN, type Server } from './support/server-process.js';
import { okData, type TestClient } from './support/socket-clients.js';
import { twoProcesses } from './support/two-processes.js';

/** This file's own Redis database index. */
const REDIS_DB = 11;
const PLAYERS = 8;
const SECONDS = 5;

const world = twoProcesses(REDIS_DB);
const { servers, on } = world;

/** Packets that could give the answer away; before a question's reveal none may arrive. */
const SECRETS = ['correctIndex', 'answerIndex', '"correct"', 'explanation'];

function assertNoLeak(client: TestClient, who: string): void {
  let open = false;
  for (const packet of client.packets) {
    if (packet.startsWith('["question:open"') || packet.startsWith('["question:show"')) open = true;
    else if (packet.startsWith('["question:reveal"')) open = false;
    else if (open) for (const secret of SECRETS) expect(packet.includes(secret), `${who} got ${secret} before the reveal: ${packet.slice(0, 200)}`).toBe(false);
  }
}

describe('two processes, one service', () => {
  it('play one game with the host and half the players on each side', { timeout: 120_000 }, async () => {
    const [a, b] = servers as [Server, Server];
    const game = await gameFromSeedNotes(a, 'Scale deck', { questionCount: 3, secondsPerQuestion: SECONDS });
    // Sharing the fan-out, a room may hold up to 5,000 players (one process: 2,000).
    const deckId = (await api<{ id: string }[]>(a, 'GET', '/api/decks')).find((d) => (d as { name?: string }).name === 'Scale deck')?.id;
    expect(await fetch(`${a.baseUrl}/api/games`, { method: 'POST', headers: { authorization: `Bearer ${HOST_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ deckId, playerCap: 5_001 }) }).then((r) => r.status)).toBe(400);
    expect((await api<{ code: string }>(b, 'POST', '/api/games', { deckId, questionCount: 1, playerCap: 5_000 })).code).toMatch(/^[A-Z2-9]{6}$/);

    // The code is known on the other process, by REST and by socket.
    const room = await fetch(`${b.baseUrl}/api/rooms/${game.code}`).then((r) => r.json());
    expect(room).toEqual({ ok: true, data: { code: game.code, status: 'lobby', lateJoin: true, joinable: true, reason: null } });
    const stranger = await on(b);
    expect(await stranger.call('room:check', { code: 'ZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ROOM' } });
    // Host checks happen at the owner: a wrong token is refused from the other process too.
    expect(await stranger.call('host:attach', { gameId: game.gameId, hostToken: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    expect(await stranger.call('answer:submit', { questionId: 'q1', optionIndex: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_TOKEN' } });

    const host = await on(a);
    okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    const players: { nickname: string; client: TestClient; side: 'a' | 'b' }[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const side = i % 2 === 0 ? 'a' : 'b';
      const client = await on(side === 'a' ? a : b);
      okData(await client.call('room:check', { code: game.code }));
      const nickname = `Player ${i + 1}`;
      const joined = okData(await client.call('room:join', { code: game.code, nickname }));
      expect(joined.view.me.nickname).toBe(nickname);
      players.push({ nickname, client, side });
    }
    for (let i = 0; i < PLAYERS; i++) expect((await host.take('player:joined')).player.nickname).toBe(`Player ${i + 1}`);
    // A player on the other process is not a host there either.
    expect(await players[1]!.client.call('game:start', {})).toMatchObject({ ok: false, error: { code: 'NOT_HOST' } });
    // Nor can it take a nickname someone on the first process has.
    expect(await (await on(b)).call('room:join', { code: game.code, nickname: 'player 1' })).toMatchObject({ ok: false, error: { code: 'NICKNAME_TAKEN' } });

    okData(await host.call('game:start', {}));
    const everyone = [host, ...players.map((p) => p.client)];
    const totals = new Map<string, number>(players.map((p) => [p.nickname, 0]));

    for (let q = 0; q < 3; q++) {
      const shows = await Promise.all(everyone.map((c) => c.take('question:show', 15_000)));
      const opens = await Promise.all(players.map((p) => p.client.take('question:open', 15_000)));
      const openedAt = Date.now();
      // Every player, on either process, got the very same broadcast.
      for (const o of opens) expect(o).toEqual(opens[0]);
      expect(shows[0]!.question.index).toBe(q);
      const { id, options } = opens[0]!.question;
      // Question 3: the last player stays silent, so the deadline closes it.
      const answering = q === 2 ? players.slice(0, -1) : players;
      const acks = await Promise.all(answering.map((p, i) => p.client.call('answer:submit', { questionId: id, optionIndex: (i + q) % options.length })));
      for (const ack of acks) okData(ack);
      for (const p of players) assertNoLeak(p.client, p.nickname);

      const arrivals = await Promise.all(everyone.map((c) => c.take('question:reveal', 15_000).then((r) => ({ r, at: Date.now() }))));
      const reveals = arrivals.map((x) => x.r);
      for (const r of reveals) expect(r).toEqual(reveals[0]);
      expect(reveals[0]).toMatchObject({ index: q, answered: answering.length, players: PLAYERS, skipped: false });
      expect(reveals[0]!.counts.reduce((s, n) => s + n, 0)).toBe(answering.length);
      if (q === 2) {
        // Revealed at the server's deadline, not before, on both processes alike.
        for (const { at } of arrivals) expect(at - openedAt).toBeGreaterThanOrEqual(SECONDS * 1000 - 1_000);
        const times = arrivals.map((x) => x.at);
        expect(Math.max(...times) - Math.min(...times)).toBeLessThan(2_000);
      }
      const results = await Promise.all(players.map((p) => p.client.take('player:result', 15_000)));
      for (const [i, r] of results.entries()) {
        const p = players[i]!;
        const chosen = i < answering.length ? (i + q) % options.length : null;
        expect(r.optionIndex).toBe(chosen);
        expect(r.correct).toBe(chosen === reveals[0]!.correctIndex);
        totals.set(p.nickname, totals.get(p.nickname)! + r.points);
        expect(r.score).toBe(totals.get(p.nickname));
      }
      okData(await host.call('game:next', {}));
      if (q < 2) {
        const boards = await Promise.all(everyone.map((c) => c.take('leaderboard:show', 15_000)));
        for (const board of boards) expect(board).toEqual(boards[0]);
        const best = [...totals.values()].sort((x, y) => y - x);
        expect(boards[0]!.top.map((e) => e.score)).toEqual(best.slice(0, boards[0]!.top.length));
        okData(await host.call('game:next', {}));
      }
    }
    const podiums = await Promise.all(everyone.map((c) => c.take('podium:show', 15_000)));
    for (const p of podiums) expect(p).toEqual(podiums[0]);
    okData(await host.call('game:end', {}));
    await Promise.all(everyone.map((c) => c.take('room:closed', 15_000)));
    for (const p of players) assertNoLeak(p.client, p.nickname);

    // The report, asked of the process that did not own the game, matches what players saw,
    // and every answer's points follow the formula from its stored time.
    const report = await api<GameReport>(b, 'GET', `/api/games/${game.gameId}/report`);
    expect(report.game.status).toBe('finished');
    expect(report.players).toHaveLength(PLAYERS);
    for (const rp of report.players) {
      expect(rp.score).toBe(totals.get(rp.nickname));
      let streak = 0;
      for (const answer of rp.answers) {
        const correct = answer.status === 'correct';
        const expected = answer.optionIndex === null ? { points: 0, streak: 0 } : pointsFor({ correct, elapsedMs: answer.timeMs!, totalMs: SECONDS * 1000, streakBefore: streak, mode: 'speed' });
        expect(answer.points, `${rp.nickname} question ${answer.questionIndex}`).toBe(expected.points);
        streak = expected.streak;
      }
    }
    expect(report.players.find((p) => p.nickname === `Player ${PLAYERS}`)!.answers[2]!.optionIndex).toBeNull();
  });

  it('share one join budget per address across processes', async () => {
    const rule = { points: 3, duration: 60 };
    const one = new Limiter(rule, { redis: world.redis.redis, keyPrefix: 'qn:rl:test' });
    const two = new Limiter(rule, { redis: world.redis.redis, keyPrefix: 'qn:rl:test' });
    expect([await one.take('10.0.0.1'), await two.take('10.0.0.1'), await one.take('10.0.0.1')]).toEqual([true, true, true]);
    expect(await two.take('10.0.0.1')).toBe(false);
    expect(await two.take('10.0.0.2')).toBe(true);
  });
});
