// Figures of the game history list. They go through the same counting grid as the report, so
// a game's accuracy in the list is exactly the average accuracy its report shows.
import type { GameHistoryItem } from '../../shared/report-types.js';
import { accuracy, buildGrid, groupTally } from './counting.js';
import type { HistoryRows } from './load.js';

export function historyItems(rows: HistoryRows): GameHistoryItem[] {
  return rows.games.map(({ game, questions, players, answers }) => {
    const grid = buildGrid(questions, players, answers);
    return {
      id: game.id,
      code: game.code,
      deckName: game.deckName,
      createdAt: game.createdAt.toISOString(),
      endedAt: game.endedAt?.toISOString() ?? null,
      status: game.status,
      players: players.filter((p) => !p.kickedAt).length,
      questions: grid.statuses.filter((s) => s === 'asked').length,
      accuracy: accuracy(groupTally(grid, players)),
      ...((game.settings as { teams?: unknown } | null)?.teams ? { mode: 'teams' as const } : {}),
    };
  });
}
