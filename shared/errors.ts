// The closed set of error codes a client can receive, and the acknowledgement shape every
// client command gets back. Clients switch on `code`; `message` is only for humans, so the
// server may reword it without breaking anyone.

export const ERROR_CODES = [
  'BAD_PAYLOAD',
  'UNKNOWN_ROOM',
  'UNKNOWN_GAME',
  'UNKNOWN_DECK',
  'UNKNOWN_PLAYER',
  'NOT_ENOUGH_QUESTIONS',
  'GAME_FINISHED',
  'ROOM_LOCKED',
  'ROOM_FULL',
  'LATE_JOIN_CLOSED',
  'NICKNAME_TAKEN',
  'NICKNAME_INVALID',
  'NICKNAME_PROFANE',
  'BAD_TOKEN',
  'KICKED',
  'NOT_HOST',
  'NO_PLAYERS',
  'WRONG_PHASE',
  'GAME_PAUSED',
  'WRONG_QUESTION',
  'TOO_LATE',
  'ALREADY_ANSWERED',
  'BAD_OPTION',
  'RATE_LIMITED',
  'TOO_LARGE',
  'UNSUPPORTED_FILE',
  'NOT_FOUND',
  'INTERNAL',
  'DECK_EXISTS',
  'UNKNOWN_FILE',
  'UNKNOWN_TOPIC',
  'TOO_MANY_GAMES',
  'TEAM_TALK',
  'NOT_TEAM_GAME',
  'UNKNOWN_TEAM',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  BAD_PAYLOAD: 'The request was malformed.',
  UNKNOWN_ROOM: 'No game is running with that code.',
  UNKNOWN_GAME: 'That game does not exist.',
  UNKNOWN_DECK: 'That notes deck does not exist.',
  UNKNOWN_PLAYER: 'That player is not in this game.',
  NOT_ENOUGH_QUESTIONS: 'The chosen topics do not have enough questions.',
  GAME_FINISHED: 'This game has already finished.',
  ROOM_LOCKED: 'The host has locked this room.',
  ROOM_FULL: 'This room is full.',
  LATE_JOIN_CLOSED: 'The game has started and late joining is off.',
  NICKNAME_TAKEN: 'Someone in this room already uses that nickname.',
  NICKNAME_INVALID: 'Nicknames must be 1 to 20 visible characters.',
  NICKNAME_PROFANE: 'Please choose a different nickname.',
  BAD_TOKEN: 'Your session is no longer valid. Please join again.',
  KICKED: 'The host removed you from this game.',
  NOT_HOST: 'Only the host can do that.',
  NO_PLAYERS: 'At least one player must join before the game starts.',
  WRONG_PHASE: 'That is not possible at this point of the game.',
  GAME_PAUSED: 'The game is paused.',
  WRONG_QUESTION: 'That question is no longer open.',
  TOO_LATE: 'Time is up for this question.',
  ALREADY_ANSWERED: 'You already answered this question.',
  BAD_OPTION: 'That option does not exist.',
  RATE_LIMITED: 'Too many requests. Please slow down.',
  TOO_LARGE: 'That is too large.',
  UNSUPPORTED_FILE: 'That file does not look like text notes.',
  NOT_FOUND: 'Not found.',
  INTERNAL: 'Something went wrong on the server.',
  DECK_EXISTS: 'A deck with that name already exists.',
  UNKNOWN_FILE: 'That file is not in this deck.',
  UNKNOWN_TOPIC: 'That topic is not in this deck.',
  TOO_MANY_GAMES: 'This server is running as many games as it may. Try again when one has finished.',
  TEAM_TALK: 'Team talk: answers open when the talk time ends.',
  NOT_TEAM_GAME: 'This game is not played in teams.',
  UNKNOWN_TEAM: 'That team is not in this game.',
};

export interface AckError {
  code: ErrorCode;
  message: string;
}

export type AckOk<T> = { ok: true; data: T };
export type AckFail = { ok: false; error: AckError };
export type Ack<T> = AckOk<T> | AckFail;

/** The callback Socket.IO hands to a command handler. */
export type AckFn<T> = (response: Ack<T>) => void;

export function ok<T>(data: T): AckOk<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code]): AckFail {
  return { ok: false, error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
