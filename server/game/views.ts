// Views derived from state: what a player or the host needs to redraw the whole screen
// after joining or reconnecting, i.e. the current phase exactly as the room sees it.
// They reuse the payload builders of the broadcasts, so the two cannot drift apart, and
// none of those builders exposes the answer of a question before its reveal.
import { seatGet } from './seat-table.js';
import { LOBBY_NAMES_SHOWN, type HostView, type LobbyRoster, type PlayerView, type StageView } from '../../shared/game-types.js';
import {
  devicePrompt,
  deviceQuestion,
  leaderboardPayload,
  playerResult,
  playerSummary,
  podiumPayload,
  publicQuestion,
  questionPrompt,
  revealPayload,
  standing,
} from './payloads.js';
import { advanceRemainingMs } from './advance.js';
import { remainingMs, seatOf } from './state.js';
import { teamStanding } from './teams.js';
import type { GameState } from './types.js';

export function stageView(state: GameState, now: number): StageView {
  const round = state.round;
  switch (state.phase) {
    case 'reading':
      return { phase: 'reading', question: questionPrompt(state, round!.index), remainingMs: remainingMs(state, now) };
    case 'talk':
      return { phase: 'talk', question: publicQuestion(state, round!.index), remainingMs: remainingMs(state, now) };
    case 'answering':
      return {
        phase: 'answering',
        question: publicQuestion(state, round!.index),
        remainingMs: remainingMs(state, now),
        answered: round!.answered,
        total: state.activeCount,
      };
    case 'reveal':
      return { phase: 'reveal', question: publicQuestion(state, round!.index), reveal: revealPayload(state, round!) };
    case 'leaderboard':
      return { phase: 'leaderboard', leaderboard: leaderboardPayload(state) };
    case 'podium':
      return { phase: 'podium', podium: podiumPayload(state) };
    case 'ended':
      return { phase: 'ended', podium: state.ranking.length > 0 ? podiumPayload(state) : null };
    default:
      return { phase: 'lobby' };
  }
}

function base(state: GameState, now: number) {
  return {
    gameId: state.gameId,
    code: state.code,
    paused: state.pausedAt !== null,
    questionCount: state.questions.length,
    scoring: state.settings.scoring,
    display: state.settings.display,
    playerCount: state.activeCount,
    stage: stageView(state, now),
    ...(state.settings.teams ? { teamTalkSeconds: state.settings.teamTalkSeconds ?? 0 } : {}),
  };
}

/** In 'host-only' display a player's device never gets the prompt or the option text:
 *  the same masking as the live room applies to the question broadcasts. */
export function deviceStage(stage: StageView): StageView {
  switch (stage.phase) {
    case 'reading':
      return { ...stage, question: devicePrompt(stage.question) };
    case 'talk':
    case 'answering':
    case 'reveal':
      return { ...stage, question: deviceQuestion(stage.question) };
    default:
      return stage;
  }
}

/** Null for an unknown or kicked player: they get no view at all. */
export function playerView(state: GameState, playerId: string, now: number): PlayerView | null {
  const seat = seatOf(state, playerId);
  if (seat < 0 || state.players[seat].kicked) return null;
  const player = state.players[seat];
  const round = state.round;
  const inQuestion = state.phase === 'answering' || state.phase === 'reveal' || state.phase === 'leaderboard';
  const showsResult = state.phase === 'reveal' || state.phase === 'leaderboard' || state.phase === 'podium';
  const shared = base(state, now);
  if (state.settings.display === 'host-only') shared.stage = deviceStage(shared.stage);
  return {
    ...shared,
    me: { playerId: player.id, nickname: player.nickname, ...standing(state, seat) },
    myAnswer: inQuestion && round ? (seatGet(round.answers, seat)?.optionIndex ?? null) : null,
    myResult: showsResult ? playerResult(state, seat) : null,
    ...(state.phase === 'lobby' ? { lobby: lobbyRoster(state) } : {}),
    ...(player.team !== null ? { myTeam: teamStanding(state, player.team) } : {}),
  };
}

/** The players in the game, newest first, as the lobby on the phones lists them. */
export function lobbyRoster(state: GameState): LobbyRoster {
  const names: string[] = [];
  for (let seat = state.players.length - 1; seat >= 0 && names.length < LOBBY_NAMES_SHOWN; seat--) {
    if (!state.players[seat].kicked) names.push(state.players[seat].nickname);
  }
  return { count: state.activeCount, names };
}

export function hostView(state: GameState, now: number): HostView {
  return {
    ...base(state, now),
    locked: state.locked,
    settings: {
      ...state.settings,
      topics: state.settings.topics.map((t) => t.slice()),
      kinds: state.settings.kinds.slice(),
    },
    players: state.players.filter((p) => !p.kicked).map(playerSummary),
    advanceMs: advanceRemainingMs(state, now),
  };
}
