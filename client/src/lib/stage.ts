// Applies room broadcasts to a view (player or host), so both screens redraw from the same
// rules. The server's full view (on join, resume and attach) replaces everything; these
// updates only move between phases in between.
import type { PublicQuestion, StageView } from '../../../shared/game-types.js';
import type { ServerPayload } from '../../../shared/protocol.js';

export interface LiveViewBase {
  stage: StageView;
  paused: boolean;
  playerCount: number;
}

/** Time left as the server last said it, and when we heard it (performance.now()). */
export interface Clock {
  remainingMs: number;
  receivedAt: number;
  paused: boolean;
}

export function clockFromStage(stage: StageView, paused: boolean): Clock | null {
  if (stage.phase === 'reading' || stage.phase === 'talk' || stage.phase === 'answering') {
    return { remainingMs: stage.remainingMs, receivedAt: performance.now(), paused };
  }
  return null;
}

export function remainingOf(clock: Clock | null, now = performance.now()): number {
  if (!clock) return 0;
  if (clock.paused) return clock.remainingMs;
  return Math.max(0, clock.remainingMs - (now - clock.receivedAt));
}

function questionOf(stage: StageView): PublicQuestion | null {
  if (stage.phase === 'talk' || stage.phase === 'answering' || stage.phase === 'reveal') return stage.question;
  if (stage.phase === 'reading') return { ...stage.question, options: [] };
  return null;
}

export type RoomEvent =
  | { type: 'question:show'; payload: ServerPayload<'question:show'> }
  | { type: 'question:talk'; payload: ServerPayload<'question:talk'> }
  | { type: 'question:open'; payload: ServerPayload<'question:open'> }
  | { type: 'question:reveal'; payload: ServerPayload<'question:reveal'> }
  | { type: 'leaderboard:show'; payload: ServerPayload<'leaderboard:show'> }
  | { type: 'podium:show'; payload: ServerPayload<'podium:show'> }
  | { type: 'game:paused'; payload: ServerPayload<'game:paused'> }
  | { type: 'game:resumed'; payload: ServerPayload<'game:resumed'> }
  | { type: 'room:closed'; payload: ServerPayload<'room:closed'> };

export const ROOM_EVENTS = [
  'question:show',
  'question:talk',
  'question:open',
  'question:reveal',
  'leaderboard:show',
  'podium:show',
  'game:paused',
  'game:resumed',
  'room:closed',
] as const satisfies readonly RoomEvent['type'][];

export function applyRoomEvent<V extends LiveViewBase>(view: V, event: RoomEvent): { view: V; clock: Clock | null } {
  const now = performance.now();
  switch (event.type) {
    case 'question:show': {
      const { question, readingMs } = event.payload;
      return {
        view: { ...view, paused: false, stage: { phase: 'reading', question, remainingMs: readingMs } },
        clock: { remainingMs: readingMs, receivedAt: now, paused: false },
      };
    }
    case 'question:talk': {
      const { question, remainingMs } = event.payload;
      return {
        view: { ...view, paused: false, stage: { phase: 'talk', question, remainingMs } },
        clock: { remainingMs, receivedAt: now, paused: false },
      };
    }
    case 'question:open': {
      const { question, remainingMs } = event.payload;
      const answered = 0;
      return {
        view: { ...view, paused: false, stage: { phase: 'answering', question, remainingMs, answered, total: view.playerCount } },
        clock: { remainingMs, receivedAt: now, paused: false },
      };
    }
    case 'question:reveal': {
      const reveal = event.payload;
      const current = questionOf(view.stage);
      // A question skipped while it was still being read never had its options sent.
      const question: PublicQuestion =
        current && current.id === reveal.questionId
          ? { ...current, options: current.options.length ? current.options : reveal.counts.map(() => '') }
          : {
              id: reveal.questionId,
              index: reveal.index,
              count: current?.count ?? reveal.index + 1,
              kind: current?.kind ?? 'def-to-term',
              prompt: current?.prompt ?? '',
              optionCount: reveal.counts.length,
              topic: reveal.source.topic,
              seconds: current?.seconds ?? 0,
              options: reveal.counts.map(() => ''),
            };
      return { view: { ...view, paused: false, stage: { phase: 'reveal', question, reveal } }, clock: null };
    }
    // Moving on ends a pause (one that held a reveal's auto-advance).
    case 'leaderboard:show':
      return { view: { ...view, paused: false, stage: { phase: 'leaderboard', leaderboard: event.payload } }, clock: null };
    case 'podium:show':
      return { view: { ...view, paused: false, stage: { phase: 'podium', podium: event.payload } }, clock: null };
    // Outside a question the time is auto-advance's wait, which only host screens show.
    case 'game:paused':
    case 'game:resumed': {
      const paused = event.type === 'game:paused';
      const inQuestion = view.stage.phase === 'reading' || view.stage.phase === 'talk' || view.stage.phase === 'answering';
      return { view: { ...view, paused }, clock: inQuestion ? { remainingMs: event.payload.remainingMs, receivedAt: now, paused } : null };
    }
    case 'room:closed': {
      const podium = view.stage.phase === 'podium' ? view.stage.podium : view.stage.phase === 'ended' ? view.stage.podium : null;
      return { view: { ...view, paused: false, stage: { phase: 'ended', podium } }, clock: null };
    }
  }
}
