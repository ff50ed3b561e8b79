// The FSRS scheduler (ts-fsrs) as the group's memory uses it, and the conversion between its
// cards and FactMemory rows. Quiz nights are days apart, so there are no same-day learning
// steps, and no fuzz: the same answers always give the same memory.
import { createEmptyCard, forgetting_curve, fsrs, type Card, type Grade, State } from 'ts-fsrs';

export const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** The card fields a FactMemory row stores. */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export function toCard(m: MemoryState): Card {
  return {
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: 0,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state as State,
    last_review: m.lastReview ?? undefined,
  };
}

export function fromCard(card: Card): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** One review: the memory before (null: never asked) and after. */
export function review(before: MemoryState | null, grade: Grade, at: Date): MemoryState {
  const card = before ? toCard(before) : createEmptyCard(at);
  return fromCard(scheduler.next(card, at, grade).card);
}

/** Chance of recalling the fact at `now`, 0–1 (0 for a card never reviewed); days count
 *  with their fraction, as in tonight.ts's query. */
export function recallAt(m: MemoryState, now: Date): number {
  if (m.state === State.New || !m.lastReview) return 0;
  const days = Math.max(0, (now.getTime() - m.lastReview.getTime()) / 86_400_000);
  return forgetting_curve(scheduler.parameters.w, days, m.stability);
}
