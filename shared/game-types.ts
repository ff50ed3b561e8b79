// Domain types that client and server share: game settings, phases, and every shape a
// client can see. Nothing here carries the correct answer of a question that is still
// open: `PublicQuestion` has no answer field, and `RevealPayload` only exists once the
// question is closed. The server-side question (with `answerIndex`) lives in server/game.

// The generator's kinds (server/questions): definition -> term, term -> definition, table cell,
// true/false, cloze, and the notes' own questions (question-front flashcards, Q&A headings).
// All but true/false are four-option multiple choice.
export const QUESTION_KINDS = ['def-to-term', 'term-to-def', 'table-cell', 'true-false', 'cloze', 'qa'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SCORING_MODES = ['speed', 'accuracy'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

/** 'devices': players see prompt and labels; 'host-only': the projector shows them. */
export const DISPLAY_MODES = ['devices', 'host-only'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export const PHASES = ['lobby', 'reading', 'talk', 'answering', 'reveal', 'leaderboard', 'podium', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/** Rule constants. The client uses them for countdowns and form limits. */
export const GAME_RULES = {
  readingMs: 3_000,
  /** Answers arriving this long after the deadline still count (network jitter). */
  answerGraceMs: 250,
  secondsMin: 5,
  secondsMax: 120,
  secondsDefault: 20,
  questionCountMin: 1,
  questionCountMax: 100,
  questionCountDefault: 10,
  playerCapDefault: 500,
  playerCapMax: 2_000,
  /** With several server processes sharing the games (REDIS_URL), a room may hold more. */
  playerCapMaxShared: 5_000,
  optionsMax: 6,
  leaderboardSize: 5,
  podiumSize: 3,
  nicknameMaxChars: 20,
  /** Auto-advance: 0 is off; otherwise the seconds a reveal or leaderboard stays up. */
  autoAdvanceMin: 3,
  autoAdvanceMax: 60,
} as const;

/** 0 (off) or a whole number of seconds from `autoAdvanceMin` to `autoAdvanceMax`. */
export function isAutoAdvanceSeconds(value: unknown): value is number {
  return (
    value === 0 ||
    (Number.isInteger(value) && (value as number) >= GAME_RULES.autoAdvanceMin && (value as number) <= GAME_RULES.autoAdvanceMax)
  );
}

/** Room codes: short, case-insensitive, without look-alike characters (0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;

/** Team play: a fixed number of teams, or teams of about `size` players (a new team opens when
 *  every team has `size` members). Null: everyone plays for themselves. */
export type TeamSetup = { by: 'count'; count: number } | { by: 'size'; size: number };

export const TEAM_RULES = {
  countMin: 2,
  countMax: 8,
  sizeMin: 2,
  sizeMax: 10,
  /** Teams of N never make more teams than there are names for. */
  teamsMax: 12,
  /** Team talk: 0 (off) or up to this many seconds. */
  talkSecondsMax: 30,
  /** Teams listed on a leaderboard (the projector's bars). */
  boardSize: 8,
} as const;

/** Name, colour and shape of team `index`: the shape tells teams apart without colour. */
export interface TeamIdentity {
  index: number;
  name: string;
  colour: string;
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'hexagon' | 'heart' | 'moon' | 'bolt' | 'leaf' | 'drop' | 'cross';
}

const TEAMS: readonly Omit<TeamIdentity, 'index'>[] = [
  { name: 'Red Foxes', colour: '#c62828', shape: 'triangle' },
  { name: 'Blue Owls', colour: '#1565c0', shape: 'circle' },
  { name: 'Green Turtles', colour: '#2e7d32', shape: 'square' },
  { name: 'Gold Bees', colour: '#8d6e00', shape: 'star' },
  { name: 'Purple Cats', colour: '#6a1b9a', shape: 'diamond' },
  { name: 'Teal Otters', colour: '#00695c', shape: 'hexagon' },
  { name: 'Orange Pandas', colour: '#bf4000', shape: 'heart' },
  { name: 'Pink Flamingos', colour: '#ad1457', shape: 'moon' },
  { name: 'Grey Wolves', colour: '#455a64', shape: 'bolt' },
  { name: 'Lime Frogs', colour: '#4f7a00', shape: 'leaf' },
  { name: 'Navy Whales', colour: '#283593', shape: 'drop' },
  { name: 'Brown Bears', colour: '#5d4037', shape: 'cross' },
];

export function teamIdentity(index: number): TeamIdentity {
  return { index, ...TEAMS[index % TEAMS.length] };
}

export interface GameSettings {
  deckId: string;
  /** Topic paths (outermost first) to draw questions from; empty means the whole deck. */
  topics: string[][];
  questionCount: number;
  secondsPerQuestion: number;
  kinds: QuestionKind[];
  scoring: ScoringMode;
  display: DisplayMode;
  allowLateJoin: boolean;
  playerCap: number;
  /** After a reveal, and again after a leaderboard, the game moves on by itself this many
   *  seconds later; 0: only when the host says so. The host can change it during the game. */
  autoAdvanceSeconds: number;
  /** Team play; absent for individual play (games from before team play have neither field). */
  teams?: TeamSetup;
  /** Team play only: seconds after the reading time in which the options show but answers
   *  are not open yet, so team members can talk; absent or 0 is off. */
  teamTalkSeconds?: number;
}

/** What every player sees while the question is being read: no options yet. */
export interface QuestionPrompt {
  id: string;
  /** 0-based position in the game. */
  index: number;
  /** Number of questions in the game. */
  count: number;
  kind: QuestionKind;
  prompt: string;
  optionCount: number;
  topic: string[];
  seconds: number;
}

/** The question as players see it once answers open. Deliberately has no answer field. */
export interface PublicQuestion extends QuestionPrompt {
  options: string[];
}

export interface SourceRef {
  file: string;
  line: number;
  topic: string[];
}

/** Room-wide, sent when a question closes: the first moment the answer may leave the server. */
export interface RevealPayload {
  questionId: string;
  index: number;
  correctIndex: number;
  /** Number of answers per option, same order as `options`. */
  counts: number[];
  answered: number;
  /** Players in the game for this question, answered or not (kicked players left out): the
   *  same count as the results' "asked" for the question. */
  players: number;
  /** Of `players`, those who did not answer. */
  noAnswer: number;
  explanation: string;
  source: SourceRef;
  /** The host skipped the question: nobody scored and streaks were kept. */
  skipped: boolean;
}

export interface LeaderboardEntry {
  playerId: string;
  nickname: string;
  score: number;
  /** 1-based; equal scores share a rank (50, 30, 30, 10 → 1, 2, 2, 4). Tied players are listed
   *  faster total answer time first, then by join order. */
  rank: number;
  streak: number;
}

/** A team on a leaderboard or podium (team play only). */
export interface TeamEntry {
  team: number;
  name: string;
  score: number;
  /** 1-based; equal scores share a rank, as for players. */
  rank: number;
  /** Questions in a row the team's majority got right. */
  streak: number;
  /** Players on the team (kicked players are not). */
  members: number;
  /** The member with the most points (the earlier joiner on a tie); null for a team without
   *  ranked members. */
  best: { playerId: string; nickname: string; score: number } | null;
}

export interface LeaderboardPayload {
  /** Index of the question just played. */
  afterIndex: number;
  count: number;
  top: LeaderboardEntry[];
  totalPlayers: number;
  /** Team play: the teams best first (at most TEAM_RULES.boardSize). */
  teams?: TeamEntry[];
}

export interface PodiumPayload {
  top: LeaderboardEntry[];
  totalPlayers: number;
  /** Team play: the top three teams, each with its best scorer. */
  teams?: TeamEntry[];
}

/** Where a player's team stands (team play only). */
export interface TeamStanding {
  team: number;
  name: string;
  score: number;
  streak: number;
  /** Null until the first question has been scored. */
  rank: number | null;
  tied: boolean;
  /** Teams with at least one player. */
  teamCount: number;
  /** Points needed to catch the nearest team with a higher score; null when none has more. */
  gapToAbove: number | null;
  aboveName: string | null;
}

/** Where a player stands; `rank` is null until the first question has been scored. */
export interface Standing {
  score: number;
  streak: number;
  /** Shared by equal scores, like the leaderboard's. */
  rank: number | null;
  /** Someone else has the same score, hence the same rank ("tied 2nd"). */
  tied: boolean;
  /** Places gained (positive) or lost (negative) since the previous leaderboard; null when
   *  there is none to compare with (after the first question, or for a player not ranked then). */
  moved: number | null;
  /** Points needed to catch the nearest player with a higher score; null when nobody has more. */
  gapToAbove: number | null;
  aboveNickname: string | null;
}

/** One player's outcome of a question, sent only to that player at the reveal. */
export interface PlayerResult extends Standing {
  questionId: string;
  optionIndex: number | null;
  correct: boolean;
  /** Points earned on this question, streak bonus included. */
  points: number;
  bonus: number;
  skipped: boolean;
  /** Team play: the team's points for this question (the mean of its members', plus the
   *  team streak bonus), and where the team now stands. */
  teamResult?: { points: number; bonus: number; majorityRight: boolean; standing: TeamStanding };
}

export interface PlayerSummary {
  playerId: string;
  nickname: string;
  connected: boolean;
  score: number;
  /** Team play: the player's team index. */
  team?: number;
}

/** The current phase exactly as the room sees it; shared by player and host views. */
export type StageView =
  | { phase: 'lobby' }
  | { phase: 'reading'; question: QuestionPrompt; remainingMs: number }
  /** Team talk: the options show, answers are not open yet. */
  | { phase: 'talk'; question: PublicQuestion; remainingMs: number }
  | { phase: 'answering'; question: PublicQuestion; remainingMs: number; answered: number; total: number }
  | { phase: 'reveal'; question: PublicQuestion; reveal: RevealPayload }
  | { phase: 'leaderboard'; leaderboard: LeaderboardPayload }
  | { phase: 'podium'; podium: PodiumPayload }
  | { phase: 'ended'; podium: PodiumPayload | null };

interface ViewBase {
  gameId: string;
  code: string;
  paused: boolean;
  questionCount: number;
  scoring: ScoringMode;
  display: DisplayMode;
  playerCount: number;
  stage: StageView;
  /** Team play only: the team talk length (0: none). */
  teamTalkSeconds?: number;
}

/** Who is in the lobby, as the players' phones show it. */
export interface LobbyRoster {
  /** Players in the game (kicked players are not). */
  count: number;
  /** Their nicknames, newest first, at most LOBBY_NAMES_SHOWN of them. */
  names: string[];
}

/** A phone lists this many names; a bigger room shows the newest and "and N more". */
export const LOBBY_NAMES_SHOWN = 40;

/** Sent to one player when they join or come back: enough to redraw the whole screen. */
export interface PlayerView extends ViewBase {
  me: Standing & { playerId: string; nickname: string };
  /** Own choice for the open or just-revealed question. */
  myAnswer: number | null;
  /** Own outcome, present from the reveal of a question until the next question starts. */
  myResult: PlayerResult | null;
  /** Who else is in, while the game is in its lobby (updated by 'lobby:roster'). */
  lobby?: LobbyRoster;
  /** Team play: the player's team and where it stands. */
  myTeam?: TeamStanding;
}

export interface HostView extends ViewBase {
  locked: boolean;
  settings: GameSettings;
  players: PlayerSummary[];
  /** Time left before the game moves on by itself (frozen while paused); null when it is
   *  not waiting to (auto-advance off, or not a reveal or leaderboard). */
  advanceMs: number | null;
}
