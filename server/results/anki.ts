// The "missed facts" export: `term<TAB>definition` lines that Anki ("Import File", tab
// separated) and Quizlet ("Import", between term and definition: tab) both read as cards.
// Neither format has quoting, so tabs and line breaks inside a field become spaces. The file
// also opens in spreadsheets: a field that starts like a formula gets an apostrophe, as in the CSV.
import { buildGrid } from './counting.js';
import { FORMULA_START } from './csv.js';
import type { GameRows } from './load.js';
import { flattenField, noteKey, termAndText } from './notes.js';

/**
 * Cards for the facts behind the questions missed (wrong or unanswered) by the group, or by
 * one player when `playerId` is given. Group means players who were not kicked, as in the
 * report. One card per distinct term and definition, in question order.
 */
export function missedCards(rows: GameRows, playerId?: string): [string, string][] {
  const { questions, players, answers, facts } = rows;
  const grid = buildGrid(questions, players, answers);
  const who = players.flatMap((p, i) => {
    const included = playerId ? p.id === playerId : !p.kickedAt;
    return included ? [grid.cells[i]] : [];
  });
  const cards: [string, string][] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const missed = who.some((cells) => cells[i].counted && cells[i].status !== 'correct');
    if (!missed) return;
    const { term, text } = termAndText(q, facts);
    const card: [string, string] = [flattenField(term), flattenField(text)];
    if (!card[0] && !card[1]) return;
    // Case and spacing differences do not make a second card.
    const key = noteKey(term, text);
    if (seen.has(key)) return;
    seen.add(key);
    cards.push(card);
  });
  return cards;
}

export function missedTsv(rows: GameRows, playerId?: string): string {
  return missedCards(rows, playerId)
    .map(([term, text]) => tsvLine(term, text))
    .join('');
}

/** One card; a field that starts like a formula ("=HYPERLINK(…)") is kept as text. */
export function tsvLine(term: string, text: string): string {
  const asText = (field: string) => (FORMULA_START.test(field) ? `'${field}` : field);
  return `${asText(term)}\t${asText(text)}\n`;
}
