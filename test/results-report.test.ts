// GET /api/games/:gameId/report over real HTTP on a real PostgreSQL database, against the
// game of results-fixture.ts. Every expected figure below is worked out by hand:
//   counted players (not kicked): Ada, Ben (from question 2), Fay, Dan
//   Q0 Cells    Ada ok, Fay Ribosome, Dan none          -> 1/3
//   Q1 Atoms    Ada ok, Fay Electron, Dan none          -> 1/3  (Cat's miss is not counted)
//   Q2 Genetics Ada ok, Ben RNA, Fay RNA, Dan none      -> 1/4
//   Q3 skipped, Q5 never reached                        -> count for nobody
//   Q4 Atoms    Ada, Ben, Fay ok, Dan none              -> 3/4
//   Biology 2/7, Chemistry 4/7, group 6/14.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameReport, ReviewNote, TopicCell } from '../shared/report-types.js';
import { openDatabase } from '../server/db/database.js';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { HOST_HASH, SESSION_HASH, seedGame, type Fixture } from './results-fixture.js';

let tdb: TestDatabase;
let app: RunningApp;
let fx: Fixture;

beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await seedGame(tdb.db.prisma);
  app = await startApp(tdb.db);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

async function getReport(query = ''): Promise<GameReport> {
  const res = await fetch(`${app.baseUrl}/api/games/${fx.gameId}/report${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; data: GameReport };
  expect(body.ok).toBe(true);
  return body.data;
}

const cell = (path: string[], asked: number, correct: number, accuracy: number | null, children: TopicCell[] = []): TopicCell => ({
  path,
  asked,
  correct,
  accuracy,
  children,
});

const source = (file: string, line: number, q: number) => ({ file, line, lineEnd: line, explanation: `Explanation ${q}`, context: null });

describe('game report', () => {
  it('summarises the game and says what the group figures leave out', async () => {
    const { game } = await getReport();
    expect(game).toEqual({
      id: fx.gameId,
      code: 'QZ2345',
      deckId: fx.deckId,
      deckName: 'Science Night: Bio & Chem',
      status: 'ended',
      createdAt: '2026-03-05T19:00:00.000Z',
      startedAt: '2026-03-05T19:00:30.000Z',
      endedAt: '2026-03-05T19:10:00.000Z',
      settings: {
        topics: [['Biology'], ['Chemistry']],
        questionCount: 6,
        secondsPerQuestion: 20,
        kinds: ['def-to-term'],
        scoring: 'speed',
        display: 'devices',
        allowLateJoin: true,
      },
      questionCount: 6,
      countedQuestions: 4,
      playerCount: 4,
      averageAccuracy: 6 / 14,
      excluded: { kickedPlayers: 1, skippedQuestions: 1, notReachedQuestions: 1 },
      countingNote: expect.stringContaining('kicked players (1)'),
    });
  });

  it('gives group accuracy per top-level topic, weakest first, expandable into sub-topics', async () => {
    const { topics, weakestTopics } = await getReport();
    expect(topics).toEqual([
      {
        name: 'Biology',
        path: ['Biology'],
        questions: 2,
        asked: 7,
        correct: 2,
        accuracy: 2 / 7,
        children: [
          { name: 'Genetics', path: ['Biology', 'Genetics'], questions: 1, asked: 4, correct: 1, accuracy: 0.25, children: [] },
          { name: 'Cells', path: ['Biology', 'Cells'], questions: 1, asked: 3, correct: 1, accuracy: 1 / 3, children: [] },
        ],
      },
      {
        name: 'Chemistry',
        path: ['Chemistry'],
        questions: 2,
        asked: 7,
        correct: 4,
        accuracy: 4 / 7,
        children: [{ name: 'Atoms', path: ['Chemistry', 'Atoms'], questions: 2, asked: 7, correct: 4, accuracy: 4 / 7, children: [] }],
      },
    ]);
    // Genetics 25% < Biology 28.6% (but Biology contains Genetics) < Cells 33% < Atoms 57%.
    expect(weakestTopics).toEqual([
      ['Biology', 'Genetics'],
      ['Biology', 'Cells'],
      ['Chemistry', 'Atoms'],
    ]);
  });

  it('lists players in rank order with a heat-map row mirroring the topic tree; kicked players apart', async () => {
    const report = await getReport();
    const row = (p: (typeof report.players)[number]) => ({
      nickname: p.nickname,
      rank: p.rank,
      kicked: p.kicked,
      asked: p.asked,
      correct: p.correct,
      accuracy: p.accuracy,
      topics: p.topics,
    });
    expect(report.players.map(row)).toEqual([
      {
        nickname: 'Ada', rank: 1, kicked: false, asked: 4, correct: 4, accuracy: 1,
        topics: [
          cell(['Biology'], 2, 2, 1, [cell(['Biology', 'Genetics'], 1, 1, 1), cell(['Biology', 'Cells'], 1, 1, 1)]),
          cell(['Chemistry'], 2, 2, 1, [cell(['Chemistry', 'Atoms'], 2, 2, 1)]),
        ],
      },
      {
        nickname: 'Ben "B", Jr', rank: 2, kicked: false, asked: 2, correct: 1, accuracy: 0.5,
        topics: [
          cell(['Biology'], 1, 0, 0, [cell(['Biology', 'Genetics'], 1, 0, 0), cell(['Biology', 'Cells'], 0, 0, null)]),
          cell(['Chemistry'], 1, 1, 1, [cell(['Chemistry', 'Atoms'], 1, 1, 1)]),
        ],
      },
      {
        nickname: 'Fay', rank: 3, kicked: false, asked: 4, correct: 1, accuracy: 0.25,
        topics: [
          cell(['Biology'], 2, 0, 0, [cell(['Biology', 'Genetics'], 1, 0, 0), cell(['Biology', 'Cells'], 1, 0, 0)]),
          cell(['Chemistry'], 2, 1, 0.5, [cell(['Chemistry', 'Atoms'], 2, 1, 0.5)]),
        ],
      },
      {
        nickname: '=2+3', rank: 4, kicked: false, asked: 4, correct: 0, accuracy: 0,
        topics: [
          cell(['Biology'], 2, 0, 0, [cell(['Biology', 'Genetics'], 1, 0, 0), cell(['Biology', 'Cells'], 1, 0, 0)]),
          cell(['Chemistry'], 2, 0, 0, [cell(['Chemistry', 'Atoms'], 2, 0, 0)]),
        ],
      },
    ]);
    expect(report.kickedPlayers.map(row)).toEqual([
      {
        nickname: 'Cat', rank: null, kicked: true, asked: 2, correct: 0, accuracy: 0,
        topics: [
          cell(['Biology'], 1, 0, 0, [cell(['Biology', 'Genetics'], 0, 0, null), cell(['Biology', 'Cells'], 1, 0, 0)]),
          cell(['Chemistry'], 1, 0, 0, [cell(['Chemistry', 'Atoms'], 1, 0, 0)]),
        ],
      },
    ]);
    expect(report.kickedPlayers[0].kickedAt).toBe('2026-03-05T19:02:30.000Z');
    expect(report.players.map((p) => p.joinedAtQuestion)).toEqual([0, 2, 0, 0]);
  });

  it("shows each player's answer to every question, including no answer, skipped and not playing", async () => {
    const { players, kickedPlayers } = await getReport();
    const a = (questionIndex: number, status: string, optionIndex: number | null, option: string | null, timeMs: number | null, points: number, counted = true) => ({
      questionIndex, status, counted, optionIndex, option, timeMs, points,
    });
    const none = (questionIndex: number, status: string, counted = false) => a(questionIndex, status, null, null, null, 0, counted);
    const [ada, ben, fay, dan] = players;
    expect(ada.answers).toEqual([
      a(0, 'correct', 0, 'Mitochondria', 1200, 940),
      a(1, 'correct', 1, 'Neutron', 2500, 880),
      a(2, 'correct', 2, 'DNA', 800, 960),
      // Answered, but the host skipped the question: shown, worth nothing, not counted.
      a(3, 'skipped', 0, 'Covalent', 1000, 0, false),
      a(4, 'correct', 0, 'Neutron', 1500, 925),
      none(5, 'not-reached'),
    ]);
    expect(ben.answers).toEqual([
      none(0, 'not-playing'),
      none(1, 'not-playing'),
      a(2, 'wrong', 0, 'RNA', 6000, 0),
      none(3, 'skipped'),
      a(4, 'correct', 0, 'Neutron', 2000, 900),
      none(5, 'not-reached'),
    ]);
    expect(fay.answers).toEqual([
      a(0, 'wrong', 1, 'Ribosome', 5000, 0),
      a(1, 'wrong', 2, 'Electron', 4000, 0),
      a(2, 'wrong', 0, 'RNA', 7000, 0),
      none(3, 'skipped'),
      a(4, 'correct', 0, 'Neutron', 3000, 850),
      none(5, 'not-reached'),
    ]);
    expect(dan.answers).toEqual([
      none(0, 'no-answer', true),
      none(1, 'no-answer', true),
      none(2, 'no-answer', true),
      none(3, 'skipped'),
      none(4, 'no-answer', true),
      none(5, 'not-reached'),
    ]);
    expect(kickedPlayers[0].answers).toEqual([
      a(0, 'wrong', 1, 'Ribosome', 3000, 0),
      // Question 1 was asked before the kick: a missing answer there counts for Cat.
      none(1, 'no-answer', true),
      none(2, 'not-playing'),
      none(3, 'skipped'),
      none(4, 'not-playing'),
      none(5, 'not-reached'),
    ]);
  });

  it('gives per-question group figures with the most-chosen wrong option', async () => {
    const { questions } = await getReport();
    const figures = questions.map((q) => ({
      index: q.index,
      status: q.status,
      asked: q.asked,
      correct: q.correct,
      wrong: q.wrong,
      noAnswer: q.noAnswer,
      accuracy: q.accuracy,
      optionCounts: q.optionCounts,
      mostChosenWrong: q.mostChosenWrong,
      source: q.source,
    }));
    expect(figures).toEqual([
      { index: 0, status: 'asked', asked: 3, correct: 1, wrong: 1, noAnswer: 1, accuracy: 1 / 3, optionCounts: [1, 1, 0, 0],
        mostChosenWrong: { optionIndex: 1, text: 'Ribosome', count: 1 }, source: source('bio.md', 3, 0) },
      { index: 1, status: 'asked', asked: 3, correct: 1, wrong: 1, noAnswer: 1, accuracy: 1 / 3, optionCounts: [0, 1, 1, 0],
        mostChosenWrong: { optionIndex: 2, text: 'Electron', count: 1 }, source: source('old-chem.md', 9, 1) },
      // The live fact moved to line 7 since the game (the question still says 6).
      { index: 2, status: 'asked', asked: 4, correct: 1, wrong: 2, noAnswer: 1, accuracy: 0.25, optionCounts: [2, 0, 1, 0],
        mostChosenWrong: { optionIndex: 0, text: 'RNA', count: 2 }, source: source('bio.md', 7, 2) },
      { index: 3, status: 'skipped', asked: 0, correct: 0, wrong: 0, noAnswer: 0, accuracy: null, optionCounts: [0, 0, 0, 0],
        mostChosenWrong: null, source: source('bio.md', 1, 3) },
      { index: 4, status: 'asked', asked: 4, correct: 3, wrong: 0, noAnswer: 1, accuracy: 0.75, optionCounts: [3, 0, 0, 0],
        mostChosenWrong: null, source: source('chem.md', 3, 4) },
      { index: 5, status: 'not-reached', asked: 0, correct: 0, wrong: 0, noAnswer: 0, accuracy: null, optionCounts: [0, 0, 0, 0],
        mostChosenWrong: null, source: source('bio.md', 1, 5) },
    ]);
  });

  it('orders the hardest questions by share correct and shows the note in its context', async () => {
    const { hardest } = await getReport();
    expect(hardest.map((h) => [h.index, h.accuracy, h.correctOption, h.mostChosenWrong?.text ?? null, h.mostChosenWrong?.count ?? 0])).toEqual([
      [2, 0.25, 'DNA', 'RNA', 2],
      [0, 1 / 3, 'Mitochondria', 'Ribosome', 1],
      [1, 1 / 3, 'Neutron', 'Electron', 1],
      [4, 0.75, 'Neutron', null, 0],
    ]);
    expect(hardest[0]).toMatchObject({ prompt: 'What carries genetic information?', topic: ['Biology', 'Genetics'], asked: 4, correct: 1, noAnswer: 1 });
    expect(hardest[0].source).toEqual({
      file: 'bio.md',
      line: 7,
      lineEnd: 7,
      explanation: 'Explanation 2',
      context: [
        // As the notes read: the heading without its marks.
        { n: 5, text: 'Genetics', focus: false },
        { n: 6, text: 'Some intro line', focus: false },
        { n: 7, text: '- DNA: carries genetic information', focus: true },
        { n: 8, text: '- RNA: copies of genes', focus: false },
        { n: 9, text: '- Extra line', focus: false },
      ],
    });
    expect(hardest[1].source.context?.map((l) => [l.n, l.focus])).toEqual([[1, false], [2, false], [3, true], [4, false], [5, false]]);
    // Fact and file both gone: the explanation is all there is.
    expect(hardest[2].source).toEqual({ file: 'old-chem.md', line: 9, lineEnd: 9, explanation: 'Explanation 1', context: null });
    // Fact gone, file still in the bank: context around the question's own line.
    expect(hardest[3].source.context).toEqual([
      { n: 1, text: 'Chemistry', focus: false },
      { n: 2, text: 'Atoms', focus: false },
      { n: 3, text: '- Neutron: no charge', focus: true },
      { n: 4, text: '- Proton: positive charge', focus: false },
    ]);
  });

  it("gives each player's weakest topics with the notes to review", async () => {
    const { players, kickedPlayers } = await getReport();
    const f1: ReviewNote = { questionIndex: 0, factId: fx.facts.f1, term: 'Mitochondria', text: 'powerhouse\tof the\ncell', source: source('bio.md', 3, 0) };
    const f2: ReviewNote = { questionIndex: 2, factId: fx.facts.f2, term: 'DNA (role)', text: 'carries genetic information', source: source('bio.md', 7, 2) };
    const q1: ReviewNote = { questionIndex: 1, factId: null, term: 'Which particle has no charge?', text: 'Neutron', source: source('old-chem.md', 9, 1) };
    const weak = (p: (typeof players)[number]) => p.weakestTopics.map((t) => ({ ...t }));
    expect(weak(players[0])).toEqual([]);
    expect(weak(players[1])).toEqual([{ name: 'Genetics', path: ['Biology', 'Genetics'], asked: 1, correct: 0, accuracy: 0, notes: [f2] }]);
    expect(weak(players[2])).toEqual([
      { name: 'Cells', path: ['Biology', 'Cells'], asked: 1, correct: 0, accuracy: 0, notes: [f1] },
      { name: 'Genetics', path: ['Biology', 'Genetics'], asked: 1, correct: 0, accuracy: 0, notes: [f2] },
      { name: 'Atoms', path: ['Chemistry', 'Atoms'], asked: 2, correct: 1, accuracy: 0.5, notes: [q1] },
    ]);
    // Questions 1 and 4 differ only in case and a line break: one note.
    expect(weak(players[3])).toEqual([
      { name: 'Atoms', path: ['Chemistry', 'Atoms'], asked: 2, correct: 0, accuracy: 0, notes: [q1] },
      { name: 'Cells', path: ['Biology', 'Cells'], asked: 1, correct: 0, accuracy: 0, notes: [f1] },
      { name: 'Genetics', path: ['Biology', 'Genetics'], asked: 1, correct: 0, accuracy: 0, notes: [f2] },
    ]);
    expect(weak(kickedPlayers[0])).toEqual([
      { name: 'Cells', path: ['Biology', 'Cells'], asked: 1, correct: 0, accuracy: 0, notes: [f1] },
      { name: 'Atoms', path: ['Chemistry', 'Atoms'], asked: 1, correct: 0, accuracy: 0, notes: [q1] },
    ]);
  });

  it('adds a "you" section with context for ?player=, kicked players included', async () => {
    const report = await getReport(`?player=${fx.players.fay}`);
    const you = report.you!;
    expect({ ...you, weakestTopics: undefined }).toEqual({
      playerId: fx.players.fay, nickname: 'Fay', rank: 3, tied: false, score: 850, kicked: false, asked: 4, correct: 1, accuracy: 0.25, weakestTopics: undefined,
    });
    expect(you.weakestTopics.map((t) => t.notes.map((n) => [n.questionIndex, n.source.context?.find((l) => l.focus)?.text ?? null]))).toEqual([
      [[0, '- Mitochondria: powerhouse of the cell']],
      [[2, '- DNA: carries genetic information']],
      [[1, null]],
    ]);
    // The full list stays light: contexts only in `you` and `hardest`.
    expect(report.players[2].weakestTopics[0].notes[0].source.context).toBeNull();
    expect((await getReport()).you).toBeUndefined();
    const cat = await getReport(`?player=${fx.players.cat}`);
    expect(cat.you).toMatchObject({ nickname: 'Cat', kicked: true, rank: null, asked: 2, correct: 0 });
  });

  it('never sends token hashes', async () => {
    const text = JSON.stringify(await getReport(`?player=${fx.players.ada}`));
    expect(text).not.toContain(HOST_HASH);
    expect(text).not.toContain(SESSION_HASH);
    expect(text).not.toMatch(/hash/i);
  });

  it('answers 404 for an unknown game or player, in the envelope', async () => {
    for (const path of ['/api/games/cnotarealgame000000000000/report', '/api/games/bad%20id!/report']) {
      const res = await fetch(`${app.baseUrl}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_GAME', message: expect.any(String) } });
    }
    const res = await fetch(`${app.baseUrl}/api/games/${fx.gameId}/report?player=nobody`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_PLAYER');
  });

  it('is read from the database: a new app on a new connection gives the same report', async () => {
    const before = await getReport(`?player=${fx.players.ben}`);
    await app.close();
    // A second connection to the same database: nothing can come from the first app's memory.
    const reopened = await openDatabase({ databaseUrl: tdb.url, dataDir: '' });
    try {
      app = await startApp(reopened);
      const after = await getReport(`?player=${fx.players.ben}`);
      expect(after).toEqual(before);
      expect(after.game.averageAccuracy).toBe(6 / 14);
      expect(after.you?.weakestTopics.map((t) => t.path)).toEqual([['Biology', 'Genetics']]);
    } finally {
      await app.close();
      await reopened.close();
      app = await startApp(tdb.db);
    }
  });
});
