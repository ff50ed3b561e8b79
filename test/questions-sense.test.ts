// Sense checks: the causes a blind review found behind unfair questions, each a rule the
// generator obeys and `quality` counts. Examples are the review's own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNoteFiles } from '../server/notes/parse.js';
import { bankFromParsed } from '../server/questions/bank.js';
import { indexOf, type Entity } from '../server/questions/bank-index.js';
import { nameForm } from '../server/questions/entity-kind.js';
import { generateQuestions } from '../server/questions/generate.js';
import { mentionsIn } from '../server/questions/kinds/mentions.js';
import { sharesRoot } from '../server/questions/kinds/qa.js';
import { qualityReport } from '../server/questions/quality.js';
import { descriptionProblem, nameProblem, senseProblems } from '../server/questions/sense.js';
import type { Bank, Question } from '../server/questions/types.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/notes/', import.meta.url));

function bankOf(dir: string): Bank {
  const files = readdirSync(dir)
    .filter((n) => n !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  return bankFromParsed('deck', parseNoteFiles(files));
}

describe('names', () => {
  it.each(['RNN for', 'maintains auto-scaling', 'transient', 'Consumption options', 'Use Cases', 'Tuning Neural Networks', 'ML instance recommendations', 'Fixes for vanishing gradients', 'Prepare Data for Machine Learning (ML)', 'IOT related'])(
    '"%s" is not the name of a thing',
    (name) => expect(nameProblem(name)).not.toBeNull(),
  );
  it.each(['Random Cut Forest', 'Amazon Kinesis Data Streams', 'Learning Rate', 'SSE-KMS', 'Glue Data Crawlers', 'pvcreate', 'Osmosis', 'Treaty of Versailles'])('"%s" is a name', (name) => expect(nameProblem(name)).toBeNull());
});

describe('descriptions', () => {
  it.each(['Blazing text and Deep AR', 'During training', 'Cross Validation vs. K-Fold Cross validation', 'Better choise for activation function', 'when to and when not to'])(
    '"%s" says nothing a player could judge',
    (text) => expect(descriptionProblem(text)).not.toBeNull(),
  );
  it.each(['For data streaming (like Apache Kafka)', 'Detects relatively dense regions in your data', '1919 peace with Germany: war-guilt clause (Article 231), reparations'])('"%s" describes', (text) =>
    expect(descriptionProblem(text)).toBeNull(),
  );
});

describe('generated questions', () => {
  const decks: Record<string, Bank> = {};
  beforeAll(() => {
    decks.seeds = bankOf(SEEDS_DIR);
    decks.fixtures = bankOf(FIXTURES_DIR);
  });

  it.each(['seeds', 'fixtures'])('never include a question that a sense check flags (%s)', (name) => {
    const bank = decks[name];
    const ix = indexOf(bank);
    for (const seed of ['s1', 's2']) {
      const qs = generateQuestions(bank, { count: 400, seed });
      expect(qs.length).toBeGreaterThan(100);
      const flagged = qs.map((q) => ({ q: q.prompt, p: senseProblems(ix, q) })).filter((x) => x.p.length);
      expect(flagged).toEqual([]);
      const report = qualityReport(bank, qs);
      expect(Object.values(report.sense).every((n) => n === 0)).toBe(true);
    }
  });

  it('flag a question whose topic line shows its answer, and one with two blanks', () => {
    const bank = decks.seeds;
    const ix = indexOf(bank);
    const q = generateQuestions(bank, { count: 50, seed: 'k', kinds: ['def-to-term'] })[0];
    const key = q.options[q.answer];
    const shown: Question = { ...q, shownTopic: [...q.shownTopic, key] };
    expect(senseProblems(ix, shown)).toContain('key-in-topic');
    const twoBlanks: Question = { ...q, prompt: 'Which term is described as "____ and ____ of the data"?' };
    expect(senseProblems(ix, twoBlanks)).toContain('blanks');
  });

  it('keep the topic players see free of the keyed option', () => {
    for (const bank of Object.values(decks)) {
      for (const q of generateQuestions(bank, { count: 300, seed: 'topic' })) {
        if (q.kind === 'true-false') continue;
        const key = q.options[q.answer].toLowerCase();
        for (const t of q.shownTopic) expect(t.toLowerCase()).not.toBe(key);
        expect(q.topic.slice(0, q.shownTopic.length)).toEqual(q.shownTopic);
      }
    }
  });

  it('blank only a whole name in a clue, and never end a clue on its blank', () => {
    for (const bank of Object.values(decks)) {
      for (const q of generateQuestions(bank, { count: 3000, seed: 'blanks', kinds: ['def-to-term'] })) {
        const clue = /"(.*)"/.exec(q.prompt)?.[1] ?? '';
        expect(clue, q.prompt).not.toMatch(/____[\s.)\]!?]*$/);
        // The review's riddles: "distances - ____ square" (K-Means), "EMR cluster running ____".
        expect(clue).not.toContain('____ square');
        expect(clue).not.toContain('running ____');
      }
    }
  });

  it('find a rival named by its acronym, even first in a line ("LSTM, GRU" in RNN\'s notes)', () => {
    const ix = indexOf(decks.seeds);
    const found = mentionsIn(ix, 'LSTM, GRU (simplified LSTM)').map((m) => m.text);
    expect(found).toEqual(['LSTM', 'GRU', 'LSTM']);
  });

  it('show no heading above a named answer that none of the other options sits under', () => {
    for (const bank of Object.values(decks)) {
      const ix = indexOf(bank);
      let checked = 0;
      for (const q of generateQuestions(bank, { count: 3000, seed: 'shown', kinds: ['def-to-term', 'term-to-def', 'qa'] })) {
        const others = q.sources.filter((_s, i) => i !== q.answer).flatMap((s) => (s ? [ix.factById.get(s.factId)!.topic.map((t) => t.toLowerCase())] : []));
        if (!others.length) continue;
        for (const level of q.shownTopic) expect(others.some((t) => t.includes(level.toLowerCase())), `${level} | ${q.prompt}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(30);
    }
  });

  it('ask about a treaty, a meeting or a person among things of the same form', () => {
    const bank = decks.fixtures;
    const ix = indexOf(bank);
    const qs = generateQuestions(bank, { count: 3000, seed: 'forms', kinds: ['term-to-def', 'def-to-term'] });
    let formed = 0;
    for (const q of qs) {
      const key = ix.entities.get(q.termKey)!;
      const form = nameForm(key);
      if (!form) continue;
      formed++;
      for (const [i, s] of q.sources.entries()) {
        if (i === q.answer || !s) continue;
        const other = ix.entities.get(ix.entityOfKey.get(ix.factById.get(s.factId)!.termKey)!)!;
        expect(nameForm(other), `${q.prompt} | ${q.options[i]}`).toBe(form);
      }
    }
    expect(formed).toBeGreaterThan(1);
  });
});

describe('answers of the same root', () => {
  it.each([
    ['Which enzyme extends telomeres?', 'Telomerase', true],
    ['Which enzyme unwinds DNA?', 'Helicase', false],
    ['What does the kinetochore attach to?', 'Spindle microtubules', false],
  ])('"%s" / "%s" share a root: %s', (q, a, yes) => expect(sharesRoot(q, a)).toBe(yes));
});

describe('name forms', () => {
  const entity = (name: string, fact: string) => ({ name, facts: [{ fact }] }) as unknown as Entity;
  it.each([
    ['Treaty of Tordesillas', '1494 agreement that split newly claimed lands', 'agreement'],
    ['Peace of Westphalia', 'Treaties of 1648', 'agreement'],
    ['Berlin Conference', '1884–1885 meeting of European powers', 'meeting'],
    ['Battle of Waterloo', "Napoleon's final defeat in June 1815", 'fight'],
    ['Jean-Jacques Rousseau', 'Wrote The Social Contract (1762)', 'person'],
    ['Louis XIV', 'French king known as the Sun King', 'person'],
    ['Berlin Wall', 'Built in August 1961 and opened on 9 November 1989', null],
    ['Amazon Kinesis', 'Collects and processes streams of data', null],
  ])('%s is a %s', (name, fact, form) => expect(nameForm(entity(name, fact))).toBe(form));
});
