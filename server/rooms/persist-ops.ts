// Translates the reducer's persist effects into database writes for the room writer.
// Monotonic times stay in memory; rows get wall-clock timestamps taken when written down.
import type { GameState, PersistEffect } from '../game/types.js';
import { playerRowId, questionRowId, type GameStatus } from './game-store.js';
import type { WriteOp } from './game-writer.js';

export interface PersistContext {
  gameId: string;
  /** State after the command that produced the effect. */
  state: GameState;
  tokenHashOf(playerId: string): string;
  identityOf(playerId: string): PlayerIdentity;
}

/** What a joining player's phone said about who they are (see server/memory). */
export interface PlayerIdentity {
  deviceKeyHash: string | null;
  studyName: string | null;
}

export const NO_IDENTITY: PlayerIdentity = { deviceKeyHash: null, studyName: null };

export function endStatus(reason: GameState['endReason']): GameStatus {
  return reason === 'finished' ? 'finished' : 'ended-by-host';
}

/** True for writes that should not wait for the next batch (the game is over). */
export function isFinal(effect: PersistEffect): boolean {
  return effect.what === 'final' || (effect.what === 'phase' && effect.phase === 'ended');
}

export function writeOpsFor(effect: PersistEffect, ctx: PersistContext, at: Date): WriteOp[] {
  const { gameId, state } = ctx;
  switch (effect.what) {
    case 'player': {
      const id = playerRowId(gameId, effect.playerId);
      if (effect.kicked) return [{ kind: 'kick', id, at }];
      // A late joiner's first question: the current one while it is asked, else the next.
      const round = state.round;
      const asking = state.phase === 'reading' || state.phase === 'talk' || state.phase === 'answering';
      const row = {
        id,
        nickname: effect.nickname,
        nicknameKey: state.players[effect.seat].key,
        sessionTokenHash: ctx.tokenHashOf(effect.playerId),
        joinedAt: at,
        joinedAtQuestion: round ? round.index + (asking ? 0 : 1) : 0,
        team: effect.team,
        ...ctx.identityOf(effect.playerId),
      };
      return [{ kind: 'player', row }];
    }
    case 'team':
      return [{ kind: 'team', id: playerRowId(gameId, effect.playerId), team: effect.team }];
    case 'answer':
      return [
        {
          kind: 'answer',
          row: {
            questionId: questionRowId(gameId, effect.questionIndex),
            playerId: playerRowId(gameId, effect.playerId),
            optionIndex: effect.optionIndex,
            elapsedMs: Math.round(effect.elapsedMs),
            correct: effect.correct,
            points: effect.points,
            createdAt: at,
          },
        },
      ];
    case 'phase':
      if (effect.phase === 'reading' && effect.questionIndex === 0) {
        return [{ kind: 'game', patch: { status: 'playing', startedAt: at } }];
      }
      if (effect.phase === 'answering' && effect.questionIndex !== null) {
        return [{ kind: 'asked', index: effect.questionIndex, at }];
      }
      if (effect.phase === 'reveal' && effect.skipped && effect.questionIndex !== null) {
        return [{ kind: 'skipped', index: effect.questionIndex }];
      }
      if (effect.phase === 'ended') return [{ kind: 'game', patch: { status: endStatus(state.endReason), endedAt: at } }];
      return [];
    case 'final':
      return [
        {
          kind: 'standings',
          rows: effect.standings.map((s) => ({ id: playerRowId(gameId, s.playerId), score: s.score, rank: s.rank })),
        },
        { kind: 'game', patch: { status: endStatus(effect.reason), endedAt: at } },
      ];
  }
}
