// Room codes: six characters from an alphabet without look-alikes (0/O, 1/I/L), unique
// among the rooms this process holds. 31^6 is about 887 million codes, and joins are
// rate-limited per address, so guessing a live code is impractical.
import { customAlphabet } from 'nanoid';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/game-types.js';

const randomCode = customAlphabet(ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH);

export function newRoomCode(inUse: (code: string) => boolean): string {
  // With a few hundred live rooms a collision is roughly one in a million, so a handful
  // of attempts always suffices; the bound only guards against a broken `inUse`.
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = randomCode();
    if (!inUse(code)) return code;
  }
  throw new Error('could not find a free room code');
}
