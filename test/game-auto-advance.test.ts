// Auto-advance in the pure reducer, on a hand-driven clock: a reveal and a leaderboard move on
// by themselves N seconds after they appeared, a pause keeps the time that was left, the
// host's "next" goes early, and the setting is checked and can change during the game.
import { describe, expect, it } from 'vitest';
import type { GameSettings } from '../shared/game-types.js';
import { createGame, reduce } from '../server/game/reducer.js';
import type { Command, Effect, GameState, ReduceResult, ServerQuestion } from '../server/game/types.js';
import { hostView } from '../server/game/views.js';

const READING = 3_000;
const T = 10_000;

function questions(count: number): ServerQuestion[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `q${i + 1}`,
    kind: 'def-to-term' as const,
    prompt: `Prompt ${i + 1}?`,
    options: ['A', 'B', 'C', 'D'],
    answerIndex: 0,
    topic: ['Unit'],
    file: 'notes.md',
    line: i + 1,
    explanation: 'Because.',
  }));
}

/** A room on a manual clock; `effects` holds the last command's effects. */
class Room {
  state: GameState;
  now = 100_000;
  effects: Effect[] = [];

  constructor(autoAdvanceSeconds: number, count = 2) {
    const settings: GameSettings = {
      deckId: 'd',
      topics: [],
      questionCount: count,
      secondsPerQuestion: T / 1000,
      kinds: ['def-to-term'],
      scoring: 'speed',
      display: 'devices',
      allowLateJoin: true,
      playerCap: 50,
      autoAdvanceSeconds,
    };
    this.state = createGame({ gameId: 'g1', code: 'ABC234', settings, questions: questions(count) });
    this.ok({ type: 'addPlayer', nickname: 'Ann' });
  }

  send(command: Command): ReduceResult {
    const result = reduce(Object.freeze(this.state), command, this.now);
    this.state = result.state;
    this.effects = result.effects;
    return result;
  }

  ok(command: Command): ReduceResult {
    const result = this.send(command);
    if (result.error) throw new Error(`${command.type}: ${result.error.code}`);
    return result;
  }

  later(ms: number): this {
    this.now += ms;
    return this;
  }

  /** The room's timer fires at `ms` after now. */
  tickIn(ms: number): ReduceResult {
    return this.later(ms).ok({ type: 'tick' });
  }

  /** From the lobby or a leaderboard to the reveal of the next question (Ann answers at once). */
  toReveal(): void {
    this.ok({ type: this.state.phase === 'lobby' ? 'start' : 'next' });
    this.tickIn(READING);
    this.ok({ type: 'submitAnswer', playerId: 'p1', questionId: this.state.questions[this.state.round!.index].id, optionIndex: 0 });
    expect(this.state.phase).toBe('reveal');
  }

  sent(event: string): unknown[] {
    return this.effects.filter((e) => 'event' in e && e.event === event).map((e) => ('payload' in e ? e.payload : null));
  }

  schedules(): (number | null)[] {
    return this.effects.filter((e) => e.type === 'schedule').map((e) => (e as { at: number | null }).at);
  }
}

describe('auto-advance on', () => {
  it('moves from the reveal to the leaderboard, and on to the next question, N seconds apart', () => {
    const r = new Room(8);
    r.toReveal();
    const revealedAt = r.now;
    expect(r.state.timerAt).toBe(revealedAt + 8_000);
    expect(r.schedules()).toEqual([revealedAt + 8_000]);
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 8, remainingMs: 8_000 }]);
    expect(hostView(r.state, r.now + 3_000).advanceMs).toBe(5_000);

    // A timer that fires a little early changes nothing and is armed again.
    const early = r.tickIn(7_999);
    expect(early.state.phase).toBe('reveal');
    expect(r.schedules()).toEqual([revealedAt + 8_000]);

    r.tickIn(1);
    expect(r.state.phase).toBe('leaderboard');
    expect(r.sent('leaderboard:show')).toHaveLength(1);
    expect(r.state.timerAt).toBe(r.now + 8_000);
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 8, remainingMs: 8_000 }]);

    r.tickIn(8_000);
    expect(r.state.phase).toBe('reading');
    expect(r.state.round!.index).toBe(1);
    expect(r.state.advanceAt).toBeNull();
    expect(r.state.timerAt).toBe(r.now + READING);
    expect(hostView(r.state, r.now).advanceMs).toBeNull();
  });

  it('goes from the last reveal to the podium, and stays there', () => {
    const r = new Room(5, 1);
    r.toReveal();
    r.tickIn(5_000);
    expect(r.state.phase).toBe('podium');
    expect(r.sent('podium:show')).toHaveLength(1);
    expect(r.state.timerAt).toBeNull();
    expect(r.state.advanceAt).toBeNull();
    expect(r.sent('autoAdvance:state')).toEqual([]);
    // No timer is due: a stray tick an hour later leaves the podium up for the host to close.
    expect(r.tickIn(3_600_000).state.phase).toBe('podium');
  });

  it('keeps the time that was left across a pause, however long', () => {
    const r = new Room(8);
    r.toReveal();
    r.later(3_000).ok({ type: 'pause' });
    expect(r.sent('game:paused')).toEqual([{ remainingMs: 5_000 }]);
    expect(r.schedules()).toEqual([null]);
    expect(hostView(r.state, r.now + 60_000)).toMatchObject({ paused: true, advanceMs: 5_000 });
    // A paused game does not move on, whatever the clock says.
    expect(r.tickIn(60_000).state.phase).toBe('reveal');
    expect(r.send({ type: 'pause' }).error?.code).toBe('GAME_PAUSED');

    r.ok({ type: 'resume' });
    expect(r.sent('game:resumed')).toEqual([{ remainingMs: 5_000 }]);
    expect(r.schedules()).toEqual([r.now + 5_000]);
    expect(r.tickIn(4_999).state.phase).toBe('reveal');
    expect(r.tickIn(1).state.phase).toBe('leaderboard');

    // The leaderboard's wait pauses the same way.
    r.later(1_000).ok({ type: 'pause' });
    r.later(30_000).ok({ type: 'resume' });
    expect(r.sent('game:resumed')).toEqual([{ remainingMs: 7_000 }]);
    expect(r.tickIn(7_000).state.phase).toBe('reading');
  });

  it('lets the host move on early: the pending advance is replaced by the next phase', () => {
    const r = new Room(8);
    r.toReveal();
    const firstAdvance = r.state.timerAt!;
    r.later(2_000).ok({ type: 'next' });
    expect(r.state.phase).toBe('leaderboard');
    // The leaderboard gets its own full wait; the reveal's moment means nothing any more.
    expect(r.state.timerAt).toBe(r.now + 8_000);
    r.now = firstAdvance;
    expect(r.ok({ type: 'tick' }).state.phase).toBe('leaderboard');
    r.ok({ type: 'next' });
    expect(r.state.phase).toBe('reading');
    expect(r.state.timerAt).toBe(r.now + READING);
  });

  it('moving on from a paused reveal ends the pause', () => {
    const r = new Room(8);
    r.toReveal();
    r.later(1_000).ok({ type: 'pause' });
    r.later(1_000).ok({ type: 'next' });
    expect(r.state).toMatchObject({ phase: 'leaderboard', pausedAt: null, timerAt: r.now + 8_000 });
    expect(hostView(r.state, r.now)).toMatchObject({ paused: false, advanceMs: 8_000 });
  });

  it('a skipped question also moves on by itself, and ending the game drops the wait', () => {
    const r = new Room(6);
    r.ok({ type: 'start' });
    r.tickIn(READING);
    r.later(1_000).ok({ type: 'skip' });
    expect(r.state.phase).toBe('reveal');
    expect(r.state.timerAt).toBe(r.now + 6_000);
    r.later(1_000).ok({ type: 'end' });
    expect(r.state).toMatchObject({ phase: 'ended', timerAt: null, advanceAt: null });
    expect(r.schedules()).toEqual([null]);
  });
});

describe('auto-advance off', () => {
  it('waits for the host at the reveal and the leaderboard', () => {
    const r = new Room(0);
    r.toReveal();
    expect(r.state.timerAt).toBeNull();
    expect(r.sent('autoAdvance:state')).toEqual([]);
    expect(hostView(r.state, r.now).advanceMs).toBeNull();
    expect(r.tickIn(600_000).state.phase).toBe('reveal');
    // Nothing to pause while the host decides.
    expect(r.send({ type: 'pause' }).error?.code).toBe('WRONG_PHASE');
    r.ok({ type: 'next' });
    expect(r.state.timerAt).toBeNull();
    expect(r.tickIn(600_000).state.phase).toBe('leaderboard');
  });
});

describe('changing the setting', () => {
  it('refuses anything but 0 or a whole number of seconds in range, changing nothing', () => {
    const r = new Room(8);
    r.toReveal();
    const before = r.state;
    for (const seconds of [-1, 1, 2, 61, 3600, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number, null as unknown as number]) {
      const result = r.send({ type: 'setAutoAdvance', seconds });
      expect(result.error?.code, String(seconds)).toBe('BAD_PAYLOAD');
      expect(result.state).toBe(before);
      expect(result.effects).toEqual([]);
    }
  });

  it('during a reveal: a new length starts the wait again, 0 stops it', () => {
    const r = new Room(8);
    r.toReveal();
    r.later(2_000).ok({ type: 'setAutoAdvance', seconds: 20 });
    expect(r.state.settings.autoAdvanceSeconds).toBe(20);
    expect(r.schedules()).toEqual([r.now + 20_000]);
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 20, remainingMs: 20_000 }]);
    // The same value again changes nothing.
    expect(r.later(5_000).send({ type: 'setAutoAdvance', seconds: 20 })).toMatchObject({ effects: [] });
    expect(r.state.timerAt).toBe(r.now + 15_000);

    r.ok({ type: 'setAutoAdvance', seconds: 0 });
    expect(r.schedules()).toEqual([null]);
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 0, remainingMs: null }]);
    expect(r.tickIn(60_000).state.phase).toBe('reveal');

    r.ok({ type: 'setAutoAdvance', seconds: 3 });
    expect(r.tickIn(3_000).state.phase).toBe('leaderboard');
  });

  it('while paused: the new wait starts when the host resumes', () => {
    const r = new Room(8);
    r.toReveal();
    r.later(1_000).ok({ type: 'pause' });
    r.later(1_000).ok({ type: 'setAutoAdvance', seconds: 10 });
    expect(r.state.timerAt).toBeNull();
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 10, remainingMs: 10_000 }]);
    r.later(5_000).ok({ type: 'resume' });
    expect(r.sent('game:resumed')).toEqual([{ remainingMs: 10_000 }]);
    expect(r.tickIn(10_000).state.phase).toBe('leaderboard');
  });

  it('in the lobby or during a question: only the setting changes, the next reveal uses it', () => {
    const r = new Room(0);
    r.ok({ type: 'setAutoAdvance', seconds: 4 });
    expect(r.state.timerAt).toBeNull();
    expect(r.sent('autoAdvance:state')).toEqual([{ seconds: 4, remainingMs: null }]);
    r.ok({ type: 'start' });
    const readingEnds = r.state.timerAt;
    r.ok({ type: 'setAutoAdvance', seconds: 12 });
    expect(r.state.timerAt).toBe(readingEnds);
    expect(r.state.advanceAt).toBeNull();
    r.tickIn(READING);
    r.ok({ type: 'submitAnswer', playerId: 'p1', questionId: 'q1', optionIndex: 0 });
    expect(r.state.timerAt).toBe(r.now + 12_000);
  });

  it('is refused once the game is over', () => {
    const r = new Room(5);
    r.ok({ type: 'end' });
    expect(r.send({ type: 'setAutoAdvance', seconds: 10 }).error?.code).toBe('GAME_FINISHED');
  });
});
