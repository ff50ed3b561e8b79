// Accuracy night by night as a line chart (Recharts: SVG with its keyboard and screen-reader
// layer), with a one-line summary as its accessible name and the same figures in a table for
// screen readers. Nights where the topic was not asked leave a gap in the line.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TopicNight } from '../../../shared/memory-types.js';
import { percent } from '../lib/format.js';

export interface Night {
  gameId: string;
  date: string;
}

interface Point {
  label: string;
  accuracy: number | null;
  asked: number;
  correct: number;
}

function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** One point per night of `nights`, in their order; a night without the topic is null. */
export function pointsOf(nights: readonly Night[], topicNights: readonly TopicNight[]): Point[] {
  const byGame = new Map(topicNights.map((n) => [n.gameId, n]));
  const labels = nights.map((n) => shortDate(n.date));
  // Two nights on one day are told apart by their number.
  return nights.map((n, i) => {
    const t = byGame.get(n.gameId);
    const label = labels.filter((l) => l === labels[i]).length > 1 ? `${labels[i]} #${labels.slice(0, i + 1).filter((l) => l === labels[i]).length}` : labels[i];
    return { label, accuracy: t ? Math.round(t.accuracy * 100) : null, asked: t?.asked ?? 0, correct: t?.correct ?? 0 };
  });
}

/** "Rose from 40% to 85% over 3 nights" / "85% on the one night it was asked". */
export function trendText(points: readonly Point[]): string {
  const asked = points.filter((p) => p.accuracy !== null) as (Point & { accuracy: number })[];
  if (asked.length === 0) return 'Not asked yet';
  const last = asked[asked.length - 1];
  if (asked.length === 1) return `${last.accuracy}% on the one night it was asked`;
  const first = asked[0];
  const verb = last.accuracy > first.accuracy ? 'Rose' : last.accuracy < first.accuracy ? 'Fell' : 'Stayed';
  return verb === 'Stayed'
    ? `Stayed at ${last.accuracy}% over ${asked.length} nights`
    : `${verb} from ${first.accuracy}% to ${last.accuracy}% over ${asked.length} nights`;
}

export function AccuracyChart({ title, nights, topicNights, height = 160 }: { title: string; nights: readonly Night[]; topicNights: readonly TopicNight[]; height?: number }) {
  const points = pointsOf(nights, topicNights);
  const summary = `${title}: ${trendText(points)}`;
  return (
    <figure className="accuracy-chart">
      <div className="accuracy-chart-plot" aria-hidden={points.length === 0 || undefined}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -18 }} accessibilityLayer title={summary} desc={`Group accuracy per night for ${title}, in percent.`}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--line)" interval="preserveStartEnd" />
            <YAxis domain={[0, 100]} ticks={[0, 50, 100]} unit="%" tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--line)" />
            <Tooltip
              separator=": "
              formatter={(value, _name, item) => {
                const p = item.payload as Point;
                return [`${value}% (${p.correct} of ${p.asked})`, 'Right'];
              }}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--line)', color: 'var(--text)' }}
            />
            <Line type="linear" dataKey="accuracy" name="Right" stroke="var(--chart-line)" strokeWidth={3} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="accuracy-chart-caption">{trendText(points)}</figcaption>
      <table className="visually-hidden">
        <caption>{title}: right answers per night</caption>
        <thead>
          <tr>
            <th scope="col">Night</th>
            <th scope="col">Right</th>
            <th scope="col">Right answers</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{p.accuracy === null ? 'not asked' : percent(p.accuracy / 100)}</td>
              <td>{p.accuracy === null ? '–' : `${p.correct} of ${p.asked}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
