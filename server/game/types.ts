// State, commands and effects of the pure game engine. The state is plain data (arrays and
// objects, no Map/Date/class) so it can be cloned, compared in tests and logged.
import type { SeatTable } from './seat-table.js';
import type { AckError } from '../../shared/errors.js';
import type { GameSettings, Phase, QuestionKind } from '../../shared/game-types.js';
import type { ServerEvent, ServerPayload } from '../../shared/protocol.js';

/** A question as the server holds it. `answerIndex` and the source never leave the server
 *  before the reveal: payloads.ts copies the public fields one by one. */
export interface ServerQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  answerIndex: number;
  /** Full topic path, shown with the reveal and used by the report. */
  topic: string[];
  /** What players see of the topic while the question is open: never a heading that names the
   *  answer. Missing: the whole topic is safe to show. */
  shownTopic?: string[];
  file: string;
  /** First line of the tested fact in `file`: the reveal and the results cite it. */
  line: number;
  explanation: string;
}

export interface PlayerState {
  /** 'p1', 'p2', … derived from the seat, so looking a player up never needs a map. */
  id: string;
  /** Position in `players`; also the join order used as the last ranking tie-break. */
  seat: number;
  nickname: string;
  /** Case-folded nickname for uniqueness checks. */
  key: string;
  connected: boolean;
  kicked: boolean;
  joinedAt: number;
  score: number;
  streak: number;
  correctCount: number;
  /** Sum of answer times; a missed question counts as its full time (ranking tie-break). */
  totalAnswerMs: number;
  /** Team play: index into `teams`; null in individual play. */
  team: number | null;
}

/** One team of a team game; its members are the players whose `team` is its index. */
export interface TeamState {
  index: number;
  /** Non-kicked members, kept up to date so balancing a join is O(teams). */
  members: number;
  score: number;
  /** Questions in a row the team's majority got right. */
  streak: number;
}

/** A team's outcome of a closed question. */
export interface TeamRoundResult {
  points: number;
  bonus: number;
  majorityRight: boolean;
}

export interface AnswerRecord {
  optionIndex: number;
  /** Since answers opened, paused time excluded, capped at the question time. */
  elapsedMs: number;
  at: number;
  correct: boolean;
  /** Worked out on arrival (the streak before the question is fixed) but only added to the
   *  score when the question closes, so a skipped question simply never adds it. */
  points: number;
  bonus: number;
  streak: number;
}

/** The question being played (or just played). */
export interface RoundState {
  index: number;
  readingEndsAt: number;
  /** End of team talk (options shown, answers not open yet); null without team talk. */
  talkEndsAt: number | null;
  openedAt: number | null;
  /** Last moment of the announced answer time; answers are accepted up to deadline + grace. */
  deadline: number | null;
  /** Time spent paused since answers opened; subtracted from answer times. */
  pausedMs: number;
  /** By seat. Always as long as `players`: a late joiner appends a null. */
  answers: SeatTable<AnswerRecord | null>;
  counts: number[];
  answered: number;
  /** Connected, non-kicked players without an answer: answers close early when it hits 0. */
  pending: number;
  skipped: boolean;
  /** Number of seats when the question closed: later joiners have no result for it. */
  seatsAtClose: number | null;
  /** Who was in the game when the question closed (kicked players left out, as in the
   *  results): the reveal's "n of m right". Null while the question is open. */
  turnout: Turnout | null;
  /** Team play: each team's outcome, by team index, once the question closed (not skipped). */
  teamResults: TeamRoundResult[] | null;
}

export interface Turnout {
  players: number;
  /** Of `players`, those without an answer. */
  noAnswer: number;
}

export type EndReason = 'finished' | 'ended-by-host';

export interface GameState {
  gameId: string;
  code: string;
  settings: GameSettings;
  questions: ServerQuestion[];
  phase: Phase;
  locked: boolean;
  /** When the live room must send the next `tick`; null when no timer is due. */
  timerAt: number | null;
  pausedAt: number | null;
  /** When a reveal or leaderboard moves on by itself (auto-advance); null when it does not. */
  advanceAt: number | null;
  players: PlayerState[];
  /** Players not kicked (the cap and the "n players" counters use it). */
  activeCount: number;
  round: RoundState | null;
  /** Seats of non-kicked players, best first; rebuilt when a question closes. */
  ranking: number[];
  /** By seat: 1-based rank, shared by equal scores; 0 when not ranked (yet). */
  rankOf: number[];
  /** `rankOf` as it was before the last ranking: the previous leaderboard, which the
   *  players' "moved up 2 places" compares with. */
  prevRankOf: number[];
  /** Team play: the teams in index order; empty in individual play. */
  teams: TeamState[];
  /** Indexes of teams with members, best first; rebuilt when a question closes. */
  teamRanking: number[];
  /** By team index: 1-based rank shared by equal scores; 0 when not ranked (yet). */
  teamRankOf: number[];
  endReason: EndReason | null;
}

// ---- commands ------------------------------------------------------------------------

/** Commands come from the live room after authentication (host token / player session)
 *  and payload parsing; nicknames arrive already normalised and filtered. */
export type Command =
  | { type: 'addPlayer'; nickname: string }
  /** A returning player on a new socket (refresh): the room answers with a full view. */
  | { type: 'resumePlayer'; playerId: string }
  /** The same socket came back (transport recovery); same state change as resumePlayer. */
  | { type: 'connect'; playerId: string }
  /** The player's last socket went away. */
  | { type: 'disconnect'; playerId: string }
  | { type: 'kick'; playerId: string }
  /** Team play, lobby only: the host puts a player on another team. */
  | { type: 'moveTeam'; playerId: string; team: number }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'start' }
  | { type: 'next' }
  | { type: 'skip' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Seconds a reveal or leaderboard stays before moving on by itself; 0 turns it off. */
  | { type: 'setAutoAdvance'; seconds: number }
  | { type: 'submitAnswer'; playerId: string; questionId: string; optionIndex: number }
  /** The timer for `state.timerAt` fired (maybe late, maybe slightly early). */
  | { type: 'tick' }
  | { type: 'end' };

// ---- effects -------------------------------------------------------------------------

type Emit<T extends object> = { [E in ServerEvent]: T & { event: E; payload: ServerPayload<E> } }[ServerEvent];

/** Room-wide: one payload, serialised once, identical for every socket in the room. */
export type BroadcastEffect = Emit<{ type: 'broadcast' }>;
export type PlayerEffect = Emit<{ type: 'sendToPlayer'; playerId: string }>;
export type HostEffect = Emit<{ type: 'sendToHost' }>;

export interface FinalStanding {
  playerId: string;
  nickname: string;
  rank: number;
  score: number;
  correctCount: number;
  totalAnswerMs: number;
}

export type PersistEffect =
  | {
      type: 'persist';
      what: 'player';
      playerId: string;
      nickname: string;
      seat: number;
      joinedAt: number;
      kicked: boolean;
      team: number | null;
    }
  | { type: 'persist'; what: 'team'; playerId: string; team: number }
  | {
      type: 'persist';
      what: 'answer';
      playerId: string;
      questionId: string;
      questionIndex: number;
      optionIndex: number;
      correct: boolean;
      /** Only counts if the question is not later persisted as skipped. */
      points: number;
      elapsedMs: number;
      at: number;
    }
  | {
      type: 'persist';
      what: 'phase';
      phase: Phase;
      questionIndex: number | null;
      questionId: string | null;
      skipped: boolean;
      at: number;
    }
  | { type: 'persist'; what: 'final'; reason: EndReason; standings: FinalStanding[]; at: number };

export type Effect =
  /** Set the room's single timer to `at` (replacing any earlier one); null cancels it. */
  | { type: 'schedule'; at: number | null }
  | BroadcastEffect
  | PlayerEffect
  | HostEffect
  /** Remove the player's sockets from the room (after their `player:kicked`). */
  | { type: 'evict'; playerId: string }
  | PersistEffect;

export type GameError = AckError;

export interface ReduceResult {
  state: GameState;
  effects: Effect[];
  error?: GameError;
  /** Set by a successful addPlayer: the id of the new player. */
  playerId?: string;
}
