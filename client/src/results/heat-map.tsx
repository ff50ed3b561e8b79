// Players × topics: each cell is that player's share correct in that topic (top-level
// topics, same order as the group bars). The number is always printed.
import type { ReportPlayer, TopicNode } from '../../../shared/report-types.js';
import { percent } from '../lib/format.js';
import { cellStyle } from './accuracy.js';

export function HeatMap({ topics, players, me }: { topics: TopicNode[]; players: ReportPlayer[]; me: string | null }) {
  if (players.length === 0 || topics.length === 0) return <p className="hint">Nothing to show yet.</p>;
  return (
    <>
      {topics.length > 1 ? <p className="hint heat-hint">Scroll the table sideways to see every topic.</p> : null}
      <div className="table-scroll heat-scroll" tabIndex={0} role="region" aria-label="Players by topic">
        <table className="heat-map">
          <thead>
            <tr>
              <th scope="col">Player</th>
              <th scope="col" className="num">
                All
              </th>
              {topics.map((t) => (
                <th scope="col" key={t.path.join('\u0000')} title={t.path.join(' › ')}>
                  <span className="heat-topic">{t.name || 'No topic'}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {players.map((p) => (
              <tr key={p.id} className={p.id === me ? 'is-me' : ''}>
                <th scope="row">
                  <span className="heat-rank">{p.rank ?? '–'}</span> {p.nickname}
                  {p.id === me ? <span className="tag">you</span> : null}
                </th>
                <td className="num heat-cell" style={cellStyle(p.accuracy)}>
                  {percent(p.accuracy)}
                </td>
                {topics.map((t, i) => {
                  const cell = p.topics.find((c) => samePath(c.path, t.path)) ?? p.topics[i];
                  const acc = cell ? cell.accuracy : null;
                  return (
                    <td
                      key={t.path.join('\u0000')}
                      className="num heat-cell"
                      style={cellStyle(acc)}
                      title={cell ? `${p.nickname}: ${cell.correct}/${cell.asked} in ${t.name}` : undefined}
                    >
                      {acc === null ? '·' : percent(acc)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
