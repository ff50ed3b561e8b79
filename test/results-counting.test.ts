// Pure parts of the results: counting edge cases, the topic tree, CSV cell safety, note context.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildGrid, questionStatuses } from '../server/results/counting.js';
import { asciiSlug, downloadName, gameCsvRows, toCsv } from '../server/results/csv.js';
import type { GameRows } from '../server/results/load.js';
import { buildReport } from '../server/results/report.js';
import { contextLines, flattenField, noteKey, readableLine } from '../server/results/notes.js';
import { buildSkeleton, groupTopics, NO_TOPIC, weakestTopics } from '../server/results/topic-tree.js';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const q = (index: number, extra: { skipped?: boolean; askedAt?: Date | null } = {}) => ({
  id: `q${index}`,
  index,
  skipped: extra.skipped ?? false,
  askedAt: extra.askedAt ?? null,
});
const ans = (playerId: string, questionId: string, correct: boolean, at: number) => ({ playerId, questionId, correct, createdAt: t(at) });

describe('counting', () => {
  it('without askedAt, counts up to the last question anybody answered or the host skipped', () => {
    const qs = [q(0), q(1), q(2, { skipped: true }), q(3), q(4)];
    // Nobody answered question 1, but question 3 came later: question 1 was asked.
    expect(questionStatuses(qs, [ans('p', 'q0', true, 1), ans('p', 'q3', false, 5)])).toEqual(['asked', 'asked', 'skipped', 'asked', 'not-reached']);
    expect(questionStatuses(qs, [])).toEqual(['asked', 'asked', 'skipped', 'not-reached', 'not-reached']);
  });

  it('with askedAt, trusts it: an unanswered asked question is still asked', () => {
    const qs = [q(0, { askedAt: t(0) }), q(1, { askedAt: t(60) }), q(2)];
    expect(questionStatuses(qs, [])).toEqual(['asked', 'asked', 'not-reached']);
  });

  it('counts a late joiner from their question, or earlier if they answered the open one', () => {
    const qs = [q(0, { askedAt: t(0) }), q(1, { askedAt: t(60) }), q(2, { askedAt: t(120) })];
    const players = [
      { id: 'late', joinedAtQuestion: 2, kickedAt: null },
      { id: 'quick', joinedAtQuestion: 2, kickedAt: null },
    ];
    const grid = buildGrid(qs, players, [ans('quick', 'q1', true, 70)]);
    expect(grid.cells[0].map((c) => [c.status, c.counted])).toEqual([['not-playing', false], ['not-playing', false], ['no-answer', true]]);
    expect(grid.cells[1].map((c) => [c.status, c.counted])).toEqual([['not-playing', false], ['correct', true], ['no-answer', true]]);
  });

  it('counts a kicked player for questions asked before the kick', () => {
    const qs = [q(0, { askedAt: t(0) }), q(1, { askedAt: t(60) }), q(2, { askedAt: t(120) })];
    const grid = buildGrid(qs, [{ id: 'k', joinedAtQuestion: 0, kickedAt: t(90) }], []);
    expect(grid.cells[0].map((c) => c.status)).toEqual(['no-answer', 'no-answer', 'not-playing']);
  });
});

describe('topic tree', () => {
  const tree = () => {
    const skeleton = buildSkeleton([
      { position: 0, topic: ['A', 'x'] },
      { position: 1, topic: ['A', 'y'] },
      { position: 2, topic: ['B'] },
      { position: 3, topic: [] },
    ]);
    // Per question: A/x 0 of 2, A/y 2 of 2, B 1 of 2, untagged 0 of 1.
    const figures = [{ asked: 2, correct: 0 }, { asked: 2, correct: 2 }, { asked: 2, correct: 1 }, { asked: 1, correct: 0 }];
    return groupTopics(skeleton, (pos) => figures[pos]);
  };

  it('sorts weakest first at every level and puts untagged questions in their own bucket', () => {
    const topics = tree();
    expect(topics.map((n) => [n.name, n.path, n.asked, n.correct, n.accuracy])).toEqual([
      [NO_TOPIC, [], 1, 0, 0],
      ['A', ['A'], 4, 2, 0.5],
      ['B', ['B'], 2, 1, 0.5],
    ]);
    expect(topics[1].children.map((n) => [n.name, n.accuracy])).toEqual([['x', 0], ['y', 1]]);
  });

  it('picks weakest topics below 100%, most specific first, never one inside another, never the untagged bucket', () => {
    expect(weakestTopics(tree()).map((w) => w.path)).toEqual([['A', 'x'], ['B']]);
    expect(weakestTopics(tree(), 1).map((w) => w.path)).toEqual([['A', 'x']]);
  });
});

describe('CSV cells', () => {
  it('neutralises formula starts, including the ones papaparse would miss', () => {
    const cells = ['=1+2', '+x', '-1', '@SUM(A1)', '\t=x', '=a\nb', '＝1', 'a=b', ' =x'];
    const csv = toCsv([cells, [-5, 1.5]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["'=1+2", "'+x", "'-1", "'@SUM(A1)", "'\t=x", "'=a\nb", "'＝1", 'a=b', ' =x']);
    // Numbers we write ourselves stay numbers.
    expect(rows[1]).toEqual(['-5', '1.5']);
    expect(csv.endsWith('-5,1.5\r\n')).toBe(true);
  });

  it('makes ASCII file names from any deck name', () => {
    const game = (deckName: string) => ({ deckName, createdAt: t(0) });
    expect(downloadName(game('Zoë\'s "Notes" / 2nd'), 'csv')).toBe('quiz-night-zoes-notes-2nd-2026-01-01.csv');
    expect(downloadName(game('生物学'), 'csv')).toBe('quiz-night-game-2026-01-01.csv');
    expect(downloadName(game('Bio'), 'tsv', ['missed', '../../etc'])).toBe('quiz-night-bio-missed-etc-2026-01-01.tsv');
    expect(asciiSlug('a'.repeat(100)).length).toBe(40);
  });
});

describe('notes', () => {
  it('cuts a few lines of context around the note, clipped to the file', () => {
    const raw = 'one\r\ntwo\nthree\nfour';
    expect(contextLines(raw, 1, 2)).toEqual([
      { n: 1, text: 'one', focus: true },
      { n: 2, text: 'two', focus: true },
      { n: 3, text: 'three', focus: false },
      { n: 4, text: 'four', focus: false },
    ]);
    expect(contextLines(raw, 9, 9)).toBeNull();
    expect(contextLines('x'.repeat(1000), 1, 1)![0].text).toHaveLength(401);
  });

  it('shows context lines as the notes read: no heading marks, emphasis markers or HTML tags', () => {
    const raw = ['#### <u>TorchServe</u>', '', 'Model serving for **PyTorch**, with *Meta*', '#### **AWS Neuron**', '  - SDK for <b>Inferentia</b> chips', '1. Step *one* ##'].join('\n');
    expect(contextLines(raw, 3, 3, 3)!.map((l) => l.text)).toEqual([
      'TorchServe',
      '',
      'Model serving for PyTorch, with Meta',
      'AWS Neuron',
      '  - SDK for Inferentia chips',
      '1. Step one',
    ]);
    // Text stays text: a tag the cleaner does not know is shown, never interpreted.
    expect(readableLine('Use <script>alert(1)</script> &amp; more')).not.toMatch(/<script>/);
    expect(readableLine('#hashtag stays, # heading goes')).toBe('#hashtag stays, # heading goes');
    expect(readableLine('# heading goes')).toBe('heading goes');
  });

  it('flattens fields and compares notes ignoring case and spacing', () => {
    expect(flattenField(' a\tb\r\n\nc  d ')).toBe('a b c d');
    expect(noteKey('Term\n', 'Some  Text')).toBe(noteKey('term', 'some text'));
  });
});

describe('tied players', () => {
  it('are listed as the live board showed them: the quicker answers first, in the report and the CSV', () => {
    const at = t(0);
    const question = (index: number) => ({
      id: `q${index}`, index, kind: 'def-to-term', prompt: `Question ${index + 1}?`, options: ['A', 'B'], answerIndex: 0,
      topic: ['Cells'], factId: null, file: 'notes.md', line: index + 1, explanation: '', skipped: false, askedAt: t(index * 60),
    });
    const player = (id: string, joinedSeconds: number) => ({
      id, nickname: id, joinedAt: t(joinedSeconds - 100), joinedAtQuestion: 0, kickedAt: null, score: 2, finalRank: 1, team: null,
    });
    const answer = (playerId: string, qi: number, elapsedMs: number) => ({
      questionId: `q${qi}`, playerId, optionIndex: 0, elapsedMs, correct: true, points: 1, createdAt: new Date(t(qi * 60).getTime() + elapsedMs),
    });
    const rows = {
      game: { id: 'g', code: 'ABC234', deckId: null, deckName: 'Biology', settings: { secondsPerQuestion: 20, scoring: 'accuracy' }, status: 'finished', createdAt: at, startedAt: at, endedAt: t(200) },
      questions: [question(0), question(1)],
      // Ann joined first but was slower on both questions: Bob stood above her on the board.
      players: [player('Ann', 1), player('Bob', 2)],
      answers: [answer('Ann', 0, 9_000), answer('Ann', 1, 9_000), answer('Bob', 0, 2_000), answer('Bob', 1, 3_000)],
      facts: new Map(),
    };
    const { report } = buildReport(rows as unknown as GameRows);
    expect(report.players.map((p) => [p.nickname, p.rank, p.tied])).toEqual([['Bob', 1, true], ['Ann', 1, true]]);
    expect(gameCsvRows(rows as unknown as GameRows).slice(1).map((r) => r[0])).toEqual(['Bob', 'Bob', 'Ann', 'Ann']);
  });
});
