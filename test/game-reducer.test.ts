import { describe, expect, it } from 'vitest';
import { seatGet } from '../server/game/seat-table.js';
import type { GameSettings, PlayerResult } from '../shared/game-types.js';
import { createGame, reduce } from '../server/game/reducer.js';
import type { Command, Effect, GameState, ReduceResult, ServerQuestion } from '../server/game/types.js';
import { hostView, playerView } from '../server/game/views.js';

// ---- fixtures -----------------------------------------------------------------------

const T = 10_000; // secondsPerQuestion = 10
const GRACE = 250;
const READING = 3_000;

function question(n: number, answerIndex: number): ServerQuestion {
  return {
    id: `q${n}`,
    kind: 'def-to-term',
    prompt: `Prompt ${n}?`,
    options: ['A', 'B', 'C', 'D'].map((o) => `${o}${n}`),
    answerIndex,
    topic: ['Unit', `Topic ${n}`],
    file: 'notes.md',
    line: 10 + n,
    explanation: `Because of ${n}.`,
  };
}

function settings(over: Partial<GameSettings> = {}): GameSettings {
  return {
    deckId: 'deck1',
    topics: [],
    questionCount: 0,
    secondsPerQuestion: T / 1000,
    kinds: ['def-to-term'],
    scoring: 'speed',
    display: 'devices',
    allowLateJoin: true,
    playerCap: 500,
    autoAdvanceSeconds: 0,
    ...over,
  };
}

/** Frozen deeply, so any mutation of a state by the reducer throws (and fails the test). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A fake live room: a manual monotonic clock and a log of every effect. */
class Table {
  state: GameState;
  now = 50_000;
  log: Effect[] = [];

  constructor(answers: number[] = [0, 1, 2], over: Partial<GameSettings> = {}) {
    const questions = answers.map((a, i) => question(i + 1, a));
    this.state = createGame({ gameId: 'g1', code: 'ABC234', settings: settings(over), questions });
  }

  send(command: Command): ReduceResult {
    const result = reduce(deepFreeze(this.state), command, this.now);
    this.state = result.state;
    this.log.push(...result.effects);
    return result;
  }

  ok(command: Command): ReduceResult {
    const result = this.send(command);
    if (result.error) throw new Error(`${command.type} failed: ${result.error.code}`);
    return result;
  }

  join(nickname: string): string {
    return this.ok({ type: 'addPlayer', nickname }).playerId!;
  }

  /** Runs the room's timer: jumps to the due moment and ticks. */
  fire(): ReduceResult {
    this.now = this.state.timerAt!;
    return this.ok({ type: 'tick' });
  }

  /** Sets the clock to `ms` after answers opened (wall time, pauses included). */
  at(ms: number): this {
    this.now = this.state.round!.openedAt! + ms;
    return this;
  }

  answer(playerId: string, optionIndex: number): ReduceResult {
    return this.send({ type: 'submitAnswer', playerId, questionId: this.state.questions[this.state.round!.index].id, optionIndex });
  }

  /** From the lobby or a leaderboard to the open answer window of the next question. */
  toAnswering(): void {
    this.ok({ type: this.state.phase === 'lobby' ? 'start' : 'next' });
    expect(this.state.phase).toBe('reading');
    this.fire();
    expect(this.state.phase).toBe('answering');
  }

  score(playerId: string) {
    const p = this.state.players.find((x) => x.id === playerId)!;
    return { score: p.score, streak: p.streak, time: p.totalAnswerMs };
  }

  events(event: string): Effect[] {
    return this.log.filter((e) => 'event' in e && e.event === event);
  }
}

const payloadOf = (e: Effect | undefined) => (e && 'payload' in e ? e.payload : undefined);
const resultFor = (effects: Effect[], playerId: string) =>
  payloadOf(effects.find((e) => e.type === 'sendToPlayer' && e.event === 'player:result' && e.playerId === playerId));

function threePlayers(answers?: number[], over?: Partial<GameSettings>) {
  const t = new Table(answers, over);
  return { t, a: t.join('Ann'), b: t.join('Bob'), c: t.join('Cy') };
}

// ---- a whole game ---------------------------------------------------------------------

describe('a full game of three players', () => {
  it('runs every phase and scores by the rules', () => {
    const t = new Table([0, 1, 2, 3, 0, 1, 2]);
    const ann = t.join('Ann');
    const cy = t.join('Cy'); // joins before Bob: the time tie-break must beat join order in the list
    const bob = t.join('Bob');
    expect(t.state.phase).toBe('lobby');

    // Q1: Ann under 0.5 s gets the full 1000; everyone answered, so it closes at once.
    t.ok({ type: 'start' });
    expect(t.state.phase).toBe('reading');
    expect(t.state.timerAt).toBe(t.now + READING);
    t.fire();
    expect(t.state.phase).toBe('answering');
    expect(t.state.timerAt).toBe(t.now + T + GRACE);
    t.at(400).answer(ann, 0);
    t.at(5_000).answer(cy, 0);
    const closeQ1 = t.at(5_000).answer(bob, 0);
    expect(t.state.phase).toBe('reveal');
    expect(closeQ1.effects).toContainEqual({ type: 'schedule', at: null });
    expect(t.score(ann)).toEqual({ score: 1000, streak: 1, time: 400 });
    expect(t.score(cy)).toEqual({ score: 750, streak: 1, time: 5_000 });
    // Cy and Bob tie on score (and time): they share 2nd, 250 behind Ann; join order lists Cy first.
    expect(resultFor(closeQ1.effects, bob)).toMatchObject({ points: 750, rank: 2, tied: true, moved: null, gapToAbove: 250, aboveNickname: 'Ann' });
    expect(resultFor(closeQ1.effects, ann)).toMatchObject({ rank: 1, tied: false, gapToAbove: null, aboveNickname: null });
    const lb1 = t.ok({ type: 'next' });
    expect(t.state.phase).toBe('leaderboard');
    expect(payloadOf(lb1.effects.find((e) => e.type === 'broadcast'))).toMatchObject({
      afterIndex: 0,
      totalPlayers: 3,
      top: [
        { nickname: 'Ann', score: 1000, rank: 1 },
        { nickname: 'Cy', score: 750, rank: 2 },
        { nickname: 'Bob', score: 750, rank: 2 },
      ],
    });

    // Q2: at exactly 0.5 s the speed rule applies (975) plus the 2nd-in-a-row bonus.
    // Cy and Bob answer at deadline + grace: accepted, scored as at the deadline.
    t.toAnswering();
    t.at(500).answer(ann, 1);
    expect(t.at(T + GRACE).answer(cy, 1).error).toBeUndefined();
    expect(t.at(T + GRACE).answer(bob, 1).error).toBeUndefined();
    expect(t.state.phase).toBe('reveal');
    expect(t.score(ann)).toEqual({ score: 1000 + 975 + 100, streak: 2, time: 900 });
    expect(t.score(bob)).toEqual({ score: 750 + 500 + 100, streak: 2, time: 15_000 });

    // Q3: both wrong, but Bob much faster than Cy: from here Bob is listed above Cy (same rank).
    t.ok({ type: 'next' });
    t.toAnswering();
    t.at(1_000).answer(ann, 2);
    t.at(2_000).answer(bob, 3);
    t.at(6_000).answer(cy, 3);
    expect(t.score(ann)).toEqual({ score: 2075 + 950 + 200, streak: 3, time: 1_900 });
    expect(t.score(bob)).toEqual({ score: 1350, streak: 0, time: 17_000 });
    expect(t.score(cy)).toEqual({ score: 1350, streak: 0, time: 21_000 });
    expect(t.state.ranking.map((s) => t.state.players[s].nickname)).toEqual(['Ann', 'Bob', 'Cy']);

    // Q4: Cy and Bob do not answer; an early timer does not close, the real one does.
    t.ok({ type: 'next' });
    t.toAnswering();
    t.at(1_000).answer(ann, 3);
    t.at(T);
    const early = t.ok({ type: 'tick' });
    expect(t.state.phase).toBe('answering');
    expect(early.effects).toEqual([{ type: 'schedule', at: t.state.timerAt }]);
    t.fire();
    expect(t.state.phase).toBe('reveal');
    expect(t.score(ann)).toEqual({ score: 3225 + 950 + 300, streak: 4, time: 2_900 });
    expect(t.score(cy)).toEqual({ score: 1350, streak: 0, time: 31_000 }); // a miss counts full time

    // Q5: paused for 4 s in the middle; answer times exclude the pause.
    t.ok({ type: 'next' });
    t.toAnswering();
    t.at(1_000).answer(ann, 0);
    t.at(1_500).ok({ type: 'pause' });
    t.at(5_500).ok({ type: 'resume' });
    t.at(6_500).answer(cy, 0);
    t.at(6_500).answer(bob, 0);
    expect(t.score(ann)).toEqual({ score: 4475 + 950 + 400, streak: 5, time: 3_900 });
    expect(t.score(bob)).toEqual({ score: 1350 + 875, streak: 1, time: 29_500 });

    // Q6: Ann's 6th in a row reaches the +500 cap.
    t.ok({ type: 'next' });
    t.toAnswering();
    const q6 = [t.at(1_000).answer(ann, 1), t.at(2_500).answer(cy, 1), t.at(2_500).answer(bob, 1)];
    expect(resultFor(q6[2].effects, ann)).toMatchObject({ points: 1450, bonus: 500, streak: 6, correct: true, rank: 1 });
    expect(resultFor(q6[2].effects, cy)).toMatchObject({ points: 975, bonus: 100, streak: 2 });

    // Q7 (last): the 7th in a row stays at +500; then podium instead of a leaderboard.
    t.ok({ type: 'next' });
    t.toAnswering();
    const q7 = [t.at(1_000).answer(ann, 2), t.at(3_000).answer(cy, 0), t.at(3_000).answer(bob, 0)];
    expect(resultFor(q7[2].effects, ann)).toMatchObject({ points: 1450, bonus: 500, streak: 7 });
    expect(resultFor(q7[2].effects, cy)).toMatchObject({ points: 0, correct: false, optionIndex: 0, streak: 0 });

    // Ann: 1000 + 1075 + 1150 + 1250 + 1350 + 1450 + 1450.
    expect(t.score(ann)).toEqual({ score: 8725, streak: 7, time: 5_900 });
    // Bob and Cy: 750 + 600 + 0 + 0 + 875 + 975 + 0, equal; Bob was 4 s faster in total.
    expect(t.score(bob)).toEqual({ score: 3200, streak: 0, time: 35_000 });
    expect(t.score(cy)).toEqual({ score: 3200, streak: 0, time: 39_000 });

    const podium = t.ok({ type: 'next' });
    expect(t.state.phase).toBe('podium');
    expect(podium.effects).toContainEqual({
      type: 'broadcast',
      event: 'podium:show',
      payload: {
        totalPlayers: 3,
        top: [
          { playerId: ann, nickname: 'Ann', score: 8725, rank: 1, streak: 7 },
          { playerId: bob, nickname: 'Bob', score: 3200, rank: 2, streak: 0 },
          { playerId: cy, nickname: 'Cy', score: 3200, rank: 2, streak: 0 },
        ],
      },
    });
    const final = podium.effects.find((e) => e.type === 'persist' && e.what === 'final');
    expect(final).toMatchObject({
      standings: [
        { playerId: ann, rank: 1, score: 8725, correctCount: 7 },
        { playerId: bob, rank: 2, score: 3200, correctCount: 4, totalAnswerMs: 35_000 },
        { playerId: cy, rank: 2, score: 3200, correctCount: 4, totalAnswerMs: 39_000 },
      ],
    });

    const ended = t.ok({ type: 'next' });
    expect(t.state.phase).toBe('ended');
    expect(ended.effects).toContainEqual({
      type: 'broadcast',
      event: 'room:closed',
      payload: { reason: 'finished', gameId: 'g1' },
    });
    expect(t.send({ type: 'start' }).error?.code).toBe('GAME_FINISHED');

    // Phase order as persisted, for one question and the end.
    const phases = t.log.filter((e) => e.type === 'persist' && e.what === 'phase').map((e) => (e as { phase: string }).phase);
    expect(phases.slice(0, 4)).toEqual(['reading', 'answering', 'reveal', 'leaderboard']);
    expect(phases.slice(-5)).toEqual(['reading', 'answering', 'reveal', 'podium', 'ended']);
    expect(t.events('question:reveal')).toHaveLength(7);

    // Nothing sent to a client while a question is open may hint at its answer.
    assertNoLeakBeforeReveal(t.log);
  });
});

// ---- the answer never leaves early -----------------------------------------------------

const SECRET_KEYS = new Set(['answerIndex', 'correctIndex', 'correct', 'explanation', 'source', 'points', 'file', 'line']);

function secretKeys(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => secretKeys(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k)) found.push(k);
      secretKeys(v, found);
    }
  }
  return found;
}

const clientBound = (e: Effect) => e.type === 'broadcast' || e.type === 'sendToPlayer' || e.type === 'sendToHost';

function assertNoLeakBeforeReveal(log: Effect[]): void {
  let open = false;
  for (const e of log) {
    if (!clientBound(e) || !('event' in e)) continue;
    if (e.event === 'question:show') open = true;
    if (e.event === 'question:reveal') open = false;
    if (open) expect({ event: e.event, keys: secretKeys(e.payload) }).toEqual({ event: e.event, keys: [] });
  }
}

/** Everything clients got while questions were open (reveal to next question cut out). */
function preRevealTraffic(log: Effect[]): Effect[] {
  let open = false;
  return log.filter((e) => {
    if ('event' in e && e.event === 'question:show') open = true;
    if ('event' in e && e.event === 'question:reveal') open = false;
    return open && clientBound(e);
  });
}

describe('the correct answer', () => {
  /** One scripted game; `views` are snapshots taken while question 1 or 2 was open. */
  function script(answers: number[]) {
    const { t, a, b, c } = threePlayers(answers);
    const q1: unknown[] = [];
    const q2: unknown[] = [];
    t.toAnswering();
    t.at(700).answer(a, 1);
    q1.push(playerView(t.state, a, t.now), playerView(t.state, b, t.now), hostView(t.state, t.now));
    t.ok({ type: 'disconnect', playerId: c });
    t.at(900).ok({ type: 'pause' });
    t.at(1_900).ok({ type: 'resume' });
    t.at(2_000).answer(b, 3);
    t.ok({ type: 'next' });
    t.ok({ type: 'next' });
    expect(t.state.phase).toBe('reading');
    t.fire();
    t.at(300).answer(b, 0);
    q2.push(playerView(t.state, a, t.now), playerView(t.state, b, t.now), hostView(t.state, t.now));
    t.fire();
    return { traffic: preRevealTraffic(t.log), q1, q2, log: t.log };
  }

  it('does not influence anything clients receive before its reveal', () => {
    // Same game, same clicks, different correct options: identical traffic until each reveal.
    const base = script([1, 0, 2]);
    const otherQ1 = script([3, 0, 2]);
    const otherQ2 = script([1, 2, 2]);
    expect(base.traffic.length).toBeGreaterThan(5);
    expect(otherQ1.traffic).toEqual(base.traffic);
    expect(otherQ2.traffic).toEqual(base.traffic);
    expect(otherQ1.q1).toEqual(base.q1);
    expect(otherQ2.q2).toEqual(base.q2);
    for (const run of [base, otherQ1, otherQ2]) {
      assertNoLeakBeforeReveal(run.log);
      expect([...run.q1, ...run.q2].flatMap((v) => secretKeys(v))).toEqual([]);
    }
  });
});

describe('the topic line', () => {
  it('shows only the part of the path that cannot name the answer until the reveal', () => {
    const t = new Table([1]);
    const q = t.state.questions[0];
    // A heading that names the keyed option ("ML instance recommendations") stays hidden.
    t.state = { ...t.state, questions: [{ ...q, topic: ['Model Training', 'Recommendations B1'], shownTopic: ['Model Training'] }] };
    const a = t.join('Ann');
    t.toAnswering();
    const open = [...t.events('question:show'), ...t.events('question:open')].map((e) => payloadOf(e) as { question?: { topic: string[] }; topic?: string[] });
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) expect(p.question?.topic ?? p.topic).toEqual(['Model Training']);
    expect(JSON.stringify(playerView(t.state, a, t.now))).not.toContain('Recommendations');
    expect(JSON.stringify(hostView(t.state, t.now))).not.toContain('Recommendations');
    t.at(500).answer(a, 1);
    t.fire();
    const reveal = payloadOf(t.events('question:reveal')[0]) as { source: { topic: string[] } };
    expect(reveal.source.topic).toEqual(['Model Training', 'Recommendations B1']);
  });
});

// ---- timing ---------------------------------------------------------------------------------

describe('the clock', () => {
  it('pausing moves the deadline by the paused time', () => {
    const { t, a } = threePlayers();
    t.toAnswering();
    const deadline = t.state.round!.deadline!;
    t.at(3_000).ok({ type: 'pause' });
    expect(t.log.at(-1)).toEqual({ type: 'broadcast', event: 'game:paused', payload: { remainingMs: T - 3_000 } });
    expect(t.state.timerAt).toBeNull();
    t.at(7_000);
    expect(playerView(t.state, a, t.now)!.stage).toMatchObject({ phase: 'answering', remainingMs: T - 3_000 });
    expect(t.answer(a, 0).error?.code).toBe('GAME_PAUSED');
    expect(t.send({ type: 'tick' }).state.phase).toBe('answering');
    t.at(8_000).ok({ type: 'resume' });
    expect(t.state.round!.deadline).toBe(deadline + 5_000);
    expect(t.state.timerAt).toBe(deadline + 5_000 + GRACE);
    expect(playerView(t.state, a, t.now)!.stage).toMatchObject({ remainingMs: T - 3_000 });
    // Old deadline passed: still open. Answer time excludes the 5 s pause.
    t.now = deadline + GRACE + 1;
    expect(t.answer(a, 0).error).toBeUndefined();
    expect(seatGet(t.state.round!.answers, 0)!.elapsedMs).toBe(T + GRACE + 1 - 5_000);
    t.fire();
    expect(t.state.phase).toBe('reveal');
  });

  it('pausing while the question is read delays the answers', () => {
    const { t } = threePlayers();
    t.ok({ type: 'start' });
    const opensAt = t.state.timerAt!;
    t.now += 1_000;
    t.ok({ type: 'pause' });
    t.now += 10_000;
    t.ok({ type: 'resume' });
    expect(t.state.timerAt).toBe(opensAt + 10_000);
    t.now = opensAt;
    t.ok({ type: 'tick' });
    expect(t.state.phase).toBe('reading');
    t.fire();
    expect(t.state.phase).toBe('answering');
  });

  it('a timer that fires early changes nothing and asks to be armed again', () => {
    const { t } = threePlayers();
    t.ok({ type: 'start' });
    t.now = t.state.timerAt! - 1;
    const before = t.state;
    const early = t.send({ type: 'tick' });
    expect(early.state).toBe(before);
    expect(early.error).toBeUndefined();
    expect(early.effects).toEqual([{ type: 'schedule', at: before.timerAt }]);
    t.fire();
    t.at(T + GRACE - 1);
    expect(t.send({ type: 'tick' }).state.phase).toBe('answering');
  });

  it('accepts an answer at deadline + grace and rejects one a millisecond later', () => {
    const { t, a, b } = threePlayers();
    t.toAnswering();
    expect(t.at(T + GRACE).answer(a, 0).error).toBeUndefined();
    const before = structuredClone(t.state);
    const late = t.at(T + GRACE + 1).answer(b, 0);
    expect(late.error?.code).toBe('TOO_LATE');
    expect(late.effects).toEqual([]);
    expect(late.state).toEqual(before);
    t.ok({ type: 'tick' }); // the closing timer, running late
    expect(t.state.phase).toBe('reveal');
    expect(t.answer(b, 0).error?.code).toBe('TOO_LATE'); // after the reveal, same question
  });

  it('closes as soon as every connected player has answered', () => {
    const { t, a, b, c } = threePlayers();
    t.toAnswering();
    t.ok({ type: 'disconnect', playerId: c });
    t.at(1_000).answer(a, 0);
    expect(t.state.phase).toBe('answering');
    const last = t.at(2_000).answer(b, 0);
    expect(t.state.phase).toBe('reveal');
    expect(last.effects[0]).toEqual({ type: 'schedule', at: null });
    expect(last.effects.some((e) => 'event' in e && e.event === 'question:reveal')).toBe(true);
    // The disconnected player gets no message now, but the miss is counted.
    expect(resultFor(last.effects, c)).toBeUndefined();
    expect(t.state.players[2].totalAnswerMs).toBe(T);
  });

  it('does not wait for a player who was already offline when answers opened', () => {
    const { t, a, b, c } = threePlayers();
    t.ok({ type: 'start' });
    t.ok({ type: 'disconnect', playerId: c });
    t.fire();
    t.at(1_000).answer(a, 0);
    t.at(1_500).answer(b, 0);
    expect(t.state.phase).toBe('reveal');
  });

  it('does not close early when everyone dropped without answering', () => {
    const { t, a, b, c } = threePlayers();
    t.toAnswering();
    for (const p of [a, b, c]) t.ok({ type: 'disconnect', playerId: p });
    expect(t.state.phase).toBe('answering');
    t.ok({ type: 'resumePlayer', playerId: a });
    t.at(500).answer(a, 0);
    expect(t.state.phase).toBe('reveal');
  });
});

// ---- bad answers ----------------------------------------------------------------------------

describe('answers that must be refused', () => {
  function rejects(t: Table, command: Command, code: string) {
    const ref = t.state;
    const copy = structuredClone(t.state);
    const result = t.send(command);
    expect(result.error?.code).toBe(code);
    expect(result.state).toBe(ref);
    expect(result.state).toEqual(copy);
    expect(result.effects).toEqual([]);
  }

  it('refuses duplicates, other questions, bad options and wrong phases without changing state', () => {
    const { t, a, b } = threePlayers();
    const submit = (playerId: string, questionId: string, optionIndex: number): Command => ({
      type: 'submitAnswer',
      playerId,
      questionId,
      optionIndex,
    });
    rejects(t, submit(a, 'q1', 0), 'WRONG_PHASE'); // lobby
    t.ok({ type: 'start' });
    rejects(t, submit(a, 'q1', 0), 'WRONG_PHASE'); // still reading
    t.fire();
    t.at(1_000).answer(a, 2);
    rejects(t, submit(a, 'q1', 1), 'ALREADY_ANSWERED');
    rejects(t, submit(b, 'q2', 1), 'WRONG_QUESTION');
    rejects(t, submit(b, 'q1', 4), 'BAD_OPTION');
    rejects(t, submit(b, 'q1', -1), 'BAD_OPTION');
    rejects(t, submit(b, 'q1', 1.5), 'BAD_OPTION');
    rejects(t, submit('p99', 'q1', 1), 'UNKNOWN_PLAYER');
    rejects(t, submit('admin', 'q1', 1), 'UNKNOWN_PLAYER');
    expect(t.state.round!.answered).toBe(1);
    expect(t.state.round!.counts).toEqual([0, 0, 1, 0]);
  });

  it('refuses host commands in the wrong phase', () => {
    const t = new Table();
    rejects(t, { type: 'start' }, 'NO_PLAYERS');
    t.join('Ann');
    rejects(t, { type: 'next' }, 'WRONG_PHASE');
    rejects(t, { type: 'skip' }, 'WRONG_PHASE');
    rejects(t, { type: 'pause' }, 'WRONG_PHASE');
    rejects(t, { type: 'resume' }, 'WRONG_PHASE');
    t.toAnswering();
    rejects(t, { type: 'start' }, 'WRONG_PHASE');
    rejects(t, { type: 'next' }, 'WRONG_PHASE');
    t.ok({ type: 'pause' });
    rejects(t, { type: 'pause' }, 'GAME_PAUSED');
    t.ok({ type: 'end' });
    rejects(t, { type: 'resume' }, 'GAME_FINISHED');
    rejects(t, { type: 'addPlayer', nickname: 'Zed' }, 'GAME_FINISHED');
  });

  it('skipping ends the question without scoring it', () => {
    const { t, a, b } = threePlayers([0, 0, 0]);
    t.toAnswering();
    t.at(100).answer(a, 0);
    t.fire();
    t.ok({ type: 'next' });
    t.toAnswering();
    t.at(100).answer(a, 0);
    t.at(200).answer(b, 0);
    const skip = t.ok({ type: 'skip' });
    expect(t.state.phase).toBe('reveal');
    expect(t.score(a)).toEqual({ score: 1000, streak: 1, time: 100 });
    expect(t.score(b)).toEqual({ score: 0, streak: 0, time: T });
    expect(skip.effects).toContainEqual(expect.objectContaining({ type: 'persist', what: 'phase', phase: 'reveal', skipped: true }));
    expect(resultFor(skip.effects, a)).toMatchObject({ skipped: true, points: 0, correct: true, score: 1000 });
    expect(payloadOf(t.events('question:reveal').at(-1))).toMatchObject({ skipped: true, counts: [2, 0, 0, 0], correctIndex: 0 });
  });
});

// ---- who may play ---------------------------------------------------------------------------

describe('the roster', () => {
  it('a kicked player stays out: no resume, no answers, not ranked, nickname kept', () => {
    const { t, a, b } = threePlayers();
    const kick = t.ok({ type: 'kick', playerId: b });
    expect(kick.effects.map((e) => e.type)).toEqual(['sendToPlayer', 'evict', 'sendToHost', 'persist']);
    expect(t.send({ type: 'resumePlayer', playerId: b }).error?.code).toBe('KICKED');
    expect(t.send({ type: 'connect', playerId: b }).error?.code).toBe('KICKED');
    expect(t.send({ type: 'addPlayer', nickname: 'BOB' }).error?.code).toBe('NICKNAME_TAKEN');
    expect(playerView(t.state, b, t.now)).toBeNull();
    t.toAnswering();
    expect(t.answer(b, 0).error?.code).toBe('KICKED');
    t.at(100).answer(a, 0);
    t.at(100).answer(t.state.players[2].id, 0); // Cy; Bob is not waited for
    expect(t.state.phase).toBe('reveal');
    expect(t.state.ranking.map((s) => t.state.players[s].nickname)).toEqual(['Ann', 'Cy']);
    expect(hostView(t.state, t.now).players.map((p) => p.nickname)).toEqual(['Ann', 'Cy']);
  });

  it('a player kicked after answering leaves the reveal\'s counts', () => {
    const { t, a, b, c } = threePlayers();
    t.toAnswering();
    t.at(100).answer(a, 0);
    t.at(200).answer(b, 1);
    const kick = t.ok({ type: 'kick', playerId: b });
    expect(kick.effects).toContainEqual(expect.objectContaining({ type: 'sendToHost', event: 'answers:count', payload: expect.objectContaining({ answered: 1, total: 2 }) }));
    t.at(300).answer(c, 0);
    expect(t.state.phase).toBe('reveal');
    expect(payloadOf(t.events('question:reveal').at(-1))).toMatchObject({ counts: [2, 0, 0, 0], answered: 2, players: 2, noAnswer: 0 });
  });

  it('kicking the last player who had not answered closes the question', () => {
    const { t, a, b, c } = threePlayers();
    t.toAnswering();
    t.at(100).answer(a, 0);
    t.at(100).answer(b, 0);
    t.ok({ type: 'kick', playerId: c });
    expect(t.state.phase).toBe('reveal');
  });

  it('a locked room takes no one new', () => {
    const { t } = threePlayers();
    t.ok({ type: 'lock' });
    expect(t.send({ type: 'addPlayer', nickname: 'Dee' }).error?.code).toBe('ROOM_LOCKED');
    t.ok({ type: 'unlock' });
    expect(t.join('Dee')).toBe('p4');
  });

  it('the player cap counts players who were not kicked', () => {
    const t = new Table(undefined, { playerCap: 2 });
    t.join('Ann');
    const bob = t.join('Bob');
    expect(t.send({ type: 'addPlayer', nickname: 'Cy' }).error?.code).toBe('ROOM_FULL');
    t.ok({ type: 'kick', playerId: bob });
    expect(t.join('Cy')).toBe('p3');
  });

  it('nicknames are unique without regard to case', () => {
    const t = new Table();
    t.join('Straße');
    expect(t.send({ type: 'addPlayer', nickname: 'STRASSE' }).error?.code).toBe('NICKNAME_TAKEN');
    expect(t.send({ type: 'addPlayer', nickname: 'straße' }).error?.code).toBe('NICKNAME_TAKEN');
  });

  it('late joining off: only the lobby admits players', () => {
    const t = new Table(undefined, { allowLateJoin: false });
    t.join('Ann');
    t.ok({ type: 'start' });
    expect(t.send({ type: 'addPlayer', nickname: 'Bob' }).error?.code).toBe('LATE_JOIN_CLOSED');
  });

  it('late joining on: a player joining mid-question can answer it and is waited for', () => {
    const t = new Table(undefined, { allowLateJoin: true });
    const ann = t.join('Ann');
    t.toAnswering();
    t.at(1_000).answer(ann, 0);
    expect(t.state.phase).toBe('reveal'); // Ann was the only one
    t.ok({ type: 'next' });
    const bob = t.join('Bob'); // during the leaderboard: no result for the question
    expect(playerView(t.state, bob, t.now)).toMatchObject({ myResult: null, me: { rank: null } });
    t.ok({ type: 'next' });
    t.fire();
    t.at(500).answer(ann, 1);
    const cy = t.join('Cy'); // during answering
    t.at(600).answer(bob, 1);
    expect(t.state.phase).toBe('answering'); // waits for Cy too
    t.at(4_000).answer(cy, 1);
    expect(t.state.phase).toBe('reveal');
    expect(t.state.ranking).toHaveLength(3);
  });

  it('ending from the lobby writes empty standings', () => {
    const t = new Table();
    t.join('Ann');
    const end = t.ok({ type: 'end' });
    expect(end.effects).toContainEqual(expect.objectContaining({ what: 'final', standings: [], reason: 'ended-by-host' }));
    expect(hostView(t.state, t.now).stage).toEqual({ phase: 'ended', podium: null });
  });
});

// ---- views ----------------------------------------------------------------------------------

describe('views after a reconnect', () => {
  it('show each phase exactly as the room was sent it', () => {
    const { t, a, b } = threePlayers();
    t.ok({ type: 'start' });
    t.now += 1_000;
    t.ok({ type: 'disconnect', playerId: a });
    t.ok({ type: 'resumePlayer', playerId: a });
    const reading = playerView(t.state, a, t.now)!;
    const shown = payloadOf(t.events('question:show').at(-1)) as { question: unknown };
    expect(reading.stage).toEqual({ phase: 'reading', question: shown.question, remainingMs: READING - 1_000 });
    expect(reading.stage).not.toHaveProperty('question.options');

    t.fire();
    t.at(2_000).answer(a, 3);
    t.ok({ type: 'disconnect', playerId: a });
    t.at(2_500).ok({ type: 'resumePlayer', playerId: a });
    const answering = playerView(t.state, a, t.now)!;
    const opened = payloadOf(t.events('question:open').at(-1)) as { question: unknown };
    expect(answering.stage).toEqual({
      phase: 'answering',
      question: opened.question,
      remainingMs: T - 2_500,
      answered: 1,
      total: 3,
    });
    expect(answering.myAnswer).toBe(3);

    t.fire();
    const reveal = playerView(t.state, a, t.now)!;
    expect(reveal.stage).toEqual({
      phase: 'reveal',
      question: opened.question,
      reveal: payloadOf(t.events('question:reveal').at(-1)),
    });
    expect(reveal.myResult).toEqual(resultFor(t.log, a));
    expect(reveal.myResult).toMatchObject({ correct: false, optionIndex: 3, points: 0 });

    t.ok({ type: 'next' });
    t.ok({ type: 'disconnect', playerId: b });
    t.ok({ type: 'connect', playerId: b });
    const board = playerView(t.state, b, t.now)!;
    expect(board.stage).toEqual({ phase: 'leaderboard', leaderboard: payloadOf(t.events('leaderboard:show').at(-1)) });
    // Nobody scored: all three share 1st, and nobody is ahead of Bob.
    expect(board.me).toMatchObject({ playerId: b, nickname: 'Bob', score: 0, rank: 1, tied: true, gapToAbove: null, aboveNickname: null });
    expect(hostView(t.state, t.now).players.every((p) => p.connected)).toBe(true);
  });
});

// ---- shared ranks ---------------------------------------------------------------------------

describe('equal scores share a rank', () => {
  /** Ann 1000, Bob 1000, Cy 750 and Dee 0 after question 1: ranks 1, 1, 3, 4. */
  function afterFirstQuestion() {
    const t = new Table([0, 0, 0]);
    const [a, b, c, d] = ['Ann', 'Bob', 'Cy', 'Dee'].map((n) => t.join(n));
    t.toAnswering();
    t.at(400).answer(a, 0);
    t.at(400).answer(b, 0);
    t.at(5_000).answer(c, 0);
    const close = t.at(5_000).answer(d, 1);
    expect(t.state.phase).toBe('reveal');
    return { t, a, b, c, d, close };
  }
  const standingOf = (t: Table, id: string) => playerView(t.state, id, t.now)!.me;

  it('on the leaderboard and in every standing, with the gap to the nearest higher score', () => {
    const { t, a, b, c, d, close } = afterFirstQuestion();
    expect(resultFor(close.effects, a)).toMatchObject({ rank: 1, tied: true, moved: null, gapToAbove: null, aboveNickname: null });
    expect(resultFor(close.effects, b)).toMatchObject({ rank: 1, tied: true, gapToAbove: null, aboveNickname: null });
    expect(resultFor(close.effects, c)).toMatchObject({ rank: 3, tied: false, gapToAbove: 250, aboveNickname: 'Bob' });
    expect(resultFor(close.effects, d)).toMatchObject({ rank: 4, tied: false, gapToAbove: 750, aboveNickname: 'Cy' });
    // A reconnecting phone gets the very same standing as the result message.
    for (const id of [a, b, c, d]) {
      const { score, streak, rank, tied, moved, gapToAbove, aboveNickname } = resultFor(close.effects, id) as PlayerResult;
      expect(standingOf(t, id)).toMatchObject({ score, streak, rank, tied, moved, gapToAbove, aboveNickname });
    }
    const board = payloadOf(t.ok({ type: 'next' }).effects.find((e) => e.type === 'broadcast'));
    expect(board).toMatchObject({ top: [{ nickname: 'Ann', rank: 1 }, { nickname: 'Bob', rank: 1 }, { nickname: 'Cy', rank: 3 }, { nickname: 'Dee', rank: 4 }] });
  });

  it('when nobody scores, everyone is 1st together', () => {
    const t = new Table([0]);
    const [a, b] = ['Ann', 'Bob'].map((n) => t.join(n));
    t.toAnswering();
    t.at(100).answer(a, 1);
    const close = t.at(200).answer(b, 2);
    expect(resultFor(close.effects, a)).toMatchObject({ score: 0, rank: 1, tied: true });
    expect(resultFor(close.effects, b)).toMatchObject({ score: 0, rank: 1, tied: true });
  });

  it('says how many places each player moved since the previous leaderboard', () => {
    const { t, a, b, c, d } = afterFirstQuestion();
    t.ok({ type: 'next' });
    t.toAnswering();
    // Only Dee scores: Ann, Bob and Dee share 1st on 1000, Cy falls to 4th.
    t.at(400).answer(d, 0);
    t.at(400).answer(a, 1);
    t.at(400).answer(b, 1);
    const close = t.at(400).answer(c, 1);
    const moves = [a, b, c, d].map((id) => resultFor(close.effects, id) as PlayerResult);
    expect(moves.map((r) => [r.rank, r.moved])).toEqual([
      [1, 0],
      [1, 0],
      [4, -1],
      [1, 3],
    ]);
    // Still so while the leaderboard is up (and for a phone that reconnects there).
    t.ok({ type: 'next' });
    expect(standingOf(t, d)).toMatchObject({ rank: 1, tied: true, moved: 3 });
    expect(standingOf(t, c)).toMatchObject({ rank: 4, moved: -1, gapToAbove: 250 });
  });

  it('a kick moves the players below up without counting as moving, and can end a tie', () => {
    const { t, a, b, c, d } = afterFirstQuestion();
    t.ok({ type: 'next' });
    t.toAnswering();
    for (const id of [a, b, c, d]) t.at(400).answer(id, 3); // nobody scores
    t.ok({ type: 'kick', playerId: a });
    expect(standingOf(t, b)).toMatchObject({ rank: 1, tied: false, moved: 0 });
    expect(standingOf(t, c)).toMatchObject({ rank: 2, tied: false, moved: 0, aboveNickname: 'Bob' });
    expect(standingOf(t, d)).toMatchObject({ rank: 3, moved: 0 });
    const board = payloadOf(t.ok({ type: 'next' }).effects.find((e) => e.type === 'broadcast'));
    expect(board).toMatchObject({ top: [{ nickname: 'Bob', rank: 1 }, { nickname: 'Cy', rank: 2 }, { nickname: 'Dee', rank: 3 }] });
  });

  it('two players tied 3rd both stand on the podium as 3rd, and the final standings say so', () => {
    const t = new Table([0]);
    const [a, b, c, d] = ['Ann', 'Bob', 'Cy', 'Dee'].map((n) => t.join(n));
    t.toAnswering();
    t.at(100).answer(a, 0);
    t.at(5_000).answer(b, 0);
    t.at(6_000).answer(c, 0);
    t.at(6_000).answer(d, 0);
    const podium = t.ok({ type: 'next' });
    expect(payloadOf(podium.effects.find((e) => e.type === 'broadcast'))).toMatchObject({
      top: [{ nickname: 'Ann', rank: 1 }, { nickname: 'Bob', rank: 2 }, { nickname: 'Cy', rank: 3 }, { nickname: 'Dee', rank: 3 }],
    });
    const final = podium.effects.find((e) => e.type === 'persist' && e.what === 'final') as { standings: { rank: number }[] };
    expect(final.standings.map((s) => s.rank)).toEqual([1, 2, 3, 3]);
  });
});

describe('the reveal counts everyone in the game for the question', () => {
  it('answered or not, online or not; kicked players and later joiners left out', () => {
    const t = new Table([0, 1]);
    const [a, b, c, d] = ['Ann', 'Bob', 'Cy', 'Dee'].map((n) => t.join(n));
    t.toAnswering();
    t.ok({ type: 'disconnect', playerId: c }); // gone without answering: still counts
    t.at(1_000).answer(a, 1);
    t.at(2_000).answer(b, 2);
    t.ok({ type: 'kick', playerId: d });
    t.fire();
    const reveal = payloadOf(t.events('question:reveal').at(-1));
    expect(reveal).toMatchObject({ answered: 2, players: 3, noAnswer: 1, counts: [0, 1, 1, 0] });
    t.join('Eve'); // after the close: not part of this question
    expect(hostView(t.state, t.now).stage).toMatchObject({ phase: 'reveal', reveal: { players: 3, noAnswer: 1 } });
  });
});
