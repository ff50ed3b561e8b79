// GET /api/games (host): past games newest first with their figures, paginated. Also the
// report of a game written without GameQuestion.askedAt (the fallback counting rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameHistoryItem, GameReport } from '../shared/report-types.js';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { HOST_HASH, seedGame, type Fixture } from './results-fixture.js';

let tdb: TestDatabase;
let app: RunningApp;
let fx: Fixture;
let oldId: string;
let newId: string;
let kim: string;

const day = (iso: string, seconds = 0) => new Date(Date.parse(iso) + seconds * 1000);

beforeAll(async () => {
  tdb = await createTestDatabase();
  const prisma = tdb.db.prisma;
  fx = await seedGame(prisma);

  // An older game whose deck is gone and whose questions carry no askedAt: question 3 was
  // never answered by anyone, so it counts as not reached. Kim answered question 1 (wrong)
  // and was kicked before anyone answered question 2.
  const t = '2026-02-01T18:00:00.000Z';
  const old = await prisma.game.create({
    data: { code: 'OLD234', deckName: 'Old deck', settings: {}, seed: 's', status: 'ended', hostTokenHash: HOST_HASH, createdAt: day(t), endedAt: day(t, 900) },
  });
  oldId = old.id;
  const qs = await Promise.all(
    [0, 1, 2].map((index) =>
      prisma.gameQuestion.create({
        data: { gameId: old.id, index, qid: `o${index}`, kind: 'cloze', prompt: `Old ${index}`, options: ['a', 'b'], answerIndex: 0, topic: ['Old'], file: 'x.md', line: 1, explanation: '' },
      }),
    ),
  );
  const player = (nickname: string, kickedAt: Date | null) =>
    prisma.player.create({ data: { gameId: old.id, nickname, nicknameKey: nickname.toLowerCase(), sessionTokenHash: 'h', kickedAt } });
  const zed = (await player('Zed', null)).id;
  const kimRow = await player('Kim', day(t, 150));
  kim = kimRow.id;
  const answer = (playerId: string, q: number, optionIndex: number, at: number) =>
    prisma.answer.create({
      data: { gameId: old.id, questionId: qs[q].id, playerId, optionIndex, elapsedMs: 1000, correct: optionIndex === 0, points: optionIndex === 0 ? 500 : 0, createdAt: day(t, at) },
    });
  await answer(zed, 0, 0, 100);
  await answer(kim, 0, 1, 110);
  await answer(zed, 1, 1, 200);

  // A newer game still in its lobby: one player, nothing asked yet.
  const n = '2026-03-10T18:00:00.000Z';
  const fresh = await prisma.game.create({
    data: { code: 'NEW234', deckId: fx.deckId, deckName: 'Science Night: Bio & Chem', settings: {}, seed: 's', status: 'lobby', hostTokenHash: HOST_HASH, createdAt: day(n) },
  });
  newId = fresh.id;
  await prisma.gameQuestion.create({
    data: { gameId: fresh.id, index: 0, qid: 'n0', kind: 'cloze', prompt: 'New', options: ['a', 'b'], answerIndex: 0, topic: [], file: 'x.md', line: 1, explanation: '' },
  });
  await prisma.player.create({ data: { gameId: fresh.id, nickname: 'Early', nicknameKey: 'early', sessionTokenHash: 'h' } });

  app = await startApp(tdb.db);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

async function history(query = ''): Promise<{ items: GameHistoryItem[]; total: string | null }> {
  const res = await fetch(`${app.baseUrl}/api/games${query}`, { headers: app.hostHeaders });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: true; data: GameHistoryItem[] };
  return { items: body.data, total: res.headers.get('x-total-count') };
}

describe('game history', () => {
  it('lists games newest first with players, counted questions and average accuracy', async () => {
    const { items, total } = await history();
    expect(total).toBe('3');
    expect(items).toEqual([
      { id: newId, code: 'NEW234', deckName: 'Science Night: Bio & Chem', createdAt: '2026-03-10T18:00:00.000Z', endedAt: null, status: 'lobby', players: 1, questions: 0, accuracy: null },
      { id: fx.gameId, code: 'QZ2345', deckName: 'Science Night: Bio & Chem', createdAt: '2026-03-05T19:00:00.000Z', endedAt: '2026-03-05T19:10:00.000Z', status: 'ended', players: 4, questions: 4, accuracy: 6 / 14 },
      // Zed 1 of 2; Kim was kicked, so neither counted nor in the accuracy.
      { id: oldId, code: 'OLD234', deckName: 'Old deck', createdAt: '2026-02-01T18:00:00.000Z', endedAt: '2026-02-01T18:15:00.000Z', status: 'ended', players: 1, questions: 2, accuracy: 0.5 },
    ]);
    expect(JSON.stringify(items)).not.toContain(HOST_HASH);
  });

  it('pages with limit and offset', async () => {
    expect((await history('?limit=2')).items.map((g) => g.id)).toEqual([newId, fx.gameId]);
    const page = await history('?limit=2&offset=2');
    expect(page.items.map((g) => g.id)).toEqual([oldId]);
    expect(page.total).toBe('3');
    expect((await history('?offset=5')).items).toEqual([]);
  });

  it('rejects bad paging and callers without the host secret', async () => {
    for (const q of ['?limit=0', '?limit=101', '?offset=-1', '?limit=abc']) {
      const res = await fetch(`${app.baseUrl}/api/games${q}`, { headers: app.hostHeaders });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_PAYLOAD');
    }
    const none = await fetch(`${app.baseUrl}/api/games`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('NOT_HOST');
    const wrong = await fetch(`${app.baseUrl}/api/games`, { headers: { authorization: 'Bearer wrong-secret-0123456789' } });
    expect(wrong.status).toBe(403);
  });
});

describe('report of a game without askedAt', () => {
  it('counts up to the last answered question and places the kick by answer times', async () => {
    const res = await fetch(`${app.baseUrl}/api/games/${oldId}/report`);
    const report = ((await res.json()) as { data: GameReport }).data;
    expect(report.questions.map((q) => q.status)).toEqual(['asked', 'asked', 'not-reached']);
    expect(report.game).toMatchObject({ deckId: null, countedQuestions: 2, playerCount: 1, averageAccuracy: 0.5 });
    expect(report.topics).toEqual([{ name: 'Old', path: ['Old'], questions: 2, asked: 2, correct: 1, accuracy: 0.5, children: [] }]);
    expect(report.kickedPlayers.map((p) => [p.id, p.answers.map((a) => a.status)])).toEqual([[kim, ['wrong', 'not-playing', 'not-reached']]]);
    // Deck gone: no file to show, only the explanation.
    expect(report.hardest.map((h) => [h.index, h.source.context])).toEqual([[1, null]]);
  });
});
