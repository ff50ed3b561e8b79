// The life of one question: reading → (team talk →) answering → reveal. Each function takes a valid
// state for its step and returns the next state plus the effects that go with it.
import { seatGet, seatSet, seatTable } from './seat-table.js';
import { GAME_RULES } from '../../shared/game-types.js';
import { rankPlayers, pointsFor, streakBonus } from '../../shared/scoring.js';
import { playerResult, publicQuestion, questionPrompt, revealPayload } from './payloads.js';
import { GRACE_MS, questionMs, remainingMs, replaceAt } from './state.js';
import { isTeamGame, scoreTeams, talkMs, withTeamRanking } from './teams.js';
import type { AnswerRecord, Effect, GameState, PlayerState, RoundState, Turnout } from './types.js';

export interface Step {
  state: GameState;
  effects: Effect[];
}

export function beginQuestion(state: GameState, index: number, now: number): Step {
  const round: RoundState = {
    index,
    readingEndsAt: now + GAME_RULES.readingMs,
    talkEndsAt: null,
    openedAt: null,
    deadline: null,
    pausedMs: 0,
    answers: seatTable<AnswerRecord | null>(state.players.length, null),
    counts: new Array<number>(state.questions[index].options.length).fill(0),
    answered: 0,
    pending: 0,
    skipped: false,
    seatsAtClose: null,
    turnout: null,
    teamResults: null,
  };
  const next: GameState = { ...state, phase: 'reading', round, pausedAt: null, timerAt: round.readingEndsAt };
  return {
    state: next,
    effects: [
      {
        type: 'broadcast',
        event: 'question:show',
        payload: { question: questionPrompt(next, index), readingMs: GAME_RULES.readingMs },
      },
    ],
  };
}

/** After reading: team talk if the game has it, else answers open straight away. */
export function afterReading(state: GameState, now: number): Step {
  const ms = talkMs(state);
  if (ms === 0) return openAnswers(state, now);
  const round = state.round!;
  const talkEndsAt = now + ms;
  const next: GameState = { ...state, phase: 'talk', round: { ...round, talkEndsAt }, timerAt: talkEndsAt };
  // The options, never the answer: publicQuestion has no answer field.
  const payload = { question: publicQuestion(next, round.index), remainingMs: remainingMs(next, now) };
  return { state: next, effects: [{ type: 'broadcast', event: 'question:talk', payload }] };
}

export function openAnswers(state: GameState, now: number): Step {
  const round = state.round!;
  const deadline = now + questionMs(state);
  // Counted once per question; afterwards joins, answers and disconnects adjust it by one.
  let pending = 0;
  for (const p of state.players) if (p.connected && !p.kicked) pending++;
  const next: GameState = {
    ...state,
    phase: 'answering',
    round: { ...round, openedAt: now, deadline, pending },
    timerAt: deadline + GRACE_MS,
  };
  return {
    state: next,
    effects: [
      {
        type: 'broadcast',
        event: 'question:open',
        payload: { question: publicQuestion(next, round.index), remainingMs: remainingMs(next, now) },
      },
    ],
  };
}

/** Records a validated answer (the reducer checked phase, question, option and time). */
export function recordAnswer(state: GameState, seat: number, optionIndex: number, now: number): Step {
  const round = state.round!;
  const player = state.players[seat];
  const question = state.questions[round.index];
  const elapsedMs = Math.min(questionMs(state), Math.max(0, now - round.openedAt! - round.pausedMs));
  const next = withAnswer(state, seat, optionIndex, elapsedMs, now);
  const { correct, points } = seatGet(next.round!.answers, seat)!;
  const nextRound = next.round!;
  const effects: Effect[] = [
    {
      type: 'persist',
      what: 'answer',
      playerId: player.id,
      questionId: question.id,
      questionIndex: round.index,
      optionIndex,
      correct,
      points,
      elapsedMs,
      at: now,
    },
    {
      type: 'sendToHost',
      event: 'answers:count',
      payload: { questionId: question.id, answered: nextRound.answered, total: state.activeCount },
    },
  ];
  return closeIfEveryoneAnswered({ state: next, effects });
}

/** The round with one more answer taken `elapsedMs` into the question: scored with the
 *  player's streak before the question. Used live and when a restored game replays its
 *  stored answers. */
export function withAnswer(state: GameState, seat: number, optionIndex: number, elapsedMs: number, at: number): GameState {
  const round = state.round!;
  const player = state.players[seat];
  const totalMs = questionMs(state);
  const correct = optionIndex === state.questions[round.index].answerIndex;
  const mode = state.settings.scoring;
  const { points, streak } = pointsFor({ correct, elapsedMs, totalMs, streakBefore: player.streak, mode });
  const bonus = correct && mode === 'speed' ? streakBonus(streak) : 0;
  const record: AnswerRecord = { optionIndex, elapsedMs, at, correct, points, bonus, streak };
  const nextRound: RoundState = {
    ...round,
    answers: seatSet(round.answers, seat, record),
    counts: replaceAt(round.counts, optionIndex, round.counts[optionIndex] + 1),
    answered: round.answered + 1,
    pending: player.connected ? round.pending - 1 : round.pending,
  };
  return { ...state, round: nextRound };
}

/** Answers close early once every connected player has answered (and someone did). */
export function closeIfEveryoneAnswered(step: Step): Step {
  const { state } = step;
  const round = state.round;
  if (state.phase !== 'answering' || !round || round.pending > 0 || round.answered === 0) return step;
  const closed = closeRound(state, false);
  return { state: closed.state, effects: [...step.effects, ...closed.effects] };
}

function applyAnswer(p: PlayerState, answer: AnswerRecord | null, totalMs: number): PlayerState {
  if (p.kicked) return p;
  if (!answer) return { ...p, streak: 0, totalAnswerMs: p.totalAnswerMs + totalMs };
  return {
    ...p,
    score: p.score + answer.points,
    streak: answer.streak,
    correctCount: p.correctCount + (answer.correct ? 1 : 0),
    totalAnswerMs: p.totalAnswerMs + answer.elapsedMs,
  };
}

/** Ranking of non-kicked players: the one sort per question. The ranks it replaces become
 *  the previous leaderboard. */
export function withRanking(state: GameState): GameState {
  const ranked = rankPlayers(
    state.players
      .filter((p) => !p.kicked)
      .map((p) => ({ seat: p.seat, score: p.score, totalAnswerMs: p.totalAnswerMs, joinOrder: p.seat })),
  );
  const rankOf = new Array<number>(state.players.length).fill(0);
  for (const r of ranked) rankOf[r.player.seat] = r.rank;
  return withTeamRanking({ ...state, ranking: ranked.map((r) => r.player.seat), rankOf, prevRankOf: state.rankOf });
}

/** Everyone in the game when the question closes counts, answered or not. */
export function turnoutOf(players: readonly PlayerState[], answers: RoundState['answers']): Turnout {
  let count = 0;
  let noAnswer = 0;
  for (const p of players) {
    if (p.kicked) continue;
    count++;
    if ((seatGet(answers, p.seat) ?? null) === null) noAnswer++;
  }
  return { players: count, noAnswer };
}

/** Ends the question. Skipped: nobody scores and streaks stay as they were. */
export function closeRound(state: GameState, skipped: boolean): Step {
  const round = state.round!;
  const totalMs = questionMs(state);
  const players = skipped
    ? state.players
    : state.players.map((p) => applyAnswer(p, seatGet(round.answers, p.seat) ?? null, totalMs));
  const scored = isTeamGame(state) && !skipped ? scoreTeams(state, round) : null;
  const closedRound: RoundState = {
    ...round,
    skipped,
    seatsAtClose: players.length,
    turnout: turnoutOf(players, round.answers),
    teamResults: scored ? scored.results : null,
  };
  const teams = scored ? scored.teams : state.teams;
  const next = withRanking({ ...state, players, teams, phase: 'reveal', round: closedRound, pausedAt: null, timerAt: null });

  const reveal = revealPayload(next, closedRound);
  const effects: Effect[] = [{ type: 'broadcast', event: 'question:reveal', payload: reveal }];
  // Own result and rank: the only per-player messages of a question, one each.
  for (const p of next.players) {
    if (p.kicked || !p.connected) continue;
    const result = playerResult(next, p.seat);
    if (result) effects.push({ type: 'sendToPlayer', playerId: p.id, event: 'player:result', payload: result });
  }
  return { state: next, effects };
}
