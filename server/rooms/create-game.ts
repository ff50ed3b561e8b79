// Creating a game: questions from the source (seeded, so the game can be regenerated),
// a free room code, a per-game host token, the Game and GameQuestion rows, and finally
// the live room. The rows are written before the room opens, so everything a player can
// ever answer already exists in the database.
import crypto from 'node:crypto';
import { nanoid } from 'nanoid';
import type { GameSettings } from '../../shared/game-types.js';
import type { GameStore } from './game-store.js';
import type { QuestionSource } from './question-source.js';
import type { RoomDirectory } from './directory.js';
import { hashToken, newToken } from './secrets.js';

export interface CreatedGame {
  gameId: string;
  code: string;
  hostToken: string;
  /** Can be lower than asked for when the chosen topics have fewer questions. */
  questionCount: number;
}

export async function createLiveGame(
  settings: GameSettings,
  deps: { questions: QuestionSource; store: GameStore; directory: RoomDirectory },
  /** Tonight's review: the facts to ask, most urgent first, and the seed its preview used (the
   *  same seed makes the same questions). */
  focus?: { facts: readonly string[]; seed: string },
): Promise<CreatedGame> {
  const seed = focus?.seed ?? crypto.randomBytes(8).toString('hex');
  const set = await deps.questions.load(settings, seed, focus?.facts);
  const gameId = nanoid();
  const hostToken = newToken();
  const hostTokenHash = hashToken(hostToken);
  const frozen: GameSettings = { ...settings, questionCount: set.questions.length };
  // Reserved now so no other game created meanwhile can take it; released on failure.
  const { code, release } = await deps.directory.reserveCode(gameId);
  let opened = false;
  try {
    await deps.store.createGame({
      id: gameId,
      code,
      deckId: set.deckId,
      deckName: set.deckName,
      settings: frozen,
      seed,
      hostTokenHash,
      questions: set.questions,
    });
    await deps.directory.open({ gameId, code, settings: frozen, questions: set.questions, hostTokenHash });
    opened = true;
  } finally {
    await release(opened);
  }
  return { gameId, code, hostToken, questionCount: set.questions.length };
}
