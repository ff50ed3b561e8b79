// Player-facing wording for the join and play errors. The server's message is the
// fallback; these add what the player can do about it.
import type { AckError } from '../../../shared/errors.js';
import { STUDY_NAME_MAX } from '../../../shared/memory-types.js';

const STUDY_NAME_RULE = `3 to ${STUDY_NAME_MAX} letters, digits or spaces, starting with a letter or digit.`;

export function joinErrorText(error: AckError, context: { code?: string; nickname?: string } = {}): string {
  switch (error.code) {
    case 'UNKNOWN_ROOM':
      return `No game is running with code ${context.code ?? 'that'}. Check the code on the big screen.`;
    case 'BAD_PAYLOAD':
      if (error.message.startsWith('study name')) return `Study name: ${STUDY_NAME_RULE}`;
      return 'That does not look like a room code: it has 6 letters and digits.';
    case 'GAME_FINISHED':
      return 'That game has already finished. Ask the host for the new code.';
    case 'ROOM_LOCKED':
      return 'The host has locked this room. Ask them to unlock it to let you in.';
    case 'ROOM_FULL':
      return 'This room is full.';
    case 'LATE_JOIN_CLOSED':
      return 'The game has started and the host turned late joining off.';
    case 'NICKNAME_TAKEN':
      return `“${context.nickname ?? 'That name'}” is already taken in this room. Try another one, or suggest a name.`;
    case 'NICKNAME_PROFANE':
      return 'Please pick a different nickname: that one is not allowed.';
    case 'NICKNAME_INVALID':
      return 'Nicknames need 1 to 20 visible characters (letters, digits, emoji).';
    case 'RATE_LIMITED':
      return 'Too many tries in a short time. Wait a few seconds and try again.';
    case 'KICKED':
      return 'The host removed you from this game.';
    default:
      return error.message;
  }
}
