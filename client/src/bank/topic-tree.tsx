// The notes bank's topic tree with fact counts. Two uses: browsing (click a topic to see
// its facts) and picking topics for a game (checkboxes). Nodes fold open and shut.
import { useState } from 'react';
import type { TopicNode } from './bank-types.js';

export function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

interface BrowseProps {
  mode: 'browse';
  topics: TopicNode[];
  selectedId: string | null;
  onSelect(node: TopicNode | null): void;
}

interface PickProps {
  mode: 'pick';
  topics: TopicNode[];
  /** Selected topic paths (pathKey). A selected topic implies all its sub-topics. */
  picked: ReadonlySet<string>;
  onToggle(node: TopicNode, on: boolean): void;
}

type Props = BrowseProps | PickProps;

export function TopicTree(props: Props) {
  if (props.topics.length === 0) return <p className="hint">No topics yet: import some notes first.</p>;
  return (
    <ul className="topic-tree" role="list">
      {props.topics.map((node) => (
        <TopicItem key={node.id || pathKey(node.path)} node={node} props={props} depth={0} implied={false} />
      ))}
    </ul>
  );
}

function TopicItem({ node, props, depth, implied }: { node: TopicNode; props: Props; depth: number; implied: boolean }) {
  const [open, setOpen] = useState(depth < 1);
  const hasChildren = node.children.length > 0;
  const key = pathKey(node.path);
  const picked = props.mode === 'pick' && (implied || props.picked.has(key));

  return (
    <li>
      <div className="topic-row">
        {hasChildren ? (
          <button
            type="button"
            className="topic-fold"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="topic-fold-spacer" />
        )}
        {props.mode === 'browse' ? (
          <button
            type="button"
            className={`topic-name${props.selectedId === node.id ? ' is-selected' : ''}`}
            aria-current={props.selectedId === node.id ? 'true' : undefined}
            onClick={() => props.onSelect(node)}
          >
            {node.name}
            <span className="count">{node.totalFacts}</span>
          </button>
        ) : (
          <label className={`topic-pick${implied ? ' is-implied' : ''}`}>
            <input
              type="checkbox"
              checked={picked}
              disabled={implied}
              onChange={(e) => props.onToggle(node, e.target.checked)}
            />
            <span>{node.name}</span>
            <span className="count" aria-label={`${node.totalFacts} facts`}>
              {node.totalFacts}
            </span>
          </label>
        )}
      </div>
      {hasChildren && open ? (
        <ul role="list">
          {node.children.map((child) => (
            <TopicItem key={child.id || pathKey(child.path)} node={child} props={props} depth={depth + 1} implied={picked} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
