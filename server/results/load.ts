// Prisma queries for the results routes. Everything the report needs is read from the
// database here and handed to the pure functions as plain rows, so the figures never depend
// on what a live room happens to hold in memory.
import type { PrismaClient } from '../db/generated/client.js';

export interface GameRow {
  id: string;
  code: string;
  deckId: string | null;
  deckName: string;
  settings: unknown;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface QuestionRow {
  id: string;
  index: number;
  kind: string;
  prompt: string;
  options: string[];
  answerIndex: number;
  topic: string[];
  factId: string | null;
  file: string;
  line: number;
  explanation: string;
  skipped: boolean;
  askedAt: Date | null;
}

export interface PlayerRow {
  id: string;
  nickname: string;
  joinedAt: Date;
  joinedAtQuestion: number;
  kickedAt: Date | null;
  score: number;
  finalRank: number | null;
  /** Team play: the player's team; absent or null in individual play. */
  team?: number | null;
}

// The same Answer row the live rooms write; one definition keeps reader and writer in step.
export type { AnswerRow } from '../rooms/game-store.js';
import type { AnswerRow } from '../rooms/game-store.js';

/** A fact still in the bank, with its current place in its file. */
export interface FactRow {
  id: string;
  term: string;
  attribute: string | null;
  fact: string;
  fileId: string;
  fileName: string;
  lineStart: number;
  lineEnd: number;
}

export interface GameRows {
  game: GameRow;
  questions: QuestionRow[];
  players: PlayerRow[];
  answers: AnswerRow[];
  /** Facts referenced by the questions that still exist, by id. */
  facts: Map<string, FactRow>;
}

/** Source texts by file id and by name (names are unique within a deck). */
export interface SourceTexts {
  byId: Map<string, string>;
  byName: Map<string, string>;
}

// Explicit selects: session token hashes and the host token hash must never reach a report.
const GAME_SELECT = {
  id: true,
  code: true,
  deckId: true,
  deckName: true,
  settings: true,
  status: true,
  createdAt: true,
  startedAt: true,
  endedAt: true,
} as const;

const PLAYER_SELECT = {
  id: true,
  nickname: true,
  joinedAt: true,
  joinedAtQuestion: true,
  kickedAt: true,
  score: true,
  finalRank: true,
  team: true,
} as const;

const ANSWER_SELECT = {
  questionId: true,
  playerId: true,
  optionIndex: true,
  elapsedMs: true,
  correct: true,
  points: true,
  createdAt: true,
} as const;

/** Null when there is no such game. */
export async function loadGameRows(prisma: PrismaClient, gameId: string): Promise<GameRows | null> {
  const game = await prisma.game.findUnique({ where: { id: gameId }, select: GAME_SELECT });
  if (!game) return null;
  const [questions, players, answers] = await Promise.all([
    prisma.gameQuestion.findMany({
      where: { gameId },
      orderBy: { index: 'asc' },
      select: {
        id: true,
        index: true,
        kind: true,
        prompt: true,
        options: true,
        answerIndex: true,
        topic: true,
        factId: true,
        file: true,
        line: true,
        explanation: true,
        skipped: true,
        askedAt: true,
      },
    }),
    prisma.player.findMany({ where: { gameId }, select: PLAYER_SELECT, orderBy: { joinedAt: 'asc' } }),
    prisma.answer.findMany({ where: { gameId }, select: ANSWER_SELECT }),
  ]);
  const factIds = [...new Set(questions.map((q) => q.factId).filter((id): id is string => id !== null))];
  const factRows = factIds.length
    ? await prisma.fact.findMany({
        where: { id: { in: factIds } },
        select: {
          id: true,
          term: true,
          attribute: true,
          fact: true,
          fileId: true,
          lineStart: true,
          lineEnd: true,
          file: { select: { name: true } },
        },
      })
    : [];
  const facts = new Map<string, FactRow>();
  for (const f of factRows) {
    const { file, ...rest } = f;
    facts.set(f.id, { ...rest, fileName: file.name });
  }
  return { game, questions, players, answers, facts };
}

/**
 * Raw texts of the notes files a few notes point into: by id for facts still in the bank,
 * by name (within the game's deck) for the rest. Only the files asked for are read, since a
 * notes file can be large and a report shows context for a handful of questions.
 */
export async function loadSourceTexts(
  prisma: PrismaClient,
  deckId: string | null,
  want: { ids: Iterable<string>; names: Iterable<string> },
): Promise<SourceTexts> {
  const ids = [...new Set(want.ids)];
  const names = [...new Set(want.names)];
  const texts: SourceTexts = { byId: new Map(), byName: new Map() };
  if (!deckId || (ids.length === 0 && names.length === 0)) return texts;
  const files = await prisma.sourceFile.findMany({
    where: { deckId, OR: [{ id: { in: ids } }, { name: { in: names } }] },
    select: { id: true, name: true, rawText: true },
  });
  for (const f of files) {
    texts.byId.set(f.id, f.rawText);
    texts.byName.set(f.name, f.rawText);
  }
  return texts;
}

/** Just what the history figures need per game (see counting.ts). */
export interface HistoryGame {
  game: GameRow;
  questions: Pick<QuestionRow, 'id' | 'index' | 'skipped' | 'askedAt'>[];
  players: Pick<PlayerRow, 'id' | 'joinedAtQuestion' | 'kickedAt'>[];
  answers: Pick<AnswerRow, 'questionId' | 'playerId' | 'correct' | 'createdAt'>[];
}

export interface HistoryRows {
  total: number;
  games: HistoryGame[];
}

/** One page of games, newest first, with only the columns the history figures need. */
export async function loadHistoryRows(prisma: PrismaClient, limit: number, offset: number): Promise<HistoryRows> {
  const [total, games] = await Promise.all([
    prisma.game.count(),
    prisma.game.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: offset,
      take: limit,
      select: {
        ...GAME_SELECT,
        questions: { orderBy: { index: 'asc' }, select: { id: true, index: true, skipped: true, askedAt: true } },
        players: { select: { id: true, joinedAtQuestion: true, kickedAt: true } },
        answers: { select: { questionId: true, playerId: true, correct: true, createdAt: true } },
      },
    }),
  ]);
  return {
    total,
    games: games.map(({ questions, players, answers, ...game }) => ({ game, questions, players, answers })),
  };
}
