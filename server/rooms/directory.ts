// Where a game lives. With one process every live game is in this process's registry and
// the directory is a thin view of it. With several processes (REDIS_URL) the shared
// directory (server/scale/shared-directory.ts) also finds games owned by other processes
// and hands out handles that forward to their owner.
import { GAME_RULES } from '../../shared/game-types.js';
import type { LiveRoom } from './live-room.js';
import type { NewRoom, RestoreSummary, RoomRegistry } from './registry.js';
import { localHandle, type OwnerContext, type RoomHandle } from './room-handle.js';

export interface RoomDirectory {
  /** Most players a room may hold: more when several processes share the fan-out. */
  readonly playerCapMax: number;
  /** The live game with that join code, wherever it runs; null when none is live. */
  byCode(code: string): Promise<RoomHandle | null>;
  /** The live game a session token belongs to; null when none is live. */
  bySession(tokenHash: string): Promise<RoomHandle | null>;
  byGame(gameId: string): Promise<RoomHandle | null>;
  /** A join code no live game (in any process) uses; `release` once the game is open or failed. */
  reserveCode(gameId: string): Promise<{ code: string; release(opened: boolean): Promise<void> }>;
  /** Opens a new game's live room in this process, which becomes its owner. */
  open(spec: NewRoom): Promise<LiveRoom>;
  /** Start-up: the unfinished games nobody else owns come back here. */
  restore(resumeWithinMs: number): Promise<RestoreSummary>;
  /** Once the server listens: with several processes, start watching for games whose
   *  owner died. */
  start(): void;
  /** After the rooms closed: give up what this process owns. */
  close(): Promise<void>;
}

/** One process: every game is in the registry. */
export function localDirectory(rooms: RoomRegistry, ctx: OwnerContext): RoomDirectory {
  const live = (room: LiveRoom | undefined) => (room && !room.isClosed ? localHandle(room, ctx) : null);
  return {
    playerCapMax: GAME_RULES.playerCapMax,
    byCode: async (code) => live(rooms.findByCode(code)),
    bySession: async (tokenHash) => live(rooms.findBySession(tokenHash)),
    byGame: async (gameId) => live(rooms.findByGame(gameId)),
    async reserveCode() {
      const code = rooms.reserveCode();
      return { code, release: async () => rooms.releaseCode(code) };
    },
    async open(spec) {
      return rooms.open(spec);
    },
    restore: (resumeWithinMs) => rooms.restore(resumeWithinMs),
    start() {},
    async close() {},
  };
}
