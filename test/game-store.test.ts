// The live games' batched write, on PostgreSQL and on the embedded PGlite: one write call
// carrying two games and every kind of row lands each row on its own game, leaves fields a
// patch does not name alone, and can be repeated without changing anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameSettings } from '../shared/game-types.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { playerRowId, prismaGameStore, questionRowId, type GameWrite } from '../server/rooms/game-store.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { makeQuestions } from './support/socket-clients.js';

const SETTINGS: GameSettings = {
  deckId: 'fixed',
  topics: [],
  questionCount: 3,
  secondsPerQuestion: 10,
  kinds: ['def-to-term'],
  scoring: 'speed',
  display: 'devices',
  allowLateJoin: true,
  playerCap: 50,
  autoAdvanceSeconds: 0,
};

const at = (s: number) => new Date(Date.UTC(2026, 10, 21, 18, 0, s, 250));

function player(gameId: string, seat: number, nickname: string) {
  return {
    id: playerRowId(gameId, `p${seat}`),
    nickname,
    nicknameKey: nickname.toLowerCase(),
    sessionTokenHash: `hash-${gameId}-${seat}`,
    joinedAt: at(seat),
    joinedAtQuestion: seat === 2 ? 1 : 0,
  };
}

function answer(gameId: string, seat: number, index: number, optionIndex: number, correct: boolean) {
  return {
    questionId: questionRowId(gameId, index),
    playerId: playerRowId(gameId, `p${seat}`),
    optionIndex,
    elapsedMs: 1_000 + seat,
    correct,
    points: correct ? 900 : 0,
    createdAt: at(10 + index),
  };
}

const empty = { players: [], kicks: [], answers: [], skipped: [], asked: [], standings: [], game: {} };

describe.each(['postgres', 'pglite'] as const)('batched game writes on %s', (kind) => {
  let db: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const tdb: TestDatabase = await createTestDatabase();
      db = tdb.db;
      cleanup = () => tdb.drop();
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-store-'));
      db = await openDatabase({ dataDir });
      await db.migrate();
      cleanup = async () => {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      };
    }
  }, 60_000);

  afterAll(async () => cleanup?.());

  it('writes two games in one call, row by row on the right game, and a repeat changes nothing', async () => {
    const store = prismaGameStore(db.prisma);
    for (const id of ['gA', 'gB']) {
      await store.createGame({ id, code: `CODE${id}`, deckId: null, deckName: 'Deck', settings: SETTINGS, seed: 's', hostTokenHash: 'h', questions: makeQuestions(3).map((q) => ({ ...q, factId: null })) });
    }
    // Lobby and first question: players join, game A starts, question 0 is asked in both.
    const first: GameWrite[] = [
      { ...empty, gameId: 'gA', players: [player('gA', 0, 'Ann'), player('gA', 1, 'Bob'), player('gA', 2, 'Cy')], asked: [{ index: 0, at: at(5) }], game: { status: 'playing', startedAt: at(4) } },
      { ...empty, gameId: 'gB', players: [player('gB', 0, 'Ann')], asked: [{ index: 0, at: at(6) }] },
    ];
    await store.write(first);
    // Answers, a kick, a skipped question and the end of game A; B only answers.
    const second: GameWrite[] = [
      {
        ...empty,
        gameId: 'gA',
        kicks: [{ id: playerRowId('gA', 'p1'), at: at(20) }],
        answers: [answer('gA', 0, 0, 1, true), answer('gA', 1, 0, 3, false), answer('gA', 2, 1, 2, false)],
        asked: [{ index: 1, at: at(21) }],
        skipped: [2],
        standings: [
          { id: playerRowId('gA', 'p0'), score: 900, rank: 1 },
          { id: playerRowId('gA', 'p2'), score: 0, rank: 2 },
        ],
        game: { status: 'finished', endedAt: at(30) },
      },
      { ...empty, gameId: 'gB', answers: [answer('gB', 0, 0, 0, false)] },
    ];
    await store.write(second);

    const snapshot = async () => ({
      games: await db.prisma.game.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, startedAt: true, endedAt: true } }),
      players: await db.prisma.player.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, gameId: true, nickname: true, joinedAt: true, joinedAtQuestion: true, kickedAt: true, score: true, finalRank: true },
      }),
      answers: await db.prisma.answer.findMany({
        orderBy: [{ gameId: 'asc' }, { playerId: 'asc' }, { questionId: 'asc' }],
        select: { gameId: true, questionId: true, playerId: true, optionIndex: true, elapsedMs: true, correct: true, points: true, createdAt: true },
      }),
      questions: await db.prisma.gameQuestion.findMany({ orderBy: [{ gameId: 'asc' }, { index: 'asc' }], select: { gameId: true, index: true, askedAt: true, skipped: true } }),
    });
    const rows = await snapshot();

    expect(rows.games).toEqual([
      { id: 'gA', status: 'finished', startedAt: at(4), endedAt: at(30) },
      { id: 'gB', status: 'lobby', startedAt: null, endedAt: null },
    ]);
    expect(rows.players.map((p) => [p.id, p.gameId, p.nickname, p.joinedAtQuestion, p.kickedAt, p.score, p.finalRank])).toEqual([
      ['gA-p0', 'gA', 'Ann', 0, null, 900, 1],
      ['gA-p1', 'gA', 'Bob', 0, at(20), 0, null],
      ['gA-p2', 'gA', 'Cy', 1, null, 0, 2],
      ['gB-p0', 'gB', 'Ann', 0, null, 0, null],
    ]);
    expect(rows.players[2].joinedAt).toEqual(at(2));
    expect(rows.answers).toEqual([
      { gameId: 'gA', questionId: 'gA-q0', playerId: 'gA-p0', optionIndex: 1, elapsedMs: 1000, correct: true, points: 900, createdAt: at(10) },
      { gameId: 'gA', questionId: 'gA-q0', playerId: 'gA-p1', optionIndex: 3, elapsedMs: 1001, correct: false, points: 0, createdAt: at(10) },
      { gameId: 'gA', questionId: 'gA-q1', playerId: 'gA-p2', optionIndex: 2, elapsedMs: 1002, correct: false, points: 0, createdAt: at(11) },
      { gameId: 'gB', questionId: 'gB-q0', playerId: 'gB-p0', optionIndex: 0, elapsedMs: 1000, correct: false, points: 0, createdAt: at(10) },
    ]);
    expect(rows.questions.map((q) => [q.gameId, q.index, q.askedAt, q.skipped])).toEqual([
      ['gA', 0, at(5), false],
      ['gA', 1, at(21), false],
      ['gA', 2, null, true],
      ['gB', 0, at(6), false],
      ['gB', 1, null, false],
      ['gB', 2, null, false],
    ]);

    // A retried batch (its first attempt stored part of it) is harmless: same rows, and a
    // later kick or asked time does not overwrite the first.
    await store.write(first);
    await store.write([{ ...second[0]!, kicks: [{ id: playerRowId('gA', 'p1'), at: at(40) }], asked: [{ index: 1, at: at(41) }] }, second[1]!]);
    expect(await snapshot()).toEqual(rows);
  });

  it('stores a snapshot only from the newest owner when several processes share the game', async () => {
    const store = prismaGameStore(db.prisma);
    await store.createGame({ id: 'gF', code: 'CODEGF', deckId: null, deckName: 'Deck', settings: SETTINGS, seed: 's', hostTokenHash: 'h', questions: makeQuestions(3).map((q) => ({ ...q, factId: null })) });
    const snap = (tag: string) => ({ version: 1, tag }) as never;
    const read = async () => (await db.prisma.game.findUniqueOrThrow({ where: { id: 'gF' }, select: { snapshot: true, ownerFence: true } }));
    await store.write([{ ...empty, gameId: 'gF', snapshot: { value: snap('owner 1'), at: at(1), fence: 1 } }]);
    // The next owner (fence 2) took over; a late write of the first owner is refused.
    await store.write([{ ...empty, gameId: 'gF', snapshot: { value: snap('owner 2'), at: at(2), fence: 2 } }]);
    await store.write([{ ...empty, gameId: 'gF', snapshot: { value: snap('owner 1, late'), at: at(3), fence: 1 } }]);
    expect(await read()).toEqual({ snapshot: { version: 1, tag: 'owner 2' }, ownerFence: 2 });
    // One process (no fence) always writes, and keeps the fence as it was.
    await store.write([{ ...empty, gameId: 'gF', snapshot: { value: snap('single'), at: at(4) } }]);
    expect(await read()).toEqual({ snapshot: { version: 1, tag: 'single' }, ownerFence: 2 });
  });
});
