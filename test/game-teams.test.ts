// Team play in the pure reducer: balancing joins (late ones too), the gap a kick leaves, the
// host moving players in the lobby, team points as the mean of the members' (uneven teams),
// shared ranks, the team streak, team talk (options shown, answers refused, no answer sent)
// and a restored game keeping its teams.
import { describe, expect, it } from 'vitest';
import type { GameSettings, TeamSetup } from '../shared/game-types.js';
import { teamPointsFor } from '../shared/scoring.js';
import { createGame, reduce } from '../server/game/reducer.js';
import { restoreState, takeSnapshot, type Snapshot } from '../server/game/restore.js';
import type { Command, Effect, GameState, ReduceResult, ServerQuestion } from '../server/game/types.js';
import { hostView, playerView } from '../server/game/views.js';

const T = 10_000;

const questions: ServerQuestion[] = [0, 1, 2, 3].map((n) => ({
  id: `q${n + 1}`,
  kind: 'def-to-term',
  prompt: `Prompt ${n + 1}?`,
  options: ['Alpha', 'Beta', 'Gamma', 'Delta'],
  answerIndex: n % 4,
  topic: ['Unit', `Topic ${n + 1}`],
  file: 'notes.md',
  line: n + 1,
  explanation: 'Because.',
}));

function settings(teams: TeamSetup | undefined, over: Partial<GameSettings> = {}): GameSettings {
  return {
    deckId: 'deck1',
    topics: [],
    questionCount: 4,
    secondsPerQuestion: T / 1000,
    kinds: ['def-to-term'],
    scoring: 'speed',
    display: 'devices',
    allowLateJoin: true,
    playerCap: 500,
    autoAdvanceSeconds: 0,
    ...(teams ? { teams } : {}),
    ...over,
  };
}

class Table {
  state: GameState;
  now = 10_000;
  log: Effect[] = [];

  constructor(teams: TeamSetup | null = { by: 'count', count: 2 }, over: Partial<GameSettings> = {}) {
    this.state = createGame({ gameId: 'g1', code: 'ABC234', settings: settings(teams ?? undefined, over), questions });
  }

  send(command: Command): ReduceResult {
    const result = reduce(this.state, command, this.now);
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

  fire(): ReduceResult {
    this.now = this.state.timerAt!;
    return this.ok({ type: 'tick' });
  }

  /** From the lobby or a leaderboard to the open answers of the next question. */
  toAnswering(): void {
    this.ok({ type: this.state.phase === 'lobby' ? 'start' : 'next' });
    while (this.state.phase !== 'answering') this.fire();
  }

  answer(playerId: string, optionIndex: number, afterMs = 100): ReduceResult {
    this.now = this.state.round!.openedAt! + afterMs;
    return this.send({ type: 'submitAnswer', playerId, questionId: questions[this.state.round!.index].id, optionIndex });
  }

  right(): number {
    return questions[this.state.round!.index].answerIndex;
  }

  teamOf(playerId: string): number | null {
    return this.state.players.find((p) => p.id === playerId)!.team;
  }

  members(): number[] {
    return this.state.teams.map((t) => t.members);
  }

  scores(): number[] {
    return this.state.teams.map((t) => t.score);
  }
}

describe('balancing players into teams', () => {
  it('fills a fixed number of teams evenly, in team order', () => {
    const t = new Table({ by: 'count', count: 3 });
    const ids = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus'].map((n) => t.join(n));
    expect(ids.map((id) => t.teamOf(id))).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(t.members()).toEqual([3, 2, 2]);
    // The join tells the host the team; the phone's view has it with its name.
    expect(t.log).toContainEqual(expect.objectContaining({ event: 'player:joined', payload: expect.objectContaining({ player: expect.objectContaining({ nickname: 'Gus', team: 0 }) }) }));
    expect(playerView(t.state, ids[1], t.now)!.myTeam).toMatchObject({ team: 1, name: 'Blue Owls', rank: null });
  });

  it('opens a new team when every team has N members (teams of N)', () => {
    const t = new Table({ by: 'size', size: 2 });
    const ids = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve'].map((n) => t.join(n));
    expect(ids.map((id) => t.teamOf(id))).toEqual([0, 0, 1, 1, 2]);
    expect(t.members()).toEqual([2, 2, 1]);
    // The next joiner completes the open team rather than starting a fourth.
    expect(t.teamOf(t.join('Fay'))).toBe(2);
  });

  it('a kicked player leaves a gap that the next joiner fills, in the lobby and after the start', () => {
    const t = new Table({ by: 'count', count: 2 });
    const [ann, , cy] = ['Ann', 'Bob', 'Cy', 'Dee'].map((n) => t.join(n));
    t.ok({ type: 'kick', playerId: cy });
    expect(t.members()).toEqual([1, 2]);
    expect(t.teamOf(t.join('Eve'))).toBe(0);
    t.toAnswering();
    t.ok({ type: 'kick', playerId: ann });
    // A late joiner is balanced like anyone else.
    const late = t.join('Late');
    expect(t.teamOf(late)).toBe(0);
    expect(t.members()).toEqual([2, 2]);
    expect(t.log).toContainEqual(expect.objectContaining({ what: 'player', playerId: late, team: 0 }));
  });

  it('the host moves a player between teams in the lobby only', () => {
    const t = new Table({ by: 'count', count: 3 });
    const [ann, bob] = ['Ann', 'Bob', 'Cy'].map((n) => t.join(n));
    const moved = t.ok({ type: 'moveTeam', playerId: ann, team: 2 });
    expect(t.teamOf(ann)).toBe(2);
    expect(t.members()).toEqual([0, 1, 2]);
    expect(moved.effects).toEqual([
      { type: 'persist', what: 'team', playerId: ann, team: 2 },
      { type: 'sendToHost', event: 'player:moved', payload: { playerId: ann, team: 2 } },
      { type: 'sendToPlayer', playerId: ann, event: 'team:assigned', payload: { team: expect.objectContaining({ team: 2, name: 'Green Turtles' }) } },
    ]);
    // The emptied team is the next joiner's.
    expect(t.teamOf(t.join('Dee'))).toBe(0);
    expect(t.send({ type: 'moveTeam', playerId: bob, team: 3 }).error?.code).toBe('UNKNOWN_TEAM');
    expect(t.send({ type: 'moveTeam', playerId: 'p99', team: 0 }).error?.code).toBe('UNKNOWN_PLAYER');
    t.toAnswering();
    const late = t.send({ type: 'moveTeam', playerId: bob, team: 0 });
    expect(late.error?.code).toBe('WRONG_PHASE');
    expect(late.state).toBe(t.state);

    const solo = new Table(null);
    const p = solo.join('Solo');
    expect(solo.send({ type: 'moveTeam', playerId: p, team: 0 }).error?.code).toBe('NOT_TEAM_GAME');
    expect(solo.state.players[0].team).toBeNull();
    expect(playerView(solo.state, p, solo.now)).not.toHaveProperty('myTeam');
  });
});

describe('team scoring', () => {
  it('a team scores the mean of its members, so a team of 1 can beat a team of 3', () => {
    const t = new Table({ by: 'count', count: 2 });
    const [ann, bob, cy, dee] = ['Ann', 'Bob', 'Cy', 'Dee'].map((n) => t.join(n));
    t.ok({ type: 'moveTeam', playerId: cy, team: 1 }); // Blue: Bob, Cy, Dee; Red: Ann
    t.toAnswering();
    t.answer(ann, t.right(), 100); // 1000
    t.answer(bob, t.right(), 100); // 1000
    t.answer(cy, t.right(), 5_000); // 750
    const close = t.answer(dee, (t.right() + 1) % 4); // wrong: 0
    expect(t.state.phase).toBe('reveal');
    expect(t.scores()).toEqual([1000, Math.round((1000 + 750 + 0) / 3)]);
    expect(t.state.round!.teamResults).toEqual([
      { points: 1000, bonus: 0, majorityRight: true },
      { points: 583, bonus: 0, majorityRight: true },
    ]);
    const result = close.effects.find((e) => e.type === 'sendToPlayer' && e.event === 'player:result' && e.playerId === dee);
    expect(result && 'payload' in result ? result.payload : null).toMatchObject({
      points: 0,
      teamResult: { points: 583, majorityRight: true, standing: { team: 1, rank: 2, gapToAbove: 417, aboveName: 'Red Foxes', teamCount: 2 } },
    });
  });

  it('the team streak counts questions where the majority was right, not the members own streaks', () => {
    const t = new Table({ by: 'count', count: 2 });
    const [ann, bob, cy, dee, eve] = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve'].map((n) => t.join(n));
    // Red: Ann, Cy, Eve; Blue: Bob, Dee.
    t.toAnswering();
    for (const p of [ann, cy, bob]) t.answer(p, t.right());
    t.answer(eve, (t.right() + 1) % 4);
    t.answer(dee, (t.right() + 1) % 4); // Blue: 1 of 2 right is no majority
    expect(t.state.teams.map((x) => x.streak)).toEqual([1, 0]);
    expect(t.scores()).toEqual([667, 500]);

    // Q2: everyone right at once. Ann and Cy get their own +100; the team gets +100 for its
    // second majority in a row instead, on the mean without the members' bonuses.
    t.ok({ type: 'next' });
    t.toAnswering();
    for (const p of [ann, bob, cy, dee, eve]) t.answer(p, t.right());
    expect(t.state.teams.map((x) => x.streak)).toEqual([2, 1]);
    expect(t.state.round!.teamResults).toEqual([
      { points: 1100, bonus: 100, majorityRight: true },
      { points: 1000, bonus: 0, majorityRight: true },
    ]);
    expect(t.scores()).toEqual([1767, 1500]);

    // Q3: nobody answers: the streak breaks, the score stays.
    t.ok({ type: 'next' });
    t.toAnswering();
    t.fire();
    expect(t.state.teams.map((x) => x.streak)).toEqual([0, 0]);
    expect(t.scores()).toEqual([1767, 1500]);

    // Leaderboard: team bars with each team's best scorer.
    const board = t.ok({ type: 'next' }).effects.find((e) => e.type === 'broadcast')!;
    expect('payload' in board && board.payload).toMatchObject({
      teams: [
        { team: 0, name: 'Red Foxes', score: 1767, rank: 1, members: 3, best: { nickname: 'Ann' } },
        { team: 1, name: 'Blue Owls', score: 1500, rank: 2, members: 2, best: { nickname: 'Bob' } },
      ],
    });
  });

  it('equal team scores share a rank, on the board and on the phones', () => {
    const t = new Table({ by: 'count', count: 3 });
    const [ann, bob, cy] = ['Ann', 'Bob', 'Cy'].map((n) => t.join(n));
    t.toAnswering();
    t.answer(ann, t.right());
    t.answer(bob, t.right());
    t.answer(cy, (t.right() + 1) % 4);
    expect(t.state.teamRankOf).toEqual([1, 1, 3]);
    expect(playerView(t.state, bob, t.now)!.myTeam).toMatchObject({ rank: 1, tied: true, gapToAbove: null });
    expect(playerView(t.state, cy, t.now)!.myTeam).toMatchObject({ rank: 3, tied: false, gapToAbove: 1000, aboveName: 'Blue Owls' });
  });

  it('accuracy scoring counts the share of the team that was right, in hundredths', () => {
    expect(teamPointsFor({ members: [{ points: 1, bonus: 0, correct: true }, { points: 0, bonus: 0, correct: false }, { points: 1, bonus: 0, correct: true }], streakBefore: 0, mode: 'accuracy' })).toEqual({
      points: 67,
      bonus: 0,
      streak: 1,
      majorityRight: true,
    });
    expect(teamPointsFor({ members: [], streakBefore: 3, mode: 'speed' })).toEqual({ points: 0, bonus: 0, streak: 3, majorityRight: false });
  });

  it('a skipped question scores no team and keeps team streaks', () => {
    const t = new Table({ by: 'count', count: 2 });
    const [ann, bob] = ['Ann', 'Bob'].map((n) => t.join(n));
    t.toAnswering();
    t.answer(ann, t.right());
    t.answer(bob, t.right());
    t.ok({ type: 'next' });
    t.ok({ type: 'next' });
    t.ok({ type: 'skip' });
    expect(t.state.round!.teamResults).toBeNull();
    expect(t.state.teams.map((x) => [x.score, x.streak])).toEqual([[1000, 1], [1000, 1]]);
  });

  it('the podium lists teams with their best scorers; a kicked member no longer counts', () => {
    // Red: Ann (fast, right) and Cy (wrong): half right is no majority, so no streak bonus.
    // Blue: Bob alone (slower, right), with the team streak bonus from the 2nd question.
    const t = new Table({ by: 'count', count: 2 });
    const [ann, bob, cy] = ['Ann', 'Bob', 'Cy'].map((n) => t.join(n));
    for (let q = 0; q < 4; q++) {
      t.toAnswering();
      t.answer(ann, t.right(), 100);
      t.answer(bob, t.right(), 5_000);
      t.answer(cy, (t.right() + 1) % 4);
      if (q < 3) t.ok({ type: 'next' });
    }
    t.ok({ type: 'kick', playerId: cy });
    const podium = t.ok({ type: 'next' }).effects.find((e) => e.type === 'broadcast' && e.event === 'podium:show')!;
    expect('payload' in podium && podium.payload).toMatchObject({
      teams: [
        { team: 1, rank: 1, score: 3000 + 600, members: 1, best: { nickname: 'Bob' } },
        { team: 0, rank: 2, score: 4 * 500, members: 1, best: { nickname: 'Ann' } },
      ],
    });
  });
});

describe('team talk', () => {
  it('shows the options before answers open, refuses answers meanwhile, and never sends the answer', () => {
    const t = new Table({ by: 'count', count: 2 }, { teamTalkSeconds: 5, display: 'devices' });
    const [ann, bob] = ['Ann', 'Bob'].map((n) => t.join(n));
    t.ok({ type: 'start' });
    const talk = t.fire();
    expect(t.state.phase).toBe('talk');
    expect(t.state.timerAt).toBe(t.now + 5_000);
    expect(talk.effects).toContainEqual({
      type: 'broadcast',
      event: 'question:talk',
      payload: { question: expect.objectContaining({ id: 'q1', options: ['Alpha', 'Beta', 'Gamma', 'Delta'] }), remainingMs: 5_000 },
    });
    const early = t.send({ type: 'submitAnswer', playerId: ann, questionId: 'q1', optionIndex: 0 });
    expect(early.error).toEqual({ code: 'TEAM_TALK', message: 'Team talk: answers open when the talk time ends.' });
    expect(playerView(t.state, ann, t.now)!.stage).toMatchObject({ phase: 'talk', remainingMs: 5_000 });

    // A pause freezes the talk time too.
    t.now += 1_000;
    t.ok({ type: 'pause' });
    t.now += 30_000;
    t.ok({ type: 'resume' });
    expect(t.state.timerAt).toBe(t.now + 4_000);
    t.fire();
    expect(t.state.phase).toBe('answering');
    expect(t.state.round!.deadline).toBe(t.now + T);

    // Nothing a phone or the projector could see before the reveal carries the answer.
    const beforeReveal = JSON.stringify([t.log, playerView(t.state, bob, t.now), hostView(t.state, t.now)]);
    expect(beforeReveal).not.toMatch(/correctIndex|answerIndex/);
    t.answer(ann, 0);
    t.answer(bob, 0);
    expect(t.state.phase).toBe('reveal');
  });

  it('is off in individual play and with 0 seconds', () => {
    for (const over of [{}, { teamTalkSeconds: 0 }]) {
      const t = new Table({ by: 'count', count: 2 }, over);
      t.join('Ann');
      t.ok({ type: 'start' });
      t.fire();
      expect(t.state.phase).toBe('answering');
    }
  });
});

describe('a restored team game', () => {
  it('keeps teams, members, team scores and ranks through a snapshot', () => {
    const t = new Table({ by: 'count', count: 2 }, { teamTalkSeconds: 5 });
    const [ann, bob, cy] = ['Ann', 'Bob', 'Cy'].map((n) => t.join(n));
    t.toAnswering();
    t.answer(ann, t.right());
    t.answer(bob, t.right(), 5_000);
    t.answer(cy, t.right(), 5_000);
    t.ok({ type: 'next' });
    t.ok({ type: 'next' });
    t.fire();
    expect(t.state.phase).toBe('talk');
    const snapshot: Snapshot = JSON.parse(JSON.stringify(takeSnapshot(t.state, t.now + 1_000)));
    const restored = restoreState(snapshot, questions, [], 900_000);
    expect(restored.teams).toEqual(t.state.teams);
    expect(restored.teamRankOf).toEqual(t.state.teamRankOf);
    expect(restored.players.map((p) => p.team)).toEqual([0, 1, 0]);
    // Team talk comes back paused with the time it had left.
    expect(restored.phase).toBe('talk');
    expect(restored.pausedAt).toBe(900_000);
    const resumed = reduce(restored, { type: 'resume' }, 900_000).state;
    expect(resumed.timerAt).toBe(900_000 + 4_000);
    // Reconnecting keeps the team.
    const back = reduce(resumed, { type: 'resumePlayer', playerId: bob }, 900_000).state;
    expect(playerView(back, bob, 900_000)!.myTeam).toMatchObject({ team: 1, score: 750, rank: 2 });
    // A late joiner of the restored game is still balanced: team 1 has fewer members.
    expect(reduce(back, { type: 'addPlayer', nickname: 'Dee' }, 900_000).state.players[3].team).toBe(1);
  });
});
