// Start-up after a stop: unfinished games come back (paused, players offline until they
// resume), unless their server was down longer than the resume window; then they are closed
// as interrupted with the standings of their last snapshot, and their report still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameReport } from '../shared/report-types.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
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

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb?.drop());

/** A game in its first question's answer window with Ann's answer stored; then the server stops. */
async function stoppedMidQuestion() {
  const clock = new ManualClock();
  const before = await startRoomsServer(tdb.db, { clock });
  const game = await createGame(before, { questionCount: 2, secondsPerQuestion: 10 });
  const host = await attachHost(before, game);
  const ann = await joinPlayer(before, game.code, 'Ann');
  const bob = await joinPlayer(before, game.code, 'Bob');
  okData(await host.call('game:start', {}));
  clock.advance(3_000);
  await ann.client.take('question:open');
  clock.advance(4_000);
  const q = makeQuestions(2)[0]!;
  okData(await ann.client.call('answer:submit', { questionId: q.id, optionIndex: q.answerIndex }));
  for (const c of [host, ann.client, bob.client]) c.close();
  await before.close();
  return { game, ann, bob, q };
}

describe('start-up with unfinished games', () => {
  let after: RoomsServer;
  afterAll(() => after?.close());

  it('restores a game within the window, and closes one that was down too long', async () => {
    const recent = await stoppedMidQuestion();
    const stale = await stoppedMidQuestion();
    // The stale game's last sign of life is three hours old.
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    await tdb.db.prisma.game.update({ where: { id: stale.game.gameId }, data: { snapshotAt: threeHoursAgo } });
    await tdb.db.prisma.answer.updateMany({ where: { gameId: stale.game.gameId }, data: { createdAt: threeHoursAgo } });

    const clock = new ManualClock();
    after = await startRoomsServer(tdb.db, { clock });
    const summary = await after.app.rooms.restore(60 * 60_000);
    expect(summary.restored).toContain(recent.game.gameId);
    expect(summary.interrupted).toContain(stale.game.gameId);

    // The restored game: paused with the 6 s it had left, Ann's answer and Bob's seat kept.
    const ann = await new TestClient(after.baseUrl).ready();
    const view = okData(await ann.call('room:resume', { token: recent.ann.token })).view;
    expect(view.paused).toBe(true);
    expect(view.myAnswer).toBe(recent.q.answerIndex);
    expect(view.stage.phase === 'answering' && view.stage.remainingMs).toBe(6_000);
    const bob = await new TestClient(after.baseUrl).ready();
    okData(await bob.call('room:resume', { token: recent.bob.token }));
    const host = await attachHost(after, recent.game);
    okData(await host.call('game:resume', {}));
    okData(await bob.call('answer:submit', { questionId: recent.q.id, optionIndex: (recent.q.answerIndex + 1) % 4 }));
    const reveal = await host.take('question:reveal');
    expect(reveal.answered).toBe(2);

    // The interrupted game: closed, its tokens say so, its report works.
    const row = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: stale.game.gameId } });
    expect(row.status).toBe('interrupted');
    expect(row.endedAt).not.toBeNull();
    const late = await new TestClient(after.baseUrl).ready();
    expect(await late.call('room:resume', { token: stale.ann.token })).toMatchObject({ ok: false, error: { code: 'GAME_FINISHED' } });
    const res = await fetch(`${after.baseUrl}/api/games/${stale.game.gameId}/report`);
    expect(res.status).toBe(200);
    const report = ((await res.json()) as { data: GameReport }).data;
    expect(report.game.status).toBe('interrupted');
    expect(report.players.map((p) => p.nickname).sort()).toEqual(['Ann', 'Bob']);
    for (const c of [ann, bob, host, late]) c.close();
  });
});
