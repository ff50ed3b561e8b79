// The spreadsheet export: one row per player per counted question. Written for Excel: a BOM so
// it reads UTF-8, CRLF line ends, RFC 4180 quoting (papaparse), and text cells that start like
// a formula prefixed with an apostrophe so a nickname such as "=HYPERLINK(...)" stays text.
import Papa from 'papaparse';
import { teamIdentity } from '../../shared/game-types.js';
import { buildGrid } from './counting.js';
import type { GameRow, GameRows } from './load.js';
import { answerTimes, rankOrder } from './players.js';

export const CSV_HEADER = ['Nickname', 'Question #', 'Question', 'Topic', 'Chosen option', 'Correct', 'Time (s)', 'Points'];

// papaparse's own escapeFormulae pattern ends in `.*$` without the s flag, so a cell with a
// newline after the "=" slips through; a plain prefix test has no such gap. The full-width
// forms are included because some spreadsheet imports fold them to ASCII.
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const body = Papa.unparse(rows as (string | number)[][], { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}

/**
 * Rows of the players who were not kicked, in rank order, for the questions that count for
 * them: skipped questions, questions never reached and questions before a late joiner came are
 * left out, so the share of "yes" per player matches the report. No answer is a row of its own.
 */
export function gameCsvRows(rows: GameRows): (string | number)[][] {
  const { questions, players, answers } = rows;
  const grid = buildGrid(questions, players, answers);
  // Team games name each player's team right after the nickname.
  const teams = players.some((p) => p.team != null);
  const out: (string | number)[][] = [teams ? [CSV_HEADER[0], 'Team', ...CSV_HEADER.slice(1)] : CSV_HEADER];
  const order = players.map((p, i) => ({ p, cells: grid.cells[i] })).filter((x) => !x.p.kickedAt);
  const answerMs = answerTimes(rows, grid);
  order.sort((a, b) => rankOrder(a.p, b.p, answerMs.get(a.p.id)! - answerMs.get(b.p.id)!));
  for (const { p, cells } of order) {
    questions.forEach((q, i) => {
      const cell = cells[i];
      if (!cell.counted) return;
      const a = cell.answer;
      out.push([
        p.nickname,
        ...(teams ? [p.team != null ? teamIdentity(p.team).name : ''] : []),
        q.index + 1,
        q.prompt,
        q.topic.join(' > '),
        a ? (q.options[a.optionIndex] ?? '') : '',
        a ? (a.correct ? 'yes' : 'no') : 'no answer',
        a ? a.elapsedMs / 1000 : '',
        a ? a.points : 0,
      ]);
    });
  }
  return out;
}

export function gameCsv(rows: GameRows): string {
  return toCsv(gameCsvRows(rows));
}

/** "Zoë's Notes, 2nd" -> "zoes-notes-2nd": plain ASCII for file names; '' if nothing is left. */
export function asciiSlug(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** "quiz-night-biology-2026-11-21.csv", or with parts: "quiz-night-biology-missed-sam-2026-11-21.tsv". */
export function downloadName(game: Pick<GameRow, 'deckName' | 'createdAt'>, ext: string, parts: string[] = []): string {
  const words = [asciiSlug(game.deckName) || 'game', ...parts.map((p) => asciiSlug(p, 30)).filter(Boolean)];
  const date = game.createdAt.toISOString().slice(0, 10);
  return `quiz-night-${words.join('-')}-${date}.${ext}`;
}

export function attachment(fileName: string): string {
  // The name is already plain ASCII without quotes or backslashes; no filename* needed.
  return `attachment; filename="${fileName}"`;
}
