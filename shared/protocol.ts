// Socket.IO event maps (`entity:verb`). Every client command is `(payload, ack)`, and every
// payload is parsed with its schema from schemas.ts before any handler runs.
//
// Fan-out rule: a server event marked "room" is one identical payload for every socket of
// the room (players and host), so the server serialises it once. Per-player data (own
// result, own rank) travels in a small separate message ("player") or in an ack. Events
// marked "host" go to the host socket only: sending per-join or per-answer updates to the
// whole room would cost players × players messages.
import type { Ack } from './errors.js';
import type {
  HostView,
  LeaderboardPayload,
  LobbyRoster,
  PlayerResult,
  PlayerSummary,
  PlayerView,
  PodiumPayload,
  PublicQuestion,
  QuestionPrompt,
  RevealPayload,
  TeamStanding,
} from './game-types.js';

type Command<P, R> = (payload: P, ack: (response: Ack<R>) => void) => void;
type Empty = Record<string, never>;

// ---- client → server payloads -------------------------------------------------------

export interface RoomCheckPayload { code: string }
export interface RoomJoinPayload {
  code: string;
  nickname: string;
  /** The phone's own random key for this server: the same member from one night to the next. */
  deviceKey?: string;
  /** Typed by the player to be the same member on another device. */
  studyName?: string;
}
export interface RoomResumePayload { token: string }
export interface NicknameSuggestPayload { code: string }
export interface AnswerSubmitPayload { questionId: string; optionIndex: number }
export interface HostAttachPayload { gameId: string; hostToken: string }
export interface PlayerKickPayload { playerId: string }
export interface RoomLockPayload { locked: boolean }
/** Team play, lobby only: put the player on team `team` (0-based). */
export interface TeamMovePayload { playerId: string; team: number }
/** 0 turns auto-advance off; see GAME_RULES for the range. */
export interface AutoAdvanceSetPayload { seconds: number }

// ---- ack data -----------------------------------------------------------------------

/** First step of the two-step join: the code exists and accepts players. */
export interface RoomCheckResult { code: string; lateJoin: boolean }
/** `token` is the player's secret for `room:resume`; keep it in session storage. */
export interface JoinResult { playerId: string; token: string; view: PlayerView }
export interface NicknameSuggestion { nickname: string }
/** No correctness here: that would let a player tell the room the answer early. */
export interface AnswerReceipt { questionId: string; optionIndex: number }

export interface ClientToServerEvents {
  // player
  'room:check': Command<RoomCheckPayload, RoomCheckResult>;
  'room:join': Command<RoomJoinPayload, JoinResult>;
  'room:resume': Command<RoomResumePayload, JoinResult>;
  'nickname:suggest': Command<NicknameSuggestPayload, NicknameSuggestion>;
  'answer:submit': Command<AnswerSubmitPayload, AnswerReceipt>;
  // host (the socket must have attached with the host token first)
  'host:attach': Command<HostAttachPayload, HostView>;
  'game:start': Command<Empty, null>;
  'game:next': Command<Empty, null>;
  'game:skip': Command<Empty, null>;
  'game:pause': Command<Empty, null>;
  'game:resume': Command<Empty, null>;
  'game:end': Command<Empty, null>;
  'player:kick': Command<PlayerKickPayload, null>;
  'room:lock': Command<RoomLockPayload, null>;
  'game:autoAdvance': Command<AutoAdvanceSetPayload, null>;
  'team:move': Command<TeamMovePayload, null>;
}

export type ClientEvent = keyof ClientToServerEvents;
export type ClientPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
export type ClientAckData<E extends ClientEvent> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer R> ? R : never;

// ---- server → client payloads -------------------------------------------------------

export interface QuestionShowPayload { question: QuestionPrompt; readingMs: number }
/** `remainingMs` rather than a timestamp: client clocks disagree with the server's. */
export interface QuestionOpenPayload { question: PublicQuestion; remainingMs: number }
/** Team talk starts: the options (never the answer), and the time before answers open. */
export interface QuestionTalkPayload { question: PublicQuestion; remainingMs: number }
/** The host moved a player to another team. */
export interface PlayerMovedPayload { playerId: string; team: number }
/** The player's team changed (the host moved them); sent to that player only. */
export interface TeamAssignedPayload { team: TeamStanding }
export interface AnswersCountPayload { questionId: string; answered: number; total: number }
export interface ClockPayload { remainingMs: number }
export interface PlayerJoinedPayload { player: PlayerSummary; rejoined: boolean; total: number }
export interface PlayerLeftPayload { playerId: string; reason: 'disconnected' | 'kicked'; total: number }
export interface PlayerKickedPayload { message: string }
export interface RoomClosedPayload { reason: 'finished' | 'ended-by-host'; gameId: string }
/** The auto-advance setting, and the time left before the game moves on by itself (frozen
 *  while paused); `remainingMs` null: it is not waiting to. */
export interface AutoAdvanceStatePayload { seconds: number; remainingMs: number | null }

export interface ServerToClientEvents {
  /** player: full view, on join/resume (also inside the ack). */
  'game:state': (view: PlayerView) => void;
  /** host: full view, on attach. */
  'host:state': (view: HostView) => void;
  /** room: reading starts, prompt only. */
  'question:show': (payload: QuestionShowPayload) => void;
  /** room (team play with team talk): the options show, answers open after `remainingMs`. */
  'question:talk': (payload: QuestionTalkPayload) => void;
  /** room: answers open, with option labels. */
  'question:open': (payload: QuestionOpenPayload) => void;
  /** host: progress while answers come in (total count only, no per-option split). */
  'answers:count': (payload: AnswersCountPayload) => void;
  /** room: the question closed; answer, per-option counts, explanation and source. */
  'question:reveal': (payload: RevealPayload) => void;
  /** player: own outcome and rank for the question just revealed. */
  'player:result': (payload: PlayerResult) => void;
  /** room: top 5 after a question. */
  'leaderboard:show': (payload: LeaderboardPayload) => void;
  /** room: final top 3. */
  'podium:show': (payload: PodiumPayload) => void;
  /** host: a reveal or leaderboard started its wait before moving on, or the host changed
   *  the auto-advance setting. */
  'autoAdvance:state': (payload: AutoAdvanceStatePayload) => void;
  /** room: the clock stopped / restarted. */
  'game:paused': (payload: ClockPayload) => void;
  'game:resumed': (payload: ClockPayload) => void;
  /** players: who is in the lobby; at most one a second, after joins and departures. */
  'lobby:roster': (payload: LobbyRoster) => void;
  /** host: lobby and presence updates. */
  'player:joined': (payload: PlayerJoinedPayload) => void;
  'player:left': (payload: PlayerLeftPayload) => void;
  /** host: a player was moved to another team. */
  'player:moved': (payload: PlayerMovedPayload) => void;
  /** player: your team changed. */
  'team:assigned': (payload: TeamAssignedPayload) => void;
  /** player: you were removed; the server disconnects the socket afterwards. */
  'player:kicked': (payload: PlayerKickedPayload) => void;
  /** room: the game is over; clients move to the results page. */
  'room:closed': (payload: RoomClosedPayload) => void;
}

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
