// Bringing a game back after its server stopped: the state of its last snapshot, the answers
// stored after it, and the room clock of the new process. Pure, like the reducer.
//
// A snapshot is written at every phase change and roster change; answers are rows of their
// own, each stored before its ack. So the restored game is the snapshot plus the stored
// answers of the question it was on. Monotonic times of the old process mean nothing to the
// new one: they are moved so that the moment the game was last known alive is `now`, and a
// question that was being read or answered, or a reveal or leaderboard waiting to move on by
// itself (auto-advance), comes back paused with the time it had left then.
import { seatGet, type SeatTable } from './seat-table.js';
import { questionMs } from './state.js';
import { turnoutOf, withAnswer } from './round.js';
import type { AnswerRecord, GameState, ServerQuestion } from './types.js';

/** What is stored: the state without its questions (they are rows of their own). */
export type StoredState = Omit<GameState, 'questions'>;

export interface Snapshot {
  /** Format version, so a later server can refuse what it cannot read. */
  v: 1;
  /** The old process's room clock when the snapshot was taken. */
  clockAt: number;
  state: StoredState;
}

export function takeSnapshot(state: GameState, clockAt: number): Snapshot {
  const { questions: _questions, ...rest } = state;
  return { v: 1, clockAt, state: rest };
}

export interface StoredAnswer {
  seat: number;
  questionIndex: number;
  optionIndex: number;
  elapsedMs: number;
}

export function isSnapshot(value: unknown): value is Snapshot {
  const s = value as Snapshot | null;
  return !!s && s.v === 1 && typeof s.clockAt === 'number' && typeof s.state === 'object' && s.state !== null;
}

/** The game as it was when last known alive, re-timed to `now`: every player offline (they
 *  come back with their session tokens) and an open question or a pending advance paused. */
export function restoreState(snapshot: Snapshot, questions: ServerQuestion[], answers: readonly StoredAnswer[], now: number): GameState {
  const kept = snapshot.state;
  let state: GameState = withLaterFields({
    ...(kept as GameState),
    // Snapshots taken before auto-advance existed have neither field: off, nothing pending.
    settings: { ...kept.settings, autoAdvanceSeconds: kept.settings.autoAdvanceSeconds ?? 0 },
    advanceAt: kept.advanceAt ?? null,
    questions,
  });
  let lastAlive = snapshot.clockAt;

  // Answers acknowledged after the snapshot: only the open question can have any.
  const round = state.round;
  if (round && state.phase === 'answering' && round.openedAt !== null) {
    for (const a of answers) {
      if (a.questionIndex !== round.index || a.seat < 0 || a.seat >= state.players.length) continue;
      if (state.players[a.seat]!.kicked || seatGet(state.round!.answers, a.seat) !== null) continue;
      if (!Number.isInteger(a.optionIndex) || a.optionIndex < 0 || a.optionIndex >= round.counts.length) continue;
      const elapsedMs = Math.min(questionMs(state), Math.max(0, a.elapsedMs));
      const at = round.openedAt + round.pausedMs + elapsedMs;
      state = withAnswer(state, a.seat, a.optionIndex, elapsedMs, at);
      lastAlive = Math.max(lastAlive, at);
    }
  }
  // A game paused by its host stopped its clock then; later moments do not count.
  if (state.pausedAt !== null) lastAlive = state.pausedAt;
  return retimed(state, now - lastAlive, now);
}

/** Snapshots taken before the game kept the previous leaderboard's ranks and a closed
 *  question's turnout lack those fields: start with no previous ranks, and count the turnout
 *  from the seats the question closed with. Snapshots from before team play have no teams:
 *  an individual game. */
function withLaterFields(state: GameState): GameState {
  const round = state.round;
  const closed = round && round.seatsAtClose !== null && !round.turnout;
  const turnout = closed ? turnoutOf(state.players.slice(0, round.seatsAtClose!), round.answers) : round?.turnout ?? null;
  return {
    ...state,
    prevRankOf: state.prevRankOf ?? [],
    players: state.players.map((p) => (p.team === undefined ? { ...p, team: null } : p)),
    teams: state.teams ?? [],
    teamRanking: state.teamRanking ?? [],
    teamRankOf: state.teamRankOf ?? [],
    round: round && { ...round, turnout, talkEndsAt: round.talkEndsAt ?? null, teamResults: round.teamResults ?? null },
  };
}

function retimed(state: GameState, delta: number, now: number): GameState {
  const shift = (t: number | null) => (t === null ? null : t + delta);
  // A question, or a reveal or leaderboard about to move on by itself, waits for the host.
  const waits = state.phase === 'reading' || state.phase === 'talk' || state.phase === 'answering' || state.advanceAt !== null;
  const round = state.round;
  return {
    ...state,
    players: state.players.map((p) => ({ ...p, connected: false, joinedAt: p.joinedAt + delta })),
    round: round && {
      ...round,
      readingEndsAt: round.readingEndsAt + delta,
      talkEndsAt: shift(round.talkEndsAt),
      openedAt: shift(round.openedAt),
      deadline: shift(round.deadline),
      answers: mapSeats(round.answers, (a) => a && { ...a, at: a.at + delta }),
      // Nobody is connected yet; each player who comes back adds one.
      pending: 0,
    },
    pausedAt: waits ? now : null,
    advanceAt: shift(state.advanceAt),
    timerAt: null,
  };
}

function mapSeats(table: SeatTable<AnswerRecord | null>, fn: (a: AnswerRecord | null) => AnswerRecord | null): SeatTable<AnswerRecord | null> {
  return { size: table.size, chunks: table.chunks.map((chunk) => chunk.map(fn)) };
}
