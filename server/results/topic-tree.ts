// The topic tree of a game's asked questions, its group figures (sorted weakest first at
// every level), the per-player heat-map rows that mirror it, and the choice of weakest topics.
import type { TopicCell, TopicNode } from '../../shared/report-types.js';
import { accuracy, type Tally } from './counting.js';

/** Name of the bucket for questions whose notes had no heading above them. */
export const NO_TOPIC = '(no topic)';

/** A node of the tree with the questions (positions) under it, sub-topics included. */
export interface Skeleton {
  name: string;
  path: string[];
  questions: number[];
  children: Skeleton[];
}

/** Builds the tree from (position, topic path) pairs; first-seen order until it is sorted. */
export function buildSkeleton(items: readonly { position: number; topic: readonly string[] }[]): Skeleton[] {
  const roots: Skeleton[] = [];
  for (const { position, topic } of items) {
    if (topic.length === 0) {
      childNamed(roots, NO_TOPIC, []).questions.push(position);
      continue;
    }
    let level = roots;
    for (let depth = 0; depth < topic.length; depth++) {
      const node = childNamed(level, topic[depth], topic.slice(0, depth + 1));
      node.questions.push(position);
      level = node.children;
    }
  }
  return roots;
}

function childNamed(level: Skeleton[], name: string, path: string[]): Skeleton {
  // The no-topic bucket has path [] so it can never be mistaken for a real topic called "(no topic)".
  let node = level.find((n) => n.name === name && n.path.length === path.length);
  if (!node) {
    node = { name, path, questions: [], children: [] };
    level.push(node);
  }
  return node;
}

/** Figures of a node from per-question tallies. */
function tallyOf(node: Skeleton, perQuestion: (position: number) => Tally): Tally {
  const t: Tally = { asked: 0, correct: 0 };
  for (const q of node.questions) {
    const x = perQuestion(q);
    t.asked += x.asked;
    t.correct += x.correct;
  }
  return t;
}

/** Group figures; sorts the skeleton in place (weakest first) so player rows can mirror it. */
export function groupTopics(roots: Skeleton[], perQuestion: (position: number) => Tally): TopicNode[] {
  const nodes = roots.map((s) => {
    const t = tallyOf(s, perQuestion);
    const node: TopicNode = {
      name: s.name,
      path: s.path,
      questions: s.questions.length,
      asked: t.asked,
      correct: t.correct,
      accuracy: accuracy(t),
      children: groupTopics(s.children, perQuestion),
    };
    return { s, node };
  });
  nodes.sort((a, b) => weakerFirst(a.node, b.node));
  roots.splice(0, roots.length, ...nodes.map((x) => x.s));
  return nodes.map((x) => x.node);
}

/** Lower accuracy first (nothing counted goes last), then more answers, then by name. */
function weakerFirst(a: TopicNode, b: TopicNode): number {
  const aa = a.accuracy ?? 2;
  const ba = b.accuracy ?? 2;
  if (aa !== ba) return aa - ba;
  if (a.asked !== b.asked) return b.asked - a.asked;
  return a.name.localeCompare(b.name);
}

/** One heat-map row: the player's figures at every node of the (already sorted) skeleton. */
export function playerCells(roots: readonly Skeleton[], perQuestion: (position: number) => Tally): TopicCell[] {
  return roots.map((s) => {
    const t = tallyOf(s, perQuestion);
    return { path: s.path, asked: t.asked, correct: t.correct, accuracy: accuracy(t), children: playerCells(s.children, perQuestion) };
  });
}

export interface Weak {
  name: string;
  path: string[];
  asked: number;
  correct: number;
  accuracy: number;
}

/**
 * Up to `limit` topics below 100%, weakest first. A more specific topic wins a tie with its
 * parent, and a topic inside (or around) one already chosen is passed over, so the list never
 * names the same questions twice and a rematch on it stays focused.
 */
export function weakestTopics(tree: readonly (TopicNode | TopicCell)[], limit = 3): Weak[] {
  const all: Weak[] = [];
  const walk = (nodes: readonly (TopicNode | TopicCell)[]) => {
    for (const n of nodes) {
      // The no-topic bucket is not a topic one can re-read or rematch.
      if (n.path.length > 0 && n.accuracy !== null && n.accuracy < 1) {
        all.push({ name: n.path[n.path.length - 1], path: n.path, asked: n.asked, correct: n.correct, accuracy: n.accuracy });
      }
      walk(n.children);
    }
  };
  walk(tree);
  all.sort(
    (a, b) =>
      a.accuracy - b.accuracy ||
      b.path.length - a.path.length ||
      b.asked - a.asked ||
      a.path.join('\u0000').localeCompare(b.path.join('\u0000')),
  );
  const chosen: Weak[] = [];
  for (const w of all) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => isPrefix(c.path, w.path) || isPrefix(w.path, c.path))) continue;
    chosen.push(w);
  }
  return chosen;
}

export function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}
