// Past games (`/host/history`) with links to their results (and back into a live room
// this browser hosts).
import { Notice } from '../components/notice.js';
import type { GameHistoryRow } from '../bank/bank-types.js';
import { formatDate, percent } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { hostGames } from '../lib/storage.js';
import { useApi } from '../lib/use-api.js';

export function HistoryScreen() {
  const games = useApi<GameHistoryRow[]>('/api/games');
  const rows = games.data ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Past games</h2>
      <Notice>{games.error}</Notice>
      {games.loading && rows.length === 0 ? <p className="hint">Loading…</p> : null}
      {!games.loading && rows.length === 0 && !games.error ? (
        <p className="hint">
          No games yet. <Link to="/host/new">Start one</Link>.
        </p>
      ) : null}
      {rows.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Deck</th>
                <th scope="col">Code</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Players
                </th>
                <th scope="col" className="num">
                  Questions
                </th>
                <th scope="col" className="num">
                  Accuracy
                </th>
                <th scope="col">
                  <span className="visually-hidden">Links</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => {
                const live = !g.endedAt && g.status !== 'ended' && g.status !== 'finished' && hostGames.get(g.id);
                return (
                  <tr key={g.id}>
                    <td>{formatDate(g.createdAt)}</td>
                    <td>{g.deckName ?? '–'}</td>
                    <td className="mono">{g.code}</td>
                    <td>
                      <span className="tag">{statusLabel(g.status)}</span>
                      {g.mode === 'teams' ? <span className="tag">teams</span> : null}
                    </td>
                    <td className="num">{g.players}</td>
                    <td className="num">{g.questions}</td>
                    <td className="num">{percent(g.accuracy)}</td>
                    <td>
                      <span className="row-links">
                        <Link to={`/results/${encodeURIComponent(g.id)}`}>Results</Link>
                        {live ? <Link to={`/host/game/${encodeURIComponent(g.id)}`}>Live room</Link> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

const STATUS_LABELS: Record<string, string> = {
  lobby: 'In the lobby',
  running: 'Running',
  finished: 'Finished',
  'ended-by-host': 'Ended early',
  interrupted: 'Interrupted (server was down)',
  ended: 'Ended',
};

function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replace(/-/g, ' ');
}
