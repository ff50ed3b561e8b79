// Question generator: pure unit tests of the canonicalisation helpers, small hand-made banks for
// the guards, and the quality bars and worked examples (doc §4.2) on the five real seed files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_KINDS } from '../shared/game-types.js';
import { parseNotes } from '../server/notes/parse.js';
import type { ParsedFact, ParsedFile } from '../server/notes/types.js';
import { bankFromParsed } from '../server/questions/bank.js';
import { aliasPairs, conflictGroups, editDistance, quantities, spellsAcronym, termKey, typoMergeMap } from '../server/questions/canonical.js';
import { generateQuestions } from '../server/questions/generate.js';
import { BLANK, leaks, maskLeaks } from '../server/questions/mask.js';
import { formatQualityTable, qualityReport } from '../server/questions/quality.js';
import { chiSquareUniform } from '../server/questions/quality-stats.js';
import { fitClause, stem } from '../server/questions/text.js';
import type { Bank, Question } from '../server/questions/types.js';

const __dirname = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../shared/seeds');
const sha = (qs: Question[]) => createHash('sha256').update(JSON.stringify(qs)).digest('hex');

// ---------------------------------------------------------------- pure helpers

describe('canonical term keys (C1)', () => {
  it('lower-cases, strips vendor prefixes and parenthesised parts, unifies separators, singularises', () => {
    expect(termKey('Factorization Machines (FMs)')).toBe('factorizationmachine');
    expect(termKey('Factorization Machines')).toBe(termKey('Factorization Machines (FMs)'));
    expect(termKey('Amazon Transcribe')).toBe(termKey('Transcribe'));
    expect(termKey('AWS Glue')).toBe('glue');
    expect(termKey('SSE-KMS')).toBe('ssekms');
    expect(termKey('K-means')).toBe(termKey('k_means'));
    expect(termKey('k means')).toBe(termKey('K-Means'));
    expect(termKey('Kinesis Data Streams')).toBe(termKey('Kinesis Data Stream'));
    expect(termKey('sagemaker: inference pipelines')).toBe(termKey('Inference Pipeline'));
    expect(termKey('Sage maker Ground Truth')).toBe(termKey('SageMaker Ground Truth'));
  });

  it('keeps what distinguishes terms', () => {
    expect(termKey('DeepAR+')).not.toBe(termKey('DeepAR'));
    expect(termKey('L1')).not.toBe(termKey('L2'));
    expect(termKey('Time series')).toBe('timeseries'); // "series" is not a plural of "sery"
    expect(termKey('Analysis')).toBe('analysis');
    expect(termKey('SageMaker')).toBe('sagemaker'); // a lone vendor word is the term itself
  });
});

describe('aliases (C2)', () => {
  const pair = (term: string, fact: string, rule = 'S5/dash') => aliasPairs({ term, fact, rule }).map((p) => p.map(termKey).sort());
  it('finds "X (ACR)", "ACR - expansion" and "X = Y" between names', () => {
    expect(pair('Latent Dirichlet Allocation (LDA)', 'unsupervised topic modeling')).toContainEqual(['latentdirichletallocation', 'lda']);
    expect(pair('SMOTE', 'Synthetic minority over-sampling technique - generate synthetic examples')).toContainEqual([
      'smote',
      'syntheticminorityoversamplingtechnique',
    ]);
    expect(pair('Normal Distribution', 'Gaussian Distribution', 'S5/equals')).toContainEqual(['gaussiandistribution', 'normaldistribution']);
  });
  it('does not take a value or a comment for an alias', () => {
    expect(pair('Max exec time', '1 year', 'S5/equals')).toEqual([]);
    expect(pair('CNN-QR (CNN backend)', 'best for large dataset')).toEqual([]);
    expect(pair('JumpStart', '1 click models from model zoos', 'S5/equals')).toEqual([]);
  });
  it('spells acronyms from word prefixes', () => {
    expect(spellsAcronym('SMOTE', 'Synthetic minority over-sampling technique')).toBe(true);
    expect(spellsAcronym('KNN', 'K-nearest neighbors')).toBe(true);
    expect(spellsAcronym('LDA', 'Latent Dirichlet Allocation', true)).toBe(true);
    expect(spellsAcronym('LDA', 'Linear Discriminant', true)).toBe(false);
    expect(spellsAcronym('XYZ', 'Synthetic minority over-sampling technique')).toBe(false);
  });
});

describe('typo merge (C3)', () => {
  const k = (key: string, files: number, facts = files) => ({ key, files, facts });
  it('folds a single-file misspelling into the better supported key', () => {
    const m = typoMergeMap([k('elaticache', 1), k('elasticache', 2), k('object2vect', 1), k('object2vec', 4), k('quicksite', 1), k('quicksight', 2)]);
    expect(m.get('elaticache')).toBe('elasticache');
    expect(m.get('object2vect')).toBe('object2vec');
    expect(m.get('quicksite')).toBe('quicksight');
    expect(m.has('elasticache')).toBe(false);
  });
  it('never merges keys differing in a digit or a symbol, siblings, or keys with equal support', () => {
    const m = typoMergeMap([k('l1regularization', 1), k('l2regularization', 3), k('deepar', 1), k('deepar+', 3), k('p2instance', 1), k('p3instance', 2)]);
    expect(m.size).toBe(0);
    const siblings = new Set(['standardscaler|standardscalers']);
    expect(typoMergeMap([k('standardscaler', 2), k('standardscalers', 1)], siblings).size).toBe(0);
    expect(typoMergeMap([k('randomforrest', 1), k('randomforest', 1)]).size).toBe(0);
  });
  it('treats British and American spellings as one word', () => {
    expect(typoMergeMap([k('knearestneighbour', 1, 1), k('knearestneighbor', 1, 3)]).get('knearestneighbour')).toBe('knearestneighbor');
  });
  it('measures edit distance with transpositions', () => {
    expect(editDistance('elaticache', 'elasticache')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('quicksite', 'quicksight')).toBe(3);
  });
});

describe('conflict groups (C5) and quantities', () => {
  const f = (id: string, file: string, term: string, fact: string, topic: string[] = []) => ({ id, file, term, termKey: termKey(term), topic, fact });
  it('groups different numbers for the same quantity across files', () => {
    const g = conflictGroups([
      f('a', '000', 'Inference Pipeline', 'linear sequence 2-15 containers'),
      f('b', '002', 'sagemaker: inference pipelines', '2-5 Containers strung together'),
      f('c', '004', 'Inference Pipelines', 'can go up to 5 containers'),
      f('d', '001', 'Kinesis Streams', 'Data retention is 24 hours (default), up to 365 days'),
      f('e', '004', 'Shard', '24hrs storage, extend to 7 days', ['Kinesis data streams', 'Shard']),
      f('x', '001', 'Kinesis Streams', 'Records up to 1MB in size'),
      f('y', '004', 'Lambda', 'default memory setting is 3 MB', ['Kinesis data streams', 'Lambda']),
    ]);
    expect(g.get('a')).toBeDefined();
    expect(g.get('a')).toBe(g.get('b'));
    expect(g.get('b')).toBe(g.get('c'));
    expect(g.get('d')).toBeDefined();
    expect(g.get('d')).toBe(g.get('e'));
    expect(g.get('d')).not.toBe(g.get('a'));
    // Related only through a heading and sharing no equal quantity: not a conflict.
    expect(g.has('x')).toBe(false);
    expect(g.has('y')).toBe(false);
  });
  it('groups a negation in one file against a plain mention in another (F3)', () => {
    const g = conflictGroups([
      f('a', '003', 'XGBoost', 'CSV or libsvm - original RecordIO-protobuf & Parquet - new'),
      f('b', '004', 'XGBoost', 'csv or Libsvm NO proto-buf'),
      f('c', '001', 'LDA', 'unsupervised clustering algorithm (not deep learning)'),
      f('d', '003', 'LDA', 'Organize docs into topics No deep-learning (Unsupervised)'),
      f('e', '001', 'SageMaker', 'deploy model, evaluate results in production'),
      f('g', '004', 'SageMaker', 'Cannot deploy sagemaker to EMR'),
    ]);
    expect(g.get('a')).toBeDefined();
    expect(g.get('a')).toBe(g.get('b'));
    expect(g.has('c') || g.has('d')).toBe(false); // both say "not deep learning"
    expect(g.has('e') || g.has('g')).toBe(false); // a verb, not a thing, is negated
  });

  it('needs two files and disjoint values', () => {
    const g = conflictGroups([
      f('a', '000', 'Bulk', '5-12 hours'),
      f('b', '000', 'Bulk', '48 hours'),
      f('c', '001', 'Shard', '1 MB write, 2 MB read'),
      f('d', '004', 'Shard', 'up to 1 MB per record'),
    ]);
    expect(g.size).toBe(0);
  });
  it('reads ports, sizes and durations, not names with digits', () => {
    const units = (t: string) => quantities(t).map((q) => `${q.unit}:${q.value}`);
    expect(units('Zeppelin notebooks with Spark. Port=8890')).toEqual(['port:8890']);
    expect(units('10GB of SPICE per user, 24hrs storage, 1-5 minutes')).toEqual(['gb:10', 'hour:24', 'minute:1-5']);
    expect(units('S3, L1 and Object2Vec on P3 instances')).toEqual([]);
  });
});

describe('masking answer leaks (F12)', () => {
  const key = (stems: string[], acronyms: string[] = []) => ({ stems: new Set(stems.map(stem)), acronyms });
  it('masks the term and its longer forms', () => {
    const m = maskLeaks('word2vec is an algorithm to learn word embeddings', key(['word2vec']));
    expect(m.text).toBe(`${BLANK} is an algorithm to learn word embeddings`);
    expect(maskLeaks('recommends optimal instances for inferencing', key(['inference', 'recommender'])).text).not.toMatch(/recommend|inferenc/i);
  });
  it('masks acronym expansions and acronyms', () => {
    expect(maskLeaks('use AWS Key Management Service to manage keys', key([], ['KMS'])).text).toBe(`use AWS ${BLANK} to manage keys`);
    expect(leaks('Synthetic minority over-sampling technique - generate samples', key([], ['SMOTE']))).toBe(true);
    expect(leaks('trains an LDA model', key([], ['LDA']))).toBe(true);
  });
  it('ignores one-letter tokens, so "k groups" does not leak k-means', () => {
    expect(leaks('groups points together into k groups (clustering)', key(['mean'], []))).toBe(false);
  });
  it('trims to whole clauses or gives up', () => {
    expect(fitClause('First sentence here. Second sentence is long enough to drop.', 30)).toBe('First sentence here');
    expect(fitClause('x'.repeat(120), 90)).toBeNull();
  });
});

describe('chi-square of key positions', () => {
  it('gives the textbook p-values', () => {
    expect(chiSquareUniform([25, 25, 25, 25]).p).toBeCloseTo(1, 6);
    const { statistic, p } = chiSquareUniform([40, 20, 20, 20]);
    expect(statistic).toBeCloseTo(12, 6);
    expect(p).toBeCloseTo(0.00738, 4); // chi2(3) upper tail at 12
    expect(chiSquareUniform([100, 0, 0, 0]).p).toBeLessThan(1e-10);
  });
});

// ---------------------------------------------------------------- hand-made banks

function fact(lineStart: number, term: string, text: string, extra: Partial<ParsedFact> = {}): ParsedFact {
  return { lineStart, lineEnd: lineStart, topic: ['Services'], term, fact: text, rule: 'S5/colon', confidence: 0.9, flags: [], group: 'list:1', ...extra };
}

const SERVICES: ParsedFile = {
  name: 'services.md',
  layout: 'markdown',
  skipped: [],
  facts: [
    fact(1, 'Transcribe', 'turns recorded speech into written text for call centres'),
    fact(2, 'Polly', 'reads written text aloud with lifelike voices'),
    fact(3, 'Translate', 'Translate translates documents between many languages'),
    fact(4, 'Comprehend', 'finds entities, key phrases and sentiment in documents'),
    fact(5, 'Rekognition', 'detects objects, faces and scenes in images and video'),
    fact(6, 'Lex', 'builds conversational chat bots with intents and slots'),
    fact(7, 'Textract', 'extracts printed text, tables and forms from scanned pages'),
  ],
};

function storageTable(): ParsedFile {
  const rows: [string, string | null][] = [
    ['S3 Standard', 'Regularly'],
    ['S3 Standard-IA', 'Once a month'],
    ['S3 Glacier Instant', 'Once a quarter'],
    ['S3 Glacier Flexible', 'Once a year'],
    ['S3 Deep Archive', 'Every few years'],
    ['S3 Intelligent-Tiering', null],
  ];
  const facts: ParsedFact[] = [];
  rows.forEach(([term, freq], i) => {
    const base = { topic: ['Storage class'], rule: 'S8/pipe-table', flags: [] as ParsedFact['flags'], confidence: 0.9 };
    facts.push({ ...base, lineStart: 10 + i, lineEnd: 10 + i, term, attribute: 'Designed for', fact: `designed for case number ${i + 1} of storage`, group: 'table:9:c1' });
    if (freq) facts.push({ ...base, lineStart: 10 + i, lineEnd: 10 + i, term, attribute: 'Access Frequency', fact: freq, group: 'table:9:c2' });
  });
  return { name: 'storage.md', layout: 'markdown', skipped: [], facts };
}

describe('generation guards on small banks', () => {
  it('masks the term out of a definition and draws distractors from its list', () => {
    const bank = bankFromParsed('t', [SERVICES]);
    for (let seed = 0; seed < 10; seed++) {
      for (const q of generateQuestions(bank, { count: 50, seed, kinds: ['def-to-term'] })) {
        expect(q.options).toHaveLength(4);
        expect(q.prompt).not.toMatch(new RegExp(q.options[q.answer].split(/\s+/)[0], 'i'));
        if (q.termKey === 'translate') expect(q.prompt).not.toMatch(/translat/i);
        expect(new Set(q.options.map((o) => o.toLowerCase())).size).toBe(4);
        for (const s of q.sources) expect(s?.file).toBe('services.md');
      }
    }
  });

  it('never asks true/false or cloze about facts that conflict across files', () => {
    const a: ParsedFile = { name: 'a.md', layout: 'markdown', skipped: [], facts: [...SERVICES.facts, fact(9, 'Kinesis Streams', 'retention up to 365 days for replay')] };
    const b: ParsedFile = { name: 'b.md', layout: 'markdown', skipped: [], facts: [fact(3, 'Kinesis Streams', 'retention can be extended to 7 days', { group: 'list:2' })] };
    const bank = bankFromParsed('t', [a, b]);
    const conflicted = bank.facts.filter((f) => f.conflictGroup).map((f) => f.id);
    expect(conflicted).toHaveLength(2);
    for (let seed = 0; seed < 20; seed++) {
      for (const q of generateQuestions(bank, { count: 100, seed })) {
        expect(conflicted).not.toContain(q.factId);
        for (const s of q.sources) if (s) expect(conflicted).not.toContain(s.factId);
      }
    }
  });

  it('never uses a row with an unknown cell as an option for that column', () => {
    const bank = bankFromParsed('t', [storageTable()]);
    let seen = 0;
    for (let seed = 0; seed < 20; seed++) {
      for (const q of generateQuestions(bank, { count: 50, seed, kinds: ['table-cell'] })) {
        if (!q.prompt.includes('Access Frequency')) continue;
        seen++;
        expect(q.options.join('|')).not.toContain('Intelligent-Tiering');
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- the five real seed files

describe('question bank from the sample deck', () => {
  let raw: Record<string, string>;
  let bank: Bank;
  let all: Question[];

  beforeAll(() => {
    const names = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    raw = Object.fromEntries(names.map((n) => [n, readFileSync(path.join(SEEDS, n), 'utf8')]));
    bank = bankFromParsed('seeds', names.map((n) => parseNotes(n, raw[n])));
    all = generateQuestions(bank, { count: 5000, seed: 1 });
  });

  const byKey = (key: string, kind: Question['kind']) => all.filter((q) => q.termKey === key && q.kind === kind);
  const keyOf = (q: Question) => q.options[q.answer];
  const line = (file: string, n: number) => raw[file].split(/\r?\n/)[n - 1];
  const file = (prefix: string) => Object.keys(raw).find((n) => n.startsWith(prefix))!;

  it('canonicalises the seeds: typo merge, aliases, conflict groups, stable ids', () => {
    const keys = (term: RegExp) => new Set(bank.facts.filter((f) => term.test(f.term)).map((f) => f.termKey));
    expect(keys(/^ElatiCache$/)).toEqual(new Set(['elasticache']));
    expect(keys(/QuickSite/)).toEqual(new Set(['quicksight']));
    expect(keys(/^DeepAR\+/)).not.toEqual(keys(/^DeepAR$/));
    expect(bank.aliases?.lda).toContain('latentdirichletallocation');
    // A table row holds several facts on one line: the one in a group, if any.
    const groupOf = (file: string, line: number) => bank.facts.filter((f) => f.file === file && f.lineStart === line).find((f) => f.conflictGroup)?.conflictGroup;
    expect(groupOf(file('001'), 116)).toBeDefined();
    expect(groupOf(file('001'), 116)).toBe(groupOf(file('004'), 450)); // Kinesis retention 365 vs 7 days
    expect(groupOf(file('000'), 662)).toBeDefined();
    expect(groupOf(file('000'), 662)).toBe(groupOf(file('002'), 47)); // 2-15 vs 2-5 containers
    expect(groupOf(file('004'), 286)).toBeDefined(); // XGBoost "NO proto-buf" vs RecordIO-protobuf
    expect(groupOf(file('004'), 286)).toBe(groupOf(file('003'), 291));
    expect(new Set(bank.facts.map((f) => f.id)).size).toBe(bank.facts.length);
    const again = bankFromParsed('seeds', Object.keys(raw).sort().map((n) => parseNotes(n, raw[n])));
    expect(again.facts.map((f) => f.id)).toEqual(bank.facts.map((f) => f.id));
  });

  it('offers at least 300 distinct questions covering every kind', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(new Set(all.map((q) => `${q.termKey}|${(q.attribute ?? '').toLowerCase()}|${q.kind}`)).size).toBe(all.length);
    for (const kind of QUESTION_KINDS) expect(all.filter((q) => q.kind === kind).length, kind).toBeGreaterThan(0);
  });

  it('meets the quality bars (M3-M12)', () => {
    const report = qualityReport(bank, all, { raw, regenerate: () => generateQuestions(bank, { count: 5000, seed: 1 }) });
    const table = formatQualityTable(report);
    expect(report.answerLeaks, table).toBe(0);
    expect(report.distinctOptionsPct, table).toBe(100);
    expect(report.markupResidue, table).toBe(0);
    expect(report.traceabilityPct, table).toBe(100);
    expect(report.distractorTraceabilityPct, table).toBe(100);
    expect(report.distractorTopicalityPct, table).toBeGreaterThanOrEqual(80);
    expect(report.distractorSafetyViolations, table).toBe(0);
    expect(report.singleAnswerViolations, table).toBe(0);
    expect(report.conflictSafetyViolations, table).toBe(0);
    expect(report.mcq, table).toBeGreaterThanOrEqual(300);
    expect(report.keyPositionP, table).toBeGreaterThan(0.01);
    expect(report.lengthRatioOkPct, table).toBe(100);
    expect(report.keyStrictlyLongestPct, table).toBeLessThanOrEqual(35);
    expect(report.deterministic, table).toBe(true);
    expect(report.promptMaxChars).toBeLessThanOrEqual(200);
    expect(report.optionMaxChars).toBeLessThanOrEqual(90);
  });

  it('has metrics that catch broken questions', () => {
    const mcq = all.filter((q) => q.kind === 'def-to-term').slice(0, 320);
    const clean = qualityReport(bank, mcq, { raw });
    expect(clean.answerLeaks).toBe(0);
    const broken = mcq.map((q, i) => {
      const b: Question = { ...q, options: [...q.options], sources: [...q.sources] };
      if (i === 0) b.prompt = `${q.prompt} (hint: ${keyOf(q)})`;
      if (i === 1) b.options[(q.answer + 1) % 4] = q.options[q.answer];
      if (i === 2) b.options[(q.answer + 1) % 4] = '**bold** option';
      if (i === 3) b.line = q.line + 5;
      // Every key moved to position 0: a chi-square test must notice.
      const [keySource] = b.sources.splice(b.answer, 1);
      b.sources.unshift(keySource);
      b.options.splice(b.answer, 1);
      b.options.unshift(q.options[q.answer]);
      b.answer = 0;
      return b;
    });
    const r = qualityReport(bank, broken, { raw });
    expect(r.answerLeaks).toBeGreaterThanOrEqual(1);
    expect(r.distinctOptionsPct).toBeLessThan(100);
    expect(r.markupResidue).toBeGreaterThanOrEqual(1);
    expect(r.traceabilityPct).toBeLessThan(100);
    expect(r.keyPositionP).toBeLessThan(0.01);
    const conflicted = bank.facts.find((f) => f.conflictGroup)!;
    const tf = all.find((q) => q.kind === 'true-false')!;
    expect(qualityReport(bank, [{ ...tf, factId: conflicted.id }]).conflictSafetyViolations).toBe(1);
  });

  it('cites a raw line that shows the key (checked here against the seed text directly)', () => {
    const stop = new Set('a an the of to in on for and or is are be by with as at it its from into that this'.split(' '));
    for (const q of all) {
      const f = bank.facts.find((x) => x.id === q.factId)!;
      const shown = q.kind === 'true-false' ? f.fact : keyOf(q);
      const toks = (shown.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((t) => !stop.has(t));
      const end = q.line === f.lineStart ? f.lineEnd : q.line;
      const cited = raw[q.file].split(/\r?\n/).slice(q.line - 1, end).join(' ').replace(/\\\$/g, 'S').toLowerCase().replace(/[^a-z0-9]/g, '');
      const hits = toks.filter((t) => cited.includes(t.replace(/(?:es|s)$/, ''))).length;
      expect(hits / toks.length, `${q.file}:${q.line} ${shown}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('shapes every question the same way', () => {
    for (const q of all) {
      expect(q.deck).toBe('seeds');
      expect(q.line).toBeGreaterThan(0);
      expect(q.topic.length).toBeGreaterThan(0);
      // The notes' own questions explain as "Question? Answer"; the rest as "Term: fact".
      expect(q.explanation).toMatch(q.kind === 'qa' ? /\? \S/ : /\S: \S/);
      const yesNo = q.kind === 'qa' && q.options.length === 2 && q.options.includes('Yes') && q.options.includes('No');
      expect(q.options).toHaveLength(q.kind === 'true-false' || yesNo ? 2 : 4);
      expect(q.sources).toHaveLength(q.options.length);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.options.length);
      if (q.kind === 'true-false') expect(q.options).toEqual(['True', 'False']);
    }
    const tf = all.filter((q) => q.kind === 'true-false');
    const trueShare = tf.filter((q) => q.answer === 0).length / tf.length;
    expect(trueShare).toBeGreaterThan(0.4);
    expect(trueShare).toBeLessThan(0.6);
  });

  it('is byte-identical for the same seed and options, and differs for another seed', () => {
    const a = generateQuestions(bank, { count: 40, seed: 7, topics: [['Amazon SageMaker']] });
    const b = generateQuestions(bank, { count: 40, seed: 7, topics: [['Amazon SageMaker']] });
    const c = generateQuestions(bank, { count: 40, seed: 8, topics: [['Amazon SageMaker']] });
    expect(sha(a)).toBe(sha(b));
    expect(sha(c)).not.toBe(sha(a));
    expect(sha(generateQuestions(bank, { count: 1000, seed: 'room-42' }))).toBe(sha(generateQuestions(bank, { count: 1000, seed: 'room-42' })));
  });

  it('places keys independently for different seeds', () => {
    const other = new Map(generateQuestions(bank, { count: 5000, seed: 9 }).map((q) => [`${q.kind}|${q.factId}`, q.answer]));
    const shared = all.filter((q) => q.kind !== 'true-false' && other.has(`${q.kind}|${q.factId}`));
    expect(shared.length).toBeGreaterThan(300);
    const same = shared.filter((q) => other.get(`${q.kind}|${q.factId}`) === q.answer).length;
    // Chance is 1 in 4; a seed that barely reaches the generator would give nearly 100%.
    expect(same / shared.length).toBeLessThan(0.35);
  });

  it('spreads a game across kinds, topics and entities, and honours the filters', () => {
    const game = generateQuestions(bank, { count: 30, seed: 3 });
    expect(game).toHaveLength(30);
    expect(new Set(game.map((q) => q.kind)).size).toBe(QUESTION_KINDS.length);
    expect(new Set(game.map((q) => q.termKey)).size).toBe(30);
    expect(new Set(game.map((q) => q.file)).size).toBeGreaterThanOrEqual(4);
    for (let seed = 0; seed < 5; seed++) {
      const topic = generateQuestions(bank, { count: 50, seed, topics: [['Data Engineering', 'Kinesis']] });
      expect(topic.length).toBeGreaterThan(5);
      for (const q of topic) expect(q.topic.slice(0, 2)).toEqual(['Data Engineering', 'Kinesis']);
    }
    for (const q of generateQuestions(bank, { count: 50, seed: 3, kinds: ['cloze', 'table-cell'] })) expect(['cloze', 'table-cell']).toContain(q.kind);
    expect(generateQuestions(bank, { count: 0, seed: 3 })).toEqual([]);
  });

  // Worked examples of doc §2.2, asserted as in §4.2: key and source line, forbidden options.
  it('A: definition -> Amazon Transcribe from the flashcard, never its alias as a distractor', () => {
    const q = byKey('transcribe', 'def-to-term').find((x) => x.file === file('002'))!;
    expect(q).toBeDefined();
    expect(line(q.file, q.line)).toMatch(/Transcribe/);
    expect(keyOf(q)).toMatch(/Transcribe/);
    expect(q.prompt).toMatch(/speech recognition/);
    expect(q.prompt).not.toMatch(/transcri/i);
    for (let seed = 0; seed < 6; seed++) {
      for (const g of generateQuestions(bank, { count: 5000, seed, kinds: ['def-to-term'] })) {
        const others = g.options.filter((_, i) => i !== g.answer);
        if (g.termKey === 'transcribe') expect(others.join('|')).not.toMatch(/transcri/i);
      }
    }
  });

  it('A: k-means keeps "k groups" (one-letter tokens are no leak)', () => {
    const q = byKey('kmean', 'def-to-term').find((x) => !x.attribute)!;
    expect(q.prompt).toContain('k groups');
    expect(keyOf(q).toLowerCase()).toContain('means');
  });

  it('B: SSE-KMS is not asked term -> definition with the acronym leaking into the stem', () => {
    for (const q of all.filter((x) => x.kind === 'term-to-def')) {
      if (/Key Management Service/.test(keyOf(q))) expect(q.prompt).not.toMatch(/KMS/);
    }
  });

  it('C: statements about Random Cut Forest never offer "unsupervised", which is also true of it', () => {
    for (let seed = 0; seed < 6; seed++) {
      for (const q of generateQuestions(bank, { count: 5000, seed, kinds: ['term-to-def', 'true-false'] })) {
        if (q.termKey !== 'randomcutforest') continue;
        const distractors = q.kind === 'true-false' ? (q.answer === 1 ? [q.prompt] : []) : q.options.filter((_, i) => i !== q.answer);
        for (const d of distractors) expect(d).not.toMatch(/\bunsupervised\b/i);
      }
    }
  });

  it('D1: "Once a quarter" -> S3 Glacier Instant Retrieval; Intelligent-Tiering never answers Access Frequency', () => {
    const q = all.find((x) => x.kind === 'table-cell' && x.prompt.includes('"Once a quarter"'))!;
    expect(keyOf(q)).toBe('S3 Glacier Instant Retrieval');
    expect(q.file).toBe(file('001'));
    expect(q.line).toBe(77);
    for (let seed = 0; seed < 6; seed++) {
      for (const g of generateQuestions(bank, { count: 5000, seed, kinds: ['table-cell'] })) {
        if (g.prompt.includes('Access Frequency')) expect(g.options.join('|')).not.toContain('Intelligent-Tiering');
      }
    }
  });

  it('D2: the content type listed for BlazingText is application/jsonlines (003:328)', () => {
    const q = all.find((x) => x.kind === 'table-cell' && x.prompt.includes('"BlazingText"'))!;
    expect(keyOf(q)).toBe('application/jsonlines');
    expect(q.line).toBe(328);
  });

  it('E: no true/false item on Kinesis retention or on any conflict group', () => {
    const conflicted = new Set(bank.facts.filter((f) => f.conflictGroup).map((f) => f.id));
    for (let seed = 0; seed < 6; seed++) {
      for (const q of generateQuestions(bank, { count: 5000, seed, kinds: ['true-false', 'cloze'] })) {
        expect(conflicted.has(q.factId)).toBe(false);
        if (q.kind === 'true-false') expect(q.prompt).not.toMatch(/retention|365 days|7 days|2-15|2-5 containers/i);
      }
    }
  });

  it('F: Zeppelin port cloze draws only other ports of the bank', () => {
    const q = all.find((x) => x.kind === 'cloze' && /Zeppelin/.test(x.prompt))!;
    expect(keyOf(q)).toBe('8890');
    expect(q.file).toBe(file('003'));
    expect(q.line).toBe(126);
    expect(new Set(q.options)).toEqual(new Set(['8890', '8042', '8088', '8080']));
  });
});
