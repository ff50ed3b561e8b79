// Everything this app keeps in localStorage, in one place. Storage can be unavailable
// (private mode, quota), so every access is wrapped and failures are simply ignored.
import { DEVICE_KEY_PATTERN } from '../../../shared/memory-types.js';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage full or disabled: the app still works for this page load */
  }
}

function readJson<T>(key: string): T | null {
  const raw = read(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

// ---- host ----------------------------------------------------------------------------

export const hostSecret = {
  get: () => read('qn.hostSecret'),
  set: (secret: string) => write('qn.hostSecret', secret),
  clear: () => write('qn.hostSecret', null),
};

export interface HostGameKey {
  hostToken: string;
  code: string;
  joinUrl: string;
}

export const hostGames = {
  get: (gameId: string) => readJson<HostGameKey>(`qn.hostGame.${gameId}`),
  set: (gameId: string, key: HostGameKey) => write(`qn.hostGame.${gameId}`, JSON.stringify(key)),
};

export const lastDeck = {
  get: () => read('qn.lastDeck'),
  set: (deckId: string) => write('qn.lastDeck', deckId),
};

// ---- players -------------------------------------------------------------------------

export interface PlayerSessionRecord {
  code: string;
  gameId: string;
  playerId: string;
  nickname: string;
  token: string;
  savedAt: number;
}

/** Sessions are keyed by room code: the join link carries the code, not the game id. */
export const playerSessions = {
  get: (code: string) => readJson<PlayerSessionRecord>(`qn.session.${code.toUpperCase()}`),
  set(record: PlayerSessionRecord) {
    write(`qn.session.${record.code.toUpperCase()}`, JSON.stringify(record));
    // The results page looks the player up by game id, long after the room has closed.
    write(`qn.me.${record.gameId}`, record.playerId);
    write('qn.lastSession', record.code.toUpperCase());
  },
  clear(code: string) {
    write(`qn.session.${code.toUpperCase()}`, null);
    if (read('qn.lastSession') === code.toUpperCase()) write('qn.lastSession', null);
  },
  last(): PlayerSessionRecord | null {
    const code = read('qn.lastSession');
    return code ? playerSessions.get(code) : null;
  },
  playerIdForGame: (gameId: string) => read(`qn.me.${gameId}`),
  lastNickname: () => read('qn.nickname'),
  rememberNickname: (nickname: string) => write('qn.nickname', nickname),
  /** The study name last typed here, offered again at the next join. */
  studyName: () => read('qn.studyName'),
  rememberStudyName: (name: string | null) => write('qn.studyName', name || null),
};

/** A random key for this browser, made once and sent with every join, so the group's memory
 *  (what this player knows across quiz nights) follows the phone, not the nickname. */
export const deviceKey = {
  /** The key if this browser has one already (it has joined a game here); never makes one. */
  peek(): string | null {
    const kept = read('qn.deviceKey');
    return kept && DEVICE_KEY_PATTERN.test(kept) ? kept : null;
  },
  get(): string | null {
    const kept = deviceKey.peek();
    if (kept) return kept;
    try {
      const bytes = crypto.getRandomValues(new Uint8Array(24));
      const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      write('qn.deviceKey', key);
      // Storage may refuse it: then this page load plays without a memory, as before.
      return read('qn.deviceKey') === key ? key : null;
    } catch {
      return null;
    }
  },
};

// ---- preferences ---------------------------------------------------------------------

export const soundPref = {
  get: () => read('qn.sound') === 'on',
  set: (on: boolean) => write('qn.sound', on ? 'on' : 'off'),
};
