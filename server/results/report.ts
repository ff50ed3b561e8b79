// The post-game breakdown, computed from database rows with no I/O: group accuracy per topic
// (a tree, weakest first), the per-player heat map and answers, the hardest questions and the
// weakest topics with the notes to re-read. Counting rules: counting.ts.
import type {
  ReportTeam,
  GameReport,
  HardQuestion,
  NoteSource,
  OptionPick,
  ReportGame,
  ReportPlayer,
  ReportQuestion,
  ReportSettings,
  YouSection,
} from '../../shared/report-types.js';
import { competitionRanks } from '../../shared/scoring.js';
import { accuracy, buildGrid, groupTally, type Cell, type Grid, type Tally } from './counting.js';
import type { AnswerRow, GameRows, PlayerRow, QuestionRow } from './load.js';
import { answerTimes, buildPlayer, rankOrder } from './players.js';
import { sourceOf } from './notes.js';
import { buildSkeleton, groupTopics, playerCells, weakestTopics, type Skeleton } from './topic-tree.js';
import { teamIdentity } from '../../shared/game-types.js';

export const HARDEST_MAX = 5;

export interface BuiltReport {
  report: GameReport;
  /** Note sources whose `context` the caller should fill (hardest questions, the player's own notes). */
  needsContext: { source: NoteSource; question: QuestionRow }[];
}

export function buildReport(rows: GameRows, opts: { playerId?: string } = {}): BuiltReport {
  const { game, questions, players, answers, facts } = rows;
  const grid = buildGrid(questions, players, answers);
  const cellsOf = new Map(players.map((p, i) => [p.id, grid.cells[i]]));

  // Tied players in the order the live board showed them: quicker answers first.
  const answerMs = answerTimes(rows, grid);
  const active = players
    .filter((p) => !p.kickedAt)
    .sort((a, b) => rankOrder(a, b, answerMs.get(a.id)! - answerMs.get(b.id)!));
  const kicked = players.filter((p) => p.kickedAt).sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  const activeCells = active.map((p) => cellsOf.get(p.id)!);

  const perQuestion = questions.map((_, pos) => questionTally(activeCells, pos));
  const skeleton = buildSkeleton(
    questions.flatMap((q, pos) => (grid.statuses[pos] === 'asked' ? [{ position: pos, topic: q.topic }] : [])),
  );
  const topics = groupTopics(skeleton, (pos) => perQuestion[pos]);

  // Ranks from the scores, shared by equal scores as in the game (also for games stored
  // before ranks were shared, or ended before any standings were written).
  const ranks = competitionRanks(active.map((p) => p.score));
  const reportPlayers = active.map((p, i) => {
    const tied = ranks[i - 1] === ranks[i] || ranks[i + 1] === ranks[i];
    return buildPlayer({ player: p, cells: cellsOf.get(p.id)! }, { rank: ranks[i], tied }, skeleton, questions, facts);
  });
  const noRank = { rank: null, tied: false };
  const kickedPlayers = kicked.map((p) => buildPlayer({ player: p, cells: cellsOf.get(p.id)! }, noRank, skeleton, questions, facts));

  const reportQuestions = questions.map((q, pos) => questionFigures(q, grid.statuses[pos], activeCells, pos, facts));
  const hardest = hardestQuestions(reportQuestions);

  const report: GameReport = {
    game: summary(rows, grid, kicked.length, active.length),
    topics,
    weakestTopics: weakestTopics(topics).map((w) => w.path),
    players: reportPlayers,
    kickedPlayers,
    questions: reportQuestions,
    hardest,
  };
  const teams = teamFigures(active, activeCells, questions.length, skeleton);
  if (teams.length > 0) report.teams = teams;
  const byIndex = new Map(questions.map((q) => [q.index, q]));
  const needsContext = hardest.map((h) => ({ source: h.source, question: byIndex.get(h.index)! }));

  const me = opts.playerId ? [...reportPlayers, ...kickedPlayers].find((p) => p.id === opts.playerId) : undefined;
  if (me) {
    report.you = youSection(me);
    for (const t of report.you.weakestTopics) {
      for (const n of t.notes) needsContext.push({ source: n.source, question: byIndex.get(n.questionIndex)! });
    }
  }
  return { report, needsContext };
}

/** Per-team figures: each team's members' counted answers added up, overall and per topic. */
function teamFigures(active: readonly PlayerRow[], activeCells: readonly Cell<AnswerRow>[][], count: number, skeleton: readonly Skeleton[]): ReportTeam[] {
  const members = new Map<number, Cell<AnswerRow>[][]>();
  active.forEach((p, i) => {
    if (p.team == null) return;
    const list = members.get(p.team) ?? [];
    list.push(activeCells[i]);
    members.set(p.team, list);
  });
  return [...members.keys()]
    .sort((a, b) => a - b)
    .map((team) => {
      const cells = members.get(team)!;
      const perQuestion = Array.from({ length: count }, (_, pos) => questionTally(cells, pos));
      const total: Tally = { asked: 0, correct: 0 };
      for (const t of perQuestion) {
        total.asked += t.asked;
        total.correct += t.correct;
      }
      return {
        team,
        name: teamIdentity(team).name,
        players: cells.length,
        asked: total.asked,
        correct: total.correct,
        accuracy: accuracy(total),
        topics: playerCells(skeleton, (pos) => perQuestion[pos]),
      };
    });
}

function questionTally(activeCells: readonly Cell<AnswerRow>[][], pos: number): Tally {
  const t: Tally = { asked: 0, correct: 0 };
  for (const cells of activeCells) {
    const c = cells[pos];
    if (!c.counted) continue;
    t.asked += 1;
    if (c.status === 'correct') t.correct += 1;
  }
  return t;
}

function questionFigures(
  q: QuestionRow,
  status: ReportQuestion['status'],
  activeCells: readonly Cell<AnswerRow>[][],
  pos: number,
  facts: GameRows['facts'],
): ReportQuestion {
  const optionCounts = q.options.map(() => 0);
  let asked = 0;
  let correct = 0;
  let noAnswer = 0;
  for (const cells of activeCells) {
    const c = cells[pos];
    if (!c.counted) continue;
    asked += 1;
    if (c.status === 'correct') correct += 1;
    if (c.status === 'no-answer') noAnswer += 1;
    if (c.answer && c.answer.optionIndex >= 0 && c.answer.optionIndex < optionCounts.length) optionCounts[c.answer.optionIndex] += 1;
  }
  return {
    index: q.index,
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    answerIndex: q.answerIndex,
    topic: q.topic,
    status,
    asked,
    correct,
    wrong: asked - correct - noAnswer,
    noAnswer,
    accuracy: accuracy({ asked, correct }),
    optionCounts,
    mostChosenWrong: mostChosenWrong(q, optionCounts),
    source: sourceOf(q, facts),
  };
}

function mostChosenWrong(q: QuestionRow, counts: readonly number[]): OptionPick | null {
  let best: OptionPick | null = null;
  counts.forEach((count, i) => {
    if (i === q.answerIndex || count === 0) return;
    // Strictly greater: on a tie the earlier option stays, so the result is stable.
    if (!best || count > best.count) best = { optionIndex: i, text: q.options[i], count };
  });
  return best;
}

function hardestQuestions(questions: readonly ReportQuestion[]): HardQuestion[] {
  return questions
    .filter((q): q is ReportQuestion & { accuracy: number } => q.status === 'asked' && q.accuracy !== null && q.accuracy < 1)
    .sort((a, b) => a.accuracy - b.accuracy || b.asked - a.asked || a.index - b.index)
    .slice(0, HARDEST_MAX)
    .map((q) => ({
      index: q.index,
      prompt: q.prompt,
      topic: q.topic,
      correctOption: q.options[q.answerIndex] ?? '',
      asked: q.asked,
      correct: q.correct,
      noAnswer: q.noAnswer,
      accuracy: q.accuracy,
      mostChosenWrong: q.mostChosenWrong,
      // A copy: the hardest list gets context, the full question list stays light.
      source: { ...q.source },
    }));
}

function youSection(me: ReportPlayer): YouSection {
  return {
    playerId: me.id,
    nickname: me.nickname,
    rank: me.rank,
    tied: me.tied,
    score: me.score,
    kicked: me.kicked,
    asked: me.asked,
    correct: me.correct,
    accuracy: me.accuracy,
    // Copies of the notes, so filling their context does not weigh down the players list.
    weakestTopics: me.weakestTopics.map((t) => ({ ...t, notes: t.notes.map((n) => ({ ...n, source: { ...n.source } })) })),
  };
}

function summary(rows: GameRows, grid: Grid<AnswerRow>, kickedCount: number, playerCount: number): ReportGame {
  const { game } = rows;
  const count = (s: string) => grid.statuses.filter((x) => x === s).length;
  const skipped = count('skipped');
  const notReached = count('not-reached');
  return {
    id: game.id,
    code: game.code,
    deckId: game.deckId,
    deckName: game.deckName,
    status: game.status,
    createdAt: game.createdAt.toISOString(),
    startedAt: game.startedAt?.toISOString() ?? null,
    endedAt: game.endedAt?.toISOString() ?? null,
    settings: readSettings(game.settings),
    questionCount: rows.questions.length,
    countedQuestions: count('asked'),
    playerCount,
    averageAccuracy: accuracy(groupTally(grid, rows.players)),
    excluded: { kickedPlayers: kickedCount, skippedQuestions: skipped, notReachedQuestions: notReached },
    countingNote:
      `Group figures leave out kicked players (${kickedCount}), skipped questions (${skipped}) and ` +
      `questions the game never reached (${notReached}). Late joiners count from the question they ` +
      `joined at; no answer counts as wrong.`,
  };
}

/** The stored settings are JSON written by the game; read them defensively, field by field. */
export function readSettings(raw: unknown): ReportSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    topics: Array.isArray(s.topics) ? s.topics.map(strings) : [],
    questionCount: num(s.questionCount),
    secondsPerQuestion: num(s.secondsPerQuestion),
    kinds: strings(s.kinds),
    scoring: str(s.scoring),
    display: str(s.display),
    allowLateJoin: typeof s.allowLateJoin === 'boolean' ? s.allowLateJoin : null,
  };
}
