// Restoring a game from its snapshot and stored answers (pure): the same scores as if the
// server had never stopped, every stored answer counted once, the time left kept, and
// everyone offline until they come back.
import { describe, expect, it } from 'vitest';
import { createGame, reduce } from '../server/game/reducer.js';
import { restoreState, takeSnapshot, type Snapshot, type StoredAnswer } from '../server/game/restore.js';
import { remainingMs } from '../server/game/state.js';
import { playerView } from '../server/game/views.js';
import { seatGet } from '../server/game/seat-table.js';
import type { Command, GameState, ServerQuestion } from '../server/game/types.js';

const questions: ServerQuestion[] = [0, 1].map((n) => ({
  id: `q${n + 1}`,
  kind: 'def-to-term',
  prompt: `Prompt ${n}?`,
  options: ['A', 'B', 'C', 'D'],
  answerIndex: n,
  topic: ['Unit'],
  file: 'notes.md',
  line: n + 1,
  explanation: 'Because.',
}));

function run(state: GameState, command: Command, now: number): GameState {
  const result = reduce(state, command, now);
  if (result.error) throw new Error(`${command.type}: ${result.error.code}`);
  return result.state;
}

/** Three players in the answer window of question 1, opened at t = 13,000. */
function openGame(): GameState {
  let s = createGame({
    gameId: 'g1',
    code: 'ABC234',
    settings: {
      deckId: 'd',
      topics: [],
      questionCount: 2,
      secondsPerQuestion: 10,
      kinds: ['def-to-term'],
      scoring: 'speed',
      display: 'devices',
      allowLateJoin: true,
      playerCap: 50,
      autoAdvanceSeconds: 0,
    },
    questions,
  });
  for (const name of ['Ann', 'Bob', 'Cy']) s = run(s, { type: 'addPlayer', nickname: name }, 10_000);
  s = run(s, { type: 'start' }, 10_000);
  s = run(s, { type: 'tick' }, s.timerAt!);
  expect(s.phase).toBe('answering');
  return s;
}

const answer = (s: GameState, playerId: string, optionIndex: number, now: number) =>
  run(s, { type: 'submitAnswer', playerId, questionId: s.questions[s.round!.index].id, optionIndex }, now);

/** Through JSON, as the database keeps it. */
const stored = (s: GameState, clockAt: number): Snapshot => JSON.parse(JSON.stringify(takeSnapshot(s, clockAt)));

describe('restoring a game', () => {
  it('replays the answers stored after the snapshot and scores them as the live game did', () => {
    const open = openGame();
    const openedAt = open.round!.openedAt!;
    const snapshot = stored(open, openedAt);
    let live = answer(open, 'p1', 0, openedAt + 2_000);
    live = answer(live, 'p2', 1, openedAt + 4_000);
    const rows: StoredAnswer[] = [
      { seat: 0, questionIndex: 0, optionIndex: 0, elapsedMs: 2_000 },
      { seat: 1, questionIndex: 0, optionIndex: 1, elapsedMs: 4_000 },
    ];

    const now = 5_000_000;
    const back = restoreState(snapshot, questions, rows, now);
    expect(back.phase).toBe('answering');
    expect(back.pausedAt).toBe(now);
    expect(back.timerAt).toBeNull();
    // Last known alive at the second answer: 6 of the 10 seconds were left.
    expect(remainingMs(back, now)).toBe(6_000);
    expect(back.players.every((p) => !p.connected)).toBe(true);
    expect(back.round!.pending).toBe(0);
    for (const seat of [0, 1]) {
      const { at: _a, ...was } = seatGet(live.round!.answers, seat)!;
      const { at: _b, ...is } = seatGet(back.round!.answers, seat)!;
      expect(is).toEqual(was);
    }
    expect(back.round!.counts).toEqual(live.round!.counts);

    // Everyone comes back, the host resumes, Cy answers, the question closes: the same
    // scores as a game that never stopped, with Cy answering at the same point of the question.
    let s = back;
    for (const id of ['p1', 'p2', 'p3']) s = run(s, { type: 'resumePlayer', playerId: id }, now + 1_000);
    expect(s.round!.pending).toBe(1);
    s = run(s, { type: 'resume' }, now + 2_000);
    s = answer(s, 'p3', 0, now + 3_000);
    live = answer(live, 'p3', 0, openedAt + 4_000 + 1_000);
    expect(s.phase).toBe('reveal');
    expect(live.phase).toBe('reveal');
    expect(s.players.map((p) => p.score)).toEqual(live.players.map((p) => p.score));
    expect(s.players.map((p) => p.score)[0]).toBeGreaterThan(0);
  });

  it('counts an answer once when the snapshot already holds it', () => {
    const open = openGame();
    const openedAt = open.round!.openedAt!;
    const withAnn = answer(open, 'p1', 0, openedAt + 1_000);
    // A roster change snapshotted the room after Ann's answer; her row is there too.
    const snapshot = stored(withAnn, openedAt + 1_500);
    const rows: StoredAnswer[] = [
      { seat: 0, questionIndex: 0, optionIndex: 0, elapsedMs: 1_000 },
      { seat: 2, questionIndex: 0, optionIndex: 3, elapsedMs: 3_000 },
      // Rows that cannot belong to this question or room are ignored.
      { seat: 7, questionIndex: 0, optionIndex: 1, elapsedMs: 3_000 },
      { seat: 1, questionIndex: 1, optionIndex: 1, elapsedMs: 3_000 },
    ];
    const back = restoreState(snapshot, questions, rows, 900_000);
    expect(back.round!.answered).toBe(2);
    expect(back.round!.counts).toEqual([1, 0, 0, 1]);
    expect(remainingMs(back, 900_000)).toBe(7_000);
  });

  it('keeps the time a paused question had, however long ago the pause was', () => {
    const open = openGame();
    const openedAt = open.round!.openedAt!;
    const paused = run(open, { type: 'pause' }, openedAt + 2_500);
    const back = restoreState(stored(paused, openedAt + 60_000), questions, [], 42);
    expect(remainingMs(back, 42)).toBe(7_500);
  });

  it('brings a leaderboard back as it was, with no timer and nobody online', () => {
    let s = openGame();
    s = answer(s, 'p1', 0, s.round!.openedAt! + 1_000);
    s = run(s, { type: 'skip' }, s.round!.openedAt! + 2_000);
    s = run(s, { type: 'next' }, s.round!.openedAt! + 3_000);
    expect(s.phase).toBe('leaderboard');
    const back = restoreState(stored(s, 99_999), questions, [], 1);
    expect(back.phase).toBe('leaderboard');
    expect(back.pausedAt).toBeNull();
    expect(back.players.map((p) => [p.score, p.connected])).toEqual(s.players.map((p) => [p.score, false]));
    // The host goes on with the next question.
    expect(run(back, { type: 'next' }, 5).phase).toBe('reading');
  });

  it('keeps auto-advance and brings a pending advance back paused with the wait it had left', () => {
    let s = openGame();
    s = run(s, { type: 'setAutoAdvance', seconds: 8 }, s.round!.openedAt! + 500);
    s = run(s, { type: 'skip' }, s.round!.openedAt! + 1_000);
    expect(s.phase).toBe('reveal');
    const revealedAt = s.advanceAt! - 8_000;
    // Last known alive 3 s into the reveal's wait.
    const back = restoreState(stored(s, revealedAt + 3_000), questions, [], 70);
    expect(back).toMatchObject({ phase: 'reveal', pausedAt: 70, timerAt: null, advanceAt: 5_070 });
    expect(back.settings.autoAdvanceSeconds).toBe(8);
    expect(remainingMs(back, 5_000)).toBe(5_000);

    // The host resumes; the reveal moves on by itself 5 s later, then the leaderboard after 8 s.
    let r = run(back, { type: 'resume' }, 1_000);
    expect(r.timerAt).toBe(6_000);
    r = run(r, { type: 'tick' }, 6_000);
    expect(r.phase).toBe('leaderboard');
    expect(r.timerAt).toBe(14_000);
  });

  it('reads a snapshot from before auto-advance as a game with it off', () => {
    let s = openGame();
    s = run(s, { type: 'skip' }, s.round!.openedAt! + 1_000);
    const old = stored(s, 99_999) as unknown as { state: Record<string, unknown> & { settings: Record<string, unknown> } };
    delete old.state.advanceAt;
    delete old.state.settings.autoAdvanceSeconds;
    const back = restoreState(old as unknown as Snapshot, questions, [], 1);
    expect(back).toMatchObject({ phase: 'reveal', pausedAt: null, advanceAt: null, settings: { autoAdvanceSeconds: 0 } });
    expect(run(back, { type: 'next' }, 5).timerAt).toBeNull();
  });

  it('brings back a reveal from a snapshot taken before previous ranks and turnout were kept', () => {
    let s = openGame();
    s = answer(s, 'p1', 0, s.round!.openedAt! + 1_000);
    s = answer(s, 'p2', 1, s.round!.openedAt! + 2_000);
    s = run(s, { type: 'tick' }, s.timerAt!);
    expect(s.phase).toBe('reveal');
    const old = stored(s, 99_999);
    delete (old.state as Partial<GameState>).prevRankOf;
    delete (old.state.round as Partial<NonNullable<GameState['round']>>).turnout;
    const back = restoreState(old, questions, [], 1);
    expect(back.round!.turnout).toEqual({ players: 3, noAnswer: 1 });
    expect(playerView(back, 'p2', 1)).toMatchObject({
      stage: { phase: 'reveal', reveal: { answered: 2, players: 3, noAnswer: 1 } },
      me: { rank: 2, tied: true, moved: null },
    });
  });
});
