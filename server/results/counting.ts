// Who counts for which question. Every figure of the report and of the history is derived
// from the grid built here, so the rules live in one place:
// - skipped questions and questions never reached count for nobody;
// - a player counts from the question they joined at (Player.joinedAtQuestion), or earlier
//   if they did answer it (a late joiner may answer the question that was open when they came);
// - a kicked player counts only for questions asked before the kick;
// - a missing answer of a player who counts is a wrong answer ('no-answer').
// Group figures additionally leave kicked players out; that filter is the caller's.
import type { AnswerStatus, QuestionStatus } from '../../shared/report-types.js';
import type { AnswerRow, PlayerRow, QuestionRow } from './load.js';

export type CountQuestion = Pick<QuestionRow, 'id' | 'index' | 'skipped' | 'askedAt'>;
export type CountPlayer = Pick<PlayerRow, 'id' | 'joinedAtQuestion' | 'kickedAt'>;
export type CountAnswer = Pick<AnswerRow, 'questionId' | 'playerId' | 'correct' | 'createdAt'>;

export interface Cell<A extends CountAnswer> {
  status: AnswerStatus;
  /** Counts in the player's own figures. */
  counted: boolean;
  answer: A | undefined;
}

export interface Grid<A extends CountAnswer> {
  /** By position in the questions array. */
  statuses: QuestionStatus[];
  /** cells[playerPosition][questionPosition] */
  cells: Cell<A>[][];
}

/**
 * Which questions were asked. The live room stamps GameQuestion.askedAt when answers open;
 * games written before that column existed (or by a writer that does not set it) fall back to
 * "every question up to the last one anybody answered or the host skipped", which only misses
 * a final question that nobody answered.
 */
export function questionStatuses(questions: readonly CountQuestion[], answers: readonly CountAnswer[]): QuestionStatus[] {
  const answered = new Set(answers.map((a) => a.questionId));
  const tracked = questions.some((q) => q.askedAt !== null);
  let last = -1;
  if (!tracked) {
    for (const q of questions) if (q.skipped || answered.has(q.id)) last = Math.max(last, q.index);
  }
  return questions.map((q) => {
    if (q.skipped) return 'skipped';
    const reached = tracked ? q.askedAt !== null || answered.has(q.id) : q.index <= last;
    return reached ? 'asked' : 'not-reached';
  });
}

export function buildGrid<A extends CountAnswer>(
  questions: readonly CountQuestion[],
  players: readonly CountPlayer[],
  answers: readonly A[],
): Grid<A> {
  const statuses = questionStatuses(questions, answers);
  const byPair = new Map<string, A>();
  // Earliest answer per question: when askedAt is unknown it tells whether a kick came after it.
  const firstAnswerAt = new Map<string, number>();
  for (const a of answers) {
    byPair.set(pairKey(a.playerId, a.questionId), a);
    const t = a.createdAt.getTime();
    const seen = firstAnswerAt.get(a.questionId);
    if (seen === undefined || t < seen) firstAnswerAt.set(a.questionId, t);
  }
  const tracked = questions.some((q) => q.askedAt !== null);

  const cells = players.map((p) =>
    questions.map((q, i): Cell<A> => {
      const answer = byPair.get(pairKey(p.id, q.id));
      const status = statuses[i];
      if (status !== 'asked') return { status, counted: false, answer };
      if (!answer && !wasPlaying(p, q, tracked, firstAnswerAt.get(q.id))) {
        return { status: 'not-playing', counted: false, answer };
      }
      if (!answer) return { status: 'no-answer', counted: true, answer };
      return { status: answer.correct ? 'correct' : 'wrong', counted: true, answer };
    }),
  );
  return { statuses, cells };
}

function wasPlaying(p: CountPlayer, q: CountQuestion, tracked: boolean, firstAnswerAt: number | undefined): boolean {
  if (q.index < p.joinedAtQuestion) return false;
  if (!p.kickedAt) return true;
  const kick = p.kickedAt.getTime();
  if (tracked) return q.askedAt !== null && q.askedAt.getTime() < kick;
  return firstAnswerAt !== undefined && firstAnswerAt <= kick;
}

function pairKey(playerId: string, questionId: string): string {
  return `${playerId}\u0000${questionId}`;
}

export interface Tally {
  asked: number;
  correct: number;
}

export function accuracy(t: Tally): number | null {
  return t.asked > 0 ? t.correct / t.asked : null;
}

/** Adds one cell to a tally if it counts. */
export function addCell(t: Tally, cell: Cell<CountAnswer>): void {
  if (!cell.counted) return;
  t.asked += 1;
  if (cell.status === 'correct') t.correct += 1;
}

/** Pooled group accuracy: only players that were not kicked. */
export function groupTally(grid: Grid<CountAnswer>, players: readonly CountPlayer[]): Tally {
  const t: Tally = { asked: 0, correct: 0 };
  players.forEach((p, i) => {
    if (p.kickedAt) return;
    for (const cell of grid.cells[i]) addCell(t, cell);
  });
  return t;
}
