// Per-player parts of the report: rank order, answers per question, heat-map row, and the
// weakest topics with the notes to re-read.
import type { PlayerAnswer, ReportPlayer, ReviewNote, TopicCell, WeakTopic } from '../../shared/report-types.js';
import { accuracy, addCell, type Cell, type Grid, type Tally } from './counting.js';
import type { AnswerRow, FactRow, GameRows, PlayerRow, QuestionRow } from './load.js';
import { noteKey, reviewNote } from './notes.js';
import { isPrefix, playerCells, weakestTopics, type Skeleton } from './topic-tree.js';

export interface PlayerInput {
  player: PlayerRow;
  cells: Cell<AnswerRow>[];
}

/** Each player's total answer time as the game sums it for its tie-break: each counted
 *  question's answer time, a missed one at its full time; skipped questions count nothing. */
export function answerTimes(rows: GameRows, grid: Grid<AnswerRow>): Map<string, number> {
  const seconds = (rows.game.settings as { secondsPerQuestion?: unknown } | null)?.secondsPerQuestion;
  const questionMs = typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : 0;
  return new Map(
    rows.players.map((p, i) => {
      let ms = 0;
      grid.cells[i].forEach((c, pos) => {
        if (grid.statuses[pos] === 'asked' && c.counted) ms += c.answer ? c.answer.elapsedMs : questionMs;
      });
      return [p.id, ms];
    }),
  );
}

/** Final rank when the game set one, else score, then the quicker answers, then who joined
 *  first, then nickname. */
/** `byTime`: a's total answer time minus b's, the game's tie-break (0 when unknown). */
export function rankOrder(a: PlayerRow, b: PlayerRow, byTime = 0): number {
  const ar = a.finalRank ?? Number.POSITIVE_INFINITY;
  const br = b.finalRank ?? Number.POSITIVE_INFINITY;
  if (ar !== br) return ar < br ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (byTime !== 0) return byTime;
  if (a.joinedAt.getTime() !== b.joinedAt.getTime()) return a.joinedAt.getTime() - b.joinedAt.getTime();
  return a.nickname.localeCompare(b.nickname);
}

export function playerAnswers(questions: readonly QuestionRow[], cells: readonly Cell<AnswerRow>[]): PlayerAnswer[] {
  return questions.map((q, i) => {
    const { status, counted, answer } = cells[i];
    return {
      questionIndex: q.index,
      status,
      counted,
      optionIndex: answer?.optionIndex ?? null,
      option: answer ? (q.options[answer.optionIndex] ?? null) : null,
      timeMs: answer?.elapsedMs ?? null,
      // A skipped question's points were never added to the score, so they are not shown either.
      points: answer && status !== 'skipped' ? answer.points : 0,
    };
  });
}

function cellTally(cell: Cell<AnswerRow>): Tally {
  const t: Tally = { asked: 0, correct: 0 };
  addCell(t, cell);
  return t;
}

/** Weakest topics of one player, each with the notes behind the questions they missed there. */
export function playerWeakTopics(
  row: readonly TopicCell[],
  questions: readonly QuestionRow[],
  cells: readonly Cell<AnswerRow>[],
  facts: ReadonlyMap<string, FactRow>,
): WeakTopic[] {
  return weakestTopics(row).map((w) => {
    const notes: ReviewNote[] = [];
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      const cell = cells[i];
      if (!cell.counted || cell.status === 'correct' || !isPrefix(w.path, q.topic)) return;
      const note = reviewNote(q, facts);
      // Two questions on one fact (or on the same words) need one note.
      const key = note.factId ?? noteKey(note.term, note.text);
      if (seen.has(key)) return;
      seen.add(key);
      notes.push(note);
    });
    return { ...w, notes };
  });
}

export function buildPlayer(
  input: PlayerInput,
  { rank, tied }: { rank: number | null; tied: boolean },
  skeleton: readonly Skeleton[],
  questions: readonly QuestionRow[],
  facts: ReadonlyMap<string, FactRow>,
): ReportPlayer {
  const { player, cells } = input;
  const total: Tally = { asked: 0, correct: 0 };
  for (const cell of cells) addCell(total, cell);
  const topics = playerCells(skeleton, (pos) => cellTally(cells[pos]));
  return {
    id: player.id,
    nickname: player.nickname,
    rank,
    tied,
    score: player.score,
    joinedAtQuestion: player.joinedAtQuestion,
    ...(player.team != null ? { team: player.team } : {}),
    kicked: player.kickedAt !== null,
    kickedAt: player.kickedAt?.toISOString() ?? null,
    asked: total.asked,
    correct: total.correct,
    accuracy: accuracy(total),
    topics,
    answers: playerAnswers(questions, cells),
    weakestTopics: playerWeakTopics(topics, questions, cells, facts),
  };
}
