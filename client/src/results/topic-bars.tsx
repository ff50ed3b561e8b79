// Group accuracy per topic as horizontal bars, weakest first; a topic with sub-topics
// folds open to show them.
import { useState } from 'react';
import type { TopicNode } from '../../../shared/report-types.js';
import { percent } from '../lib/format.js';
import { barColor } from './accuracy.js';

export function TopicBars({ topics }: { topics: TopicNode[] }) {
  if (topics.length === 0) return <p className="hint">No question was counted yet.</p>;
  return (
    <ul className="topic-bars" role="list">
      {topics.map((t) => (
        <TopicBar key={t.path.join('\u0000') || '(none)'} node={t} depth={0} />
      ))}
    </ul>
  );
}

function TopicBar({ node, depth }: { node: TopicNode; depth: number }) {
  const [open, setOpen] = useState(false);
  const hasChildren = node.children.length > 0;
  const width = node.accuracy === null ? 0 : Math.max(2, node.accuracy * 100);
  const name = node.name || (node.path.length ? node.path[node.path.length - 1] : 'No topic');
  return (
    <li className={`topic-bar depth-${Math.min(depth, 3)}`}>
      <div className="topic-bar-row">
        {hasChildren ? (
          <button type="button" className="topic-fold" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} sub-topics of ${name}`} onClick={() => setOpen(!open)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="topic-fold-spacer" />
        )}
        <span className="topic-bar-name">{name}</span>
        <span className="topic-bar-track" aria-hidden="true">
          <span className="topic-bar-fill" style={{ width: `${width}%`, background: barColor(node.accuracy) }} />
        </span>
        <span className="topic-bar-value">
          <strong>{percent(node.accuracy)}</strong>
          <small>
            {node.correct}/{node.asked}
          </small>
        </span>
      </div>
      {hasChildren && open ? (
        <ul role="list">
          {node.children.map((c) => (
            <TopicBar key={c.path.join('\u0000')} node={c} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
