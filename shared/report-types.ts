// JSON shapes of the post-game results routes (server/results): the topic breakdown, its
// per-player "you" section and the game history. Plain data only, so the client can import
// them without pulling in anything from the server.
//
// Counting rules (the server applies them, the client only displays):
// - accuracies are fractions 0..1 (null when nothing was counted), never rounded;
// - a question that was skipped, or never reached because the game ended early, counts for
//   nobody;
// - a player counts for a question from `joinedAtQuestion` on (or earlier if they answered
//   it anyway); a missing answer counts as wrong and is shown as 'no-answer';
// - kicked players are listed in `kickedPlayers` with their own figures and are left out of
//   every group figure (topics, questions, hardest, average accuracy, weakestTopics).

/** One line of a notes file around the line a question came from. */
export interface ContextLine {
  /** 1-based line number in the file. */
  n: number;
  /** The line as the notes read: heading marks, emphasis markers and HTML tags removed,
   *  indentation and list markers kept. Plain text, never markup. */
  text: string;
  /** True for the line(s) the note itself sits on. */
  focus: boolean;
}

/** Where a question's note lives, and the note in its context when the file is still in the bank. */
export interface NoteSource {
  file: string;
  line: number;
  lineEnd: number;
  explanation: string;
  /** A few lines around the note; null when the file is gone (show `explanation` only), and
   *  in the per-player lists of the full report (only `hardest` and `you` carry context). */
  context: ContextLine[] | null;
}

/** A note to re-read: the bank's fact, or the question's prompt and answer when the fact is gone. */
export interface ReviewNote {
  questionIndex: number;
  /** Null when the fact was deleted from the bank since the game. */
  factId: string | null;
  term: string;
  text: string;
  source: NoteSource;
}

/** Group accuracy for one topic; `children` are its sub-topics, weakest first. */
export interface TopicNode {
  name: string;
  /** Outermost first; [] is the bucket for questions without a topic. */
  path: string[];
  /** Distinct questions counted under this topic (sub-topics included). */
  questions: number;
  /** Player × question pairs counted. */
  asked: number;
  correct: number;
  accuracy: number | null;
  children: TopicNode[];
}

/** One heat-map cell: same shape and order as the group's `TopicNode` at the same position. */
export interface TopicCell {
  path: string[];
  asked: number;
  correct: number;
  /** Null when the player had no counted question in this topic (e.g. joined later). */
  accuracy: number | null;
  children: TopicCell[];
}

export type AnswerStatus =
  | 'correct'
  | 'wrong'
  | 'no-answer'
  /** Not in the game at that point: joined later or already kicked. */
  | 'not-playing'
  | 'skipped'
  | 'not-reached';

/** A player's answer to one question; `answers[i]` belongs to `questions[i]`. */
export interface PlayerAnswer {
  questionIndex: number;
  status: AnswerStatus;
  /** Whether it counts in this player's own figures. */
  counted: boolean;
  optionIndex: number | null;
  /** Text of the chosen option; null for no answer. */
  option: string | null;
  timeMs: number | null;
  /** 0 when the question was skipped: its points were never added to the score. */
  points: number;
}

export interface WeakTopic {
  name: string;
  path: string[];
  asked: number;
  correct: number;
  accuracy: number;
  /** The notes behind the questions of this topic the player missed. */
  notes: ReviewNote[];
}

export interface ReportPlayer {
  id: string;
  nickname: string;
  /** 1-based; equal scores share a rank (50, 30, 30, 10 → 1, 2, 2, 4). Null for kicked players. */
  rank: number | null;
  /** Another counted player has the same score ("tied 2nd"). */
  tied: boolean;
  score: number;
  /** 0-based index of the first question the player could answer. */
  joinedAtQuestion: number;
  /** Team play: the player's team (see `GameReport.teams`). */
  team?: number;
  kicked: boolean;
  kickedAt: string | null;
  asked: number;
  correct: number;
  accuracy: number | null;
  /** The heat-map row: mirrors `GameReport.topics`. */
  topics: TopicCell[];
  answers: PlayerAnswer[];
  /** Up to 3 topics below 100%, weakest first, none inside another. */
  weakestTopics: WeakTopic[];
}

export interface OptionPick {
  optionIndex: number;
  text: string;
  count: number;
}

export type QuestionStatus = 'asked' | 'skipped' | 'not-reached';

export interface ReportQuestion {
  index: number;
  id: string;
  kind: string;
  prompt: string;
  options: string[];
  answerIndex: number;
  topic: string[];
  status: QuestionStatus;
  /** Group figures (kicked players left out); all 0 unless status is 'asked'. */
  asked: number;
  correct: number;
  wrong: number;
  noAnswer: number;
  accuracy: number | null;
  /** How many counted players chose each option. */
  optionCounts: number[];
  /** The wrong option chosen most (lowest index on a tie); null if nobody chose a wrong one. */
  mostChosenWrong: OptionPick | null;
  source: NoteSource;
}

export interface HardQuestion {
  index: number;
  prompt: string;
  topic: string[];
  correctOption: string;
  asked: number;
  correct: number;
  noAnswer: number;
  accuracy: number;
  mostChosenWrong: OptionPick | null;
  source: NoteSource;
}

export interface ReportSettings {
  topics: string[][];
  questionCount: number | null;
  secondsPerQuestion: number | null;
  kinds: string[];
  scoring: string | null;
  display: string | null;
  allowLateJoin: boolean | null;
}

export interface ReportGame {
  id: string;
  code: string;
  deckId: string | null;
  deckName: string;
  status: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  settings: ReportSettings;
  /** Questions generated for the game. */
  questionCount: number;
  /** Questions that count (asked and not skipped). */
  countedQuestions: number;
  playerCount: number;
  /** Pooled over the group: correct / counted player × question pairs. */
  averageAccuracy: number | null;
  /** What the group figures leave out, so the screen can say so. */
  excluded: { kickedPlayers: number; skippedQuestions: number; notReachedQuestions: number };
  countingNote: string;
}

export interface YouSection {
  playerId: string;
  nickname: string;
  rank: number | null;
  tied: boolean;
  score: number;
  kicked: boolean;
  asked: number;
  correct: number;
  accuracy: number | null;
  /** As in `ReportPlayer.weakestTopics`, with each note's context filled in. */
  weakestTopics: WeakTopic[];
}

/** Team play: one team's figures, counted like a player's over its members (kicked players
 *  left out), so they sit next to the per-player figures. */
export interface ReportTeam {
  team: number;
  name: string;
  players: number;
  asked: number;
  correct: number;
  accuracy: number | null;
  /** Per topic, mirrors `GameReport.topics`. */
  topics: TopicCell[];
}

/** `GET /api/games/:gameId/report[?player=<id>]` */
export interface GameReport {
  game: ReportGame;
  /** Top-level topics, weakest first, each expandable into sub-topics. */
  topics: TopicNode[];
  /** The group's weakest topic paths (up to 3, below 100%), ready for a rematch on them. */
  weakestTopics: string[][];
  /** Counted players in rank order, tied players in the order they joined: the heat-map rows. */
  players: ReportPlayer[];
  /** Shown separately; not part of any group figure. */
  kickedPlayers: ReportPlayer[];
  /** Team play: each team with at least one counted player, in team order. */
  teams?: ReportTeam[];
  /** Every question of the game in order. */
  questions: ReportQuestion[];
  /** Lowest share correct first (up to 5, below 100%). */
  hardest: HardQuestion[];
  you?: YouSection;
}

/** One row of `GET /api/games` (host). Sent newest first; the total is in `X-Total-Count`. */
export interface GameHistoryItem {
  id: string;
  code: string;
  deckName: string;
  createdAt: string;
  endedAt: string | null;
  status: string;
  /** Players counted (kicked players left out). */
  players: number;
  /** Questions that count (asked and not skipped). */
  questions: number;
  accuracy: number | null;
  /** Present for team play; individual games have no mode field. */
  mode?: 'teams';
}
