// Players (or teams) × topics: each cell is the row's share correct in that topic (top-level
// topics, same order as the group bars). The number is always printed.
import type { ReactNode } from 'react';
import type { ReportPlayer, ReportTeam, TopicCell, TopicNode } from '../../../shared/report-types.js';
import { percent } from '../lib/format.js';
import { cellStyle } from './accuracy.js';

interface Row {
  key: string;
  /** What the row is called, for the cells' tooltips. */
  name: string;
  header: ReactNode;
  accuracy: number | null;
  topics: TopicCell[];
  isMe: boolean;
}

export function HeatMap({ topics, players, teams, me }: { topics: TopicNode[]; players: ReportPlayer[]; teams?: ReportTeam[]; me: string | null }) {
  const teamName = new Map((teams ?? []).map((t) => [t.team, t.name]));
  const rows: Row[] = players.map((p) => ({
    key: p.id,
    name: p.nickname,
    header: (
      <>
        <span className="heat-rank">{p.rank ?? '–'}</span> {p.nickname}
        {p.team !== undefined && teamName.has(p.team) ? <span className="heat-team"> · {teamName.get(p.team)}</span> : null}
        {p.id === me ? <span className="tag">you</span> : null}
      </>
    ),
    accuracy: p.accuracy,
    topics: p.topics,
    isMe: p.id === me,
  }));
  return <AccuracyTable topics={topics} rows={rows} first="Player" label="Players by topic" />;
}

/** Team play: the same table with a row per team, next to the players'. */
export function TeamMap({ topics, teams, myTeam }: { topics: TopicNode[]; teams: ReportTeam[]; myTeam: number | null }) {
  const rows: Row[] = teams.map((t) => ({
    key: String(t.team),
    name: t.name,
    header: (
      <>
        {t.name} <span className="hint">({t.players})</span>
        {t.team === myTeam ? <span className="tag">your team</span> : null}
      </>
    ),
    accuracy: t.accuracy,
    topics: t.topics,
    isMe: t.team === myTeam,
  }));
  return <AccuracyTable topics={topics} rows={rows} first="Team" label="Teams by topic" />;
}

function AccuracyTable({ topics, rows, first, label }: { topics: TopicNode[]; rows: Row[]; first: string; label: string }) {
  if (rows.length === 0 || topics.length === 0) return <p className="hint">Nothing to show yet.</p>;
  return (
    <>
      {topics.length > 1 ? <p className="hint heat-hint">Scroll the table sideways to see every topic.</p> : null}
      <div className="table-scroll heat-scroll" tabIndex={0} role="region" aria-label={label}>
        <table className="heat-map">
          <thead>
            <tr>
              <th scope="col">{first}</th>
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
            {rows.map((row) => (
              <tr key={row.key} className={row.isMe ? 'is-me' : ''}>
                <th scope="row">{row.header}</th>
                <td className="num heat-cell" style={cellStyle(row.accuracy)}>
                  {percent(row.accuracy)}
                </td>
                {topics.map((t, i) => {
                  const cell = row.topics.find((c) => samePath(c.path, t.path)) ?? row.topics[i];
                  const acc = cell ? cell.accuracy : null;
                  return (
                    <td
                      key={t.path.join('\u0000')}
                      className="num heat-cell"
                      style={cellStyle(acc)}
                      title={cell ? `${row.name}: ${cell.correct}/${cell.asked} in ${t.name}` : undefined}
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
