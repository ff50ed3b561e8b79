// Note parsers: the five real seed files plus small inline samples of each layout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanInline, MARKUP_RESIDUE } from '../server/notes/clean-inline.js';
import { detectLayout } from '../server/notes/detect-layout.js';
import { isChrome, isMeta, isPureMath, isTocEntry, isTooShort } from '../server/notes/filters.js';
import { Lexicon } from '../server/notes/lexicon.js';
import { latexToText } from '../server/notes/math-text.js';
import { parseNoteFiles, parseNotes } from '../server/notes/parse.js';
import { splitTerm } from '../server/notes/split-term.js';
import type { ParsedFact, ParsedFile } from '../server/notes/types.js';
import { GOLD, NEGATIVE, SEED_FILES, type SeedId } from './gold/notes-gold.js';

const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../shared/seeds');
const ids = Object.keys(SEED_FILES) as SeedId[];
const raw = {} as Record<SeedId, string>;
const parsed = {} as Record<SeedId, ParsedFile>;

beforeAll(() => {
  for (const id of ids) {
    raw[id] = readFileSync(path.join(SEEDS_DIR, SEED_FILES[id]), 'utf8');
    parsed[id] = parseNotes(SEED_FILES[id], raw[id]);
  }
});

const allFacts = (): { id: SeedId; f: ParsedFact }[] => ids.flatMap((id) => parsed[id].facts.map((f) => ({ id, f })));
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('seed files', () => {
  it('detects the layout of each seed', () => {
    expect(ids.map((id) => parsed[id].layout)).toEqual(['rendered-bullets', 'markdown', 'flashcard-pairs', 'markdown', 'plain-outline']);
  });

  it('finds at least 1,000 facts in total, and a fair share in every file', () => {
    const counts = ids.map((id) => parsed[id].facts.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    for (const [i, n] of counts.entries()) expect(n, SEED_FILES[ids[i]]).toBeGreaterThanOrEqual(ids[i] === '002' ? 55 : 200);
  });

  it('leaves no markup in any term, attribute, fact or topic (metric M9)', () => {
    const bad = allFacts().filter(({ f }) => [f.term, f.fact, f.attribute ?? '', ...f.topic].some((s) => MARKUP_RESIDUE.test(s)));
    expect(bad.map(({ id, f }) => `${id}:${f.lineStart} ${f.term} => ${f.fact}`)).toEqual([]);
  });

  it('never starts a term or fact with a bullet glyph and never leaves them empty', () => {
    for (const { f } of allFacts()) {
      expect(f.term.trim()).not.toBe('');
      expect(f.fact.trim()).not.toBe('');
      expect(f.term).not.toMatch(/^[•▶►➤*>\-]\s/);
      expect(f.fact).not.toMatch(/^[•▶►➤*>]\s/);
    }
  });

  it('cites a 1-based line span whose text holds the fact', () => {
    for (const { id, f } of allFacts()) {
      const lines = raw[id].split('\n');
      expect(f.lineStart).toBeGreaterThanOrEqual(1);
      expect(f.lineEnd).toBeGreaterThanOrEqual(f.lineStart);
      expect(f.lineEnd).toBeLessThanOrEqual(lines.length);
      const source = squash(lines.slice(f.lineStart - 1, f.lineEnd).join(' '));
      const tokens = (f.fact.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((t) => !/^(?:and|the|for)$/.test(t));
      if (!tokens.length) continue;
      const found = tokens.filter((t) => source.includes(t)).length;
      expect(found / tokens.length, `${id}:${f.lineStart} ${f.fact}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('gives every fact a topic path (all seeds have headings or a title)', () => {
    expect(allFacts().filter(({ f }) => f.topic.length === 0).map(({ id, f }) => `${id}:${f.lineStart}`)).toEqual([]);
  });

  it('gives table cells an attribute: column header (row-major) or row header (column-major)', () => {
    const cells = allFacts().filter(({ f }) => f.rule.startsWith('S8/'));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter(({ f }) => !f.attribute)).toEqual([]);
    const rowMajor = parsed['003'].facts.find((f) => f.lineStart === 303 && f.term === 'Random cut forest' && f.attribute === 'Data');
    expect(rowMajor?.fact).toMatch(/^RecordIO-protobuf or CSV/);
    const columnMajor = parsed['003'].facts.filter((f) => f.lineStart === 10 && f.attribute === 'Definition').map((f) => f.term);
    expect(new Set(columnMajor)).toEqual(new Set(['Redshift', 'Dynamo DB', 'S3', 'ElasticSearch', 'ElastiCache']));
  });

  it('keeps missing cells unknown (001:80 Intelligent-Tiering, 003:10 RDS / Aurora)', () => {
    const tiering = parsed['001'].facts.filter((f) => f.term === 'S3 Intelligent-Tiering');
    expect(tiering.map((f) => f.attribute)).toEqual(['Designed for']);
    expect(parsed['003'].facts.some((f) => f.term === 'RDS / Aurora' && f.attribute === 'Definition')).toBe(false);
  });

  it('continues a tab table across page-break header repeats, one group per column', () => {
    const hardware = parsed['003'].facts.filter((f) => f.attribute === 'Hardware');
    expect(hardware.map((f) => f.term)).toContain('Linear Learner'); // block 289
    expect(hardware.map((f) => f.term)).toContain('PCA'); // block 309
    expect(new Set(hardware.map((f) => f.group)).size).toBe(1);
    const skippedHeaders = parsed['003'].skipped.filter((s) => s.reason === 'table-header').map((s) => s.line);
    expect(skippedHeaders).toEqual(expect.arrayContaining([289, 296, 302, 309]));
  });

  it('shares group ids between siblings and not across lists', () => {
    const group = (id: SeedId, line: number, term: string) => parsed[id].facts.find((f) => f.lineStart === line && f.term === term)?.group;
    expect(group('001', 88, 'SSE-S3')).toBeDefined();
    expect(group('001', 91, 'Client Side Encryption')).toBe(group('001', 88, 'SSE-S3'));
    expect(group('000', 263, 'Vector-to-Sequence')).toBe(group('000', 261, 'Sequence-to-Sequence'));
    expect(group('000', 248, 'LeNet5')).not.toBe(group('000', 261, 'Sequence-to-Sequence'));
    expect(group('002', 31, 'k-means')).toBe(group('002', 81, 'KNN'));
    const s3 = parsed['001'].facts.filter((f) => f.rule === 'S8/pipe-table' && f.attribute === 'Access Frequency');
    expect(new Set(s3.map((f) => f.group)).size).toBe(1);
  });

  it('keeps polarity from check marks without negating text (F4)', () => {
    const mean = parsed['001'].facts.find((f) => f.lineStart === 273);
    expect(mean).toMatchObject({ fact: 'Replacement with mean value', polarity: '-' });
    const dont = parsed['001'].facts.find((f) => f.lineStart === 608);
    expect(dont?.fact).toBe("don't optimize too many hyperparameters at once");
  });

  it('registers empty sections as distractor-only names', () => {
    expect(parsed['001'].bareTerms?.map((b) => b.term)).toEqual(expect.arrayContaining(['Amazon Lex', 'Amazon Personalize']));
  });

  it('flags definitions that repeat their term, truncated text and open lists', () => {
    const poisson = parsed['004'].facts.find((f) => f.lineStart === 21);
    expect(poisson?.flags).toContain('termInFact');
    const groundTruth = parsed['002'].facts.filter((f) => f.lineStart === 109);
    expect(groundTruth.some((f) => f.flags.includes('truncated'))).toBe(true);
    const crawlers = parsed['000'].facts.find((f) => f.lineStart === 77);
    expect(crawlers?.flags).toContain('openList');
    const merged = parsed['004'].facts.find((f) => f.lineStart === 425);
    expect(merged?.flags).toContain('merged');
  });

  it('is deterministic and fast', () => {
    const t0 = performance.now();
    const again = ids.map((id) => parseNotes(SEED_FILES[id], raw[id]));
    const ms = performance.now() - t0;
    expect(JSON.stringify(again)).toBe(JSON.stringify(ids.map((id) => parsed[id])));
    expect(ms).toBeLessThan(1000);
  });
});

describe('gold pairs', () => {
  it('has at least 30 hand-checked pairs covering all five files', () => {
    expect(GOLD.length).toBeGreaterThanOrEqual(30);
    expect(new Set(GOLD.map((g) => g.file))).toEqual(new Set(ids));
  });

  it.each(GOLD.map((g) => [`${g.file}:${g.line} ${g.term} (${g.shape})`, g] as const))('finds %s', (_name, g) => {
    const hit = parsed[g.file].facts.find(
      (f) =>
        Math.abs(f.lineStart - g.line) <= 1 &&
        f.term.toLowerCase() === g.term.toLowerCase() &&
        f.fact.includes(g.fact) &&
        (g.attribute === undefined || f.attribute?.toLowerCase() === g.attribute.toLowerCase()),
    );
    const near = parsed[g.file].facts.filter((f) => Math.abs(f.lineStart - g.line) <= 1).map((f) => `${f.term} {${f.attribute ?? ''}} => ${f.fact}`);
    expect(hit, near.join('\n')).toBeDefined();
  });
});

describe('negative lines', () => {
  it('has at least 15 entries', () => expect(NEGATIVE.length).toBeGreaterThanOrEqual(15));

  it.each(NEGATIVE.map((n) => [`${n.file}:${n.line} ${n.why}`, n] as const))('yields no fact for %s', (_name, n) => {
    const p = parsed[n.file];
    expect(p.facts.filter((f) => f.lineStart <= n.line && n.line <= f.lineEnd)).toEqual([]);
    const skip = p.skipped.find((s) => s.line === n.line);
    expect(skip && n.reasons.includes(skip.reason), JSON.stringify(skip)).toBe(true);
  });

  it('drops the whole table of contents 001:8-56', () => {
    for (let l = 8; l <= 56; l++) expect(parsed['001'].facts.some((f) => f.lineStart <= l && l <= f.lineEnd)).toBe(false);
  });

  it('drops the GitHub chrome 000:1-16', () => {
    expect(parsed['000'].facts.filter((f) => f.lineStart <= 16)).toEqual([]);
  });
});

describe('clean-inline', () => {
  it('strips emoji shortcodes from the gemoji list and keeps check marks as polarity', () => {
    expect(cleanInline(':white_check_mark: Overview')).toMatchObject({ text: 'Overview', polarity: '+' });
    expect(cleanInline(':x: Dropping')).toMatchObject({ text: 'Dropping', polarity: '-' });
    expect(cleanInline('Data Engineering :rocket:').text).toBe('Data Engineering');
    // not an emoji name: stays as written
    expect(cleanInline('Metric: validation:discriminator_auc:').text).toBe('Metric: validation:discriminator_auc:');
  });

  it('parses inline HTML: emphasis spans, anchors, list items, entities, placeholders', () => {
    const c = cleanInline('Data Warehousing for <b>Online Analytical</b> <b>Processing</b> (OLAP)');
    expect(c.text).toBe('Data Warehousing for Online Analytical Processing (OLAP)');
    expect(c.emphasis).toEqual(['Online Analytical', 'Processing']);
    expect(cleanInline("<a name='S3'></a>S3").text).toBe('S3');
    expect(cleanInline('<ul><li>Accounting</li><li>E-commerce</li></ul>').text).toBe('Accounting, E-commerce');
    expect(cleanInline('Capture, <b>transform</b> , and deliver &amp; store').text).toBe('Capture, transform, and deliver & store');
    expect(cleanInline('the key is the path. e.g <my_bucket>/my_folder').text).toBe('the key is the path. e.g my_bucket/my_folder');
  });

  it('removes markdown emphasis, images, links, escapes and task boxes', () => {
    const c = cleanInline('* [x] **Kinesis Streams**: low *latency* ![img](a.png) see [Meena](#) \\_\\_label\\_\\_');
    expect(c.text).toBe('Kinesis Streams: low latency see Meena __label__');
    expect(c.emphasis).toEqual(['Kinesis Streams']);
    expect(c.image).toBe(true);
    expect(cleanInline('**Data Wrangle = Import data** ').text).toBe('Data Wrangle = Import data');
    expect(cleanInline('num_trees and Scale_pos_weight').text).toBe('num_trees and Scale_pos_weight');
  });

  it('turns $..$ math into plain text with a flag, and fixes the \\$3 OCR error', () => {
    const m = cleanInline('symmetrical about the line $x=\\mu$.');
    expect(m).toMatchObject({ text: 'symmetrical about the line x=μ.', math: true });
    expect(cleanInline('Recall= $\\frac{TP}{TP+FN}$').text).toBe('Recall= TP/(TP+FN)');
    expect(cleanInline('Store input/output data on \\$3').text).toBe('Store input/output data on S3');
    expect(cleanInline('costs $5 and $10').math).toBe(false);
    expect(latexToText('\\frac{2*(Precision*Recall)}{Precision + Recall}')).toBe('(2*(Precision*Recall))/(Precision + Recall)');
  });

  it('drops PDF glyph bullets and quote markers', () => {
    expect(cleanInline('▶ Lake Formation Data Lake solution').text).toBe('Lake Formation Data Lake solution');
    expect(cleanInline('► Fully serverless').text).toBe('Fully serverless');
    expect(cleanInline('o Dropping only okay if cheap').text).toBe('Dropping only okay if cheap');
    expect(cleanInline('> **Task Node**: Run tasks').text).toBe('Task Node: Run tasks');
    expect(cleanInline('➤ For multiple classifications').text).toBe('For multiple classifications');
  });
});

describe('split-term (P5)', () => {
  it('splits at separators outside parentheses only', () => {
    expect(splitTerm('Flexible retrieval (minimum storage duration - 90 days)')).toBeNull();
    expect(splitTerm('LeNet5 - good for handwriting recognition')).toMatchObject({ term: 'LeNet5', fact: 'good for handwriting recognition', kind: 'dash' });
    expect(splitTerm('Glue ETL Automatically use dropfields (example:K-means)')).toBeNull();
  });

  it('tries colon, equals, dash and arrow in that order', () => {
    expect(splitTerm('SSE-KMS: use AWS Key Management Service')).toMatchObject({ term: 'SSE-KMS', kind: 'colon' });
    expect(splitTerm('Batch: batch jobs run as Docker containers - not just for data')).toMatchObject({ term: 'Batch', kind: 'colon' });
    expect(splitTerm('Normal Distribution = Gaussian Distribution')).toMatchObject({ term: 'Normal Distribution', fact: 'Gaussian Distribution', kind: 'equals' });
    expect(splitTerm('classification -> softmax')).toMatchObject({ term: 'classification', fact: 'softmax', kind: 'arrow' });
    expect(splitTerm('Encoder-Decoder - Sequence->Vector->Sequence (translation)')).toMatchObject({ term: 'Encoder-Decoder', kind: 'dash' });
  });

  it('refuses long or clause-like left sides', () => {
    expect(splitTerm('Checking new model is stable before deployment - Conduct A/B testing')).toBeNull();
    expect(splitTerm('If no classifier returns certainty=1.0, AWS Glue uses the output')).toBeNull();
    expect(splitTerm('Zeppelin notebooks with Spark. Port=8890')).toBeNull();
  });

  it('uses "X (Y)" only when asked, and not after a function word', () => {
    expect(splitTerm('Bar charts (For comparison or distribution)')).toBeNull();
    expect(splitTerm('Bar charts (For comparison or distribution)', { paren: true })).toMatchObject({ term: 'Bar charts', fact: 'For comparison or distribution' });
    expect(splitTerm('For comparison (bar charts)', { paren: true })).toBeNull();
    expect(splitTerm('Precision (AKA Correct Positives)', { paren: true })).toMatchObject({ term: 'Precision', alias: 'Correct Positives' });
  });

  it('handles bold terms, acronym expansions and formula abbreviations', () => {
    expect(splitTerm('Boosting Observations are weighted', { leadingEmphasis: 'Boosting' })).toMatchObject({ term: 'Boosting', kind: 'bold' });
    expect(splitTerm('unsupervised algorithm', { leadingEmphasis: 'unsupervised' })).toBeNull();
    expect(splitTerm('SMOTE - Synthetic minority over-sampling technique - generate examples')).toMatchObject({ term: 'SMOTE', alias: 'Synthetic minority over-sampling technique' });
    expect(splitTerm('F1-score F1 = 2 * (Precision*Recall)')).toMatchObject({ term: 'F1-score', fact: 'F1 = 2 * (Precision*Recall)' });
  });
});

describe('filters', () => {
  it('recognises meta, chrome, TOC, pure math and too-short lines', () => {
    expect(isMeta('Contact Meena for questions or additional guidance on this certification!')).toBe(true);
    expect(isMeta('There will be atleast 2 questions on probability distributions.')).toBe(true);
    expect(isMeta('CALVIN WRIGHT 2022-0227')).toBe(true);
    expect(isMeta('Following notes are taken when I enrolled in Udemy course')).toBe(true);
    expect(isMeta('Inner workings of Alex chatbot takes Utterance("I want to order a pizza")')).toBe(false);
    expect(isMeta('Supports I/O intensive jobs, i.e. streaming')).toBe(false);
    expect(isChrome('610 lines (535 loc) · 18.8 KB')).toBe(true);
    expect(isChrome('Glue ETL')).toBe(false);
    expect(isTocEntry('\t* 1.1. [S3](#S3)')).toBe(true);
    expect(isTocEntry('* [x] **Kinesis Streams**: low latency')).toBe(false);
    expect(isPureMath('or  $\\frac{TOtal Correct}{Total}$ Recall= $\\frac{TP}{TP+FN}$')).toBe(true);
    expect(isPureMath('The curve is symmetrical about the line $x=\\mu$.')).toBe(false);
    expect(isTooShort('just heatmap')).toBe(true);
    expect(isTooShort('too big changes -')).toBe(true);
    expect(isTooShort('IA')).toBe(false);
  });
});

describe('lexicon repairs', () => {
  it('re-joins words split by column wrapping only when the join is a known word', () => {
    const lex = new Lexicon('classification classification segmentation data firehose');
    expect(lex.repair('Image Classificati on')).toBe('Image Classification');
    expect(lex.repair('Reinforceme nt learning')).toBe('Reinforcement learning');
    expect(lex.repair('Data Firehose on S3')).toBe('Data Firehose on S3');
  });

  it('splits a glued term only with a term known from another file (S10)', () => {
    const text = 'Amazon EMR\n\n- Transient Shuts down once all tasks are complete\n- Spark MLLib allows you to use ML\n';
    const alone = parseNotes('emr.txt', text);
    expect(alone.facts.find((f) => f.lineStart === 3)?.term).toBe('Amazon EMR');
    const withBank = parseNotes('emr.txt', text, { lexicon: ['transient', 'Spark'] });
    expect(withBank.facts.find((f) => f.lineStart === 3)).toMatchObject({ term: 'Transient', fact: 'Shuts down once all tasks are complete', rule: 'S10/glued' });
    const batch = parseNoteFiles([
      { name: 'a.txt', text: 'Cluster types\n\n- transient - good way for spot-instances\n- long-running - reserved instances\n' },
      { name: 'b.txt', text },
    ]);
    expect(batch[1].facts.find((f) => f.lineStart === 3)?.term).toBe('Transient');
  });
});

describe('layouts written inline', () => {
  it('parses a Quizlet export (term<TAB>definition per line)', () => {
    const tsv = 'Word2Vec\tAn algorithm to learn word embeddings\nKNN\tSupervised classification based on <b>K-nearest</b> neighbors\n\nAmazon Polly\tText to speech service\n';
    expect(detectLayout(tsv, 'aws.txt')).toBe('flashcard-tsv');
    const p = parseNotes('aws.txt', tsv);
    expect(p.facts.map((f) => [f.lineStart, f.term, f.fact])).toEqual([
      [1, 'Word2Vec', 'An algorithm to learn word embeddings'],
      [2, 'KNN', 'Supervised classification based on K-nearest neighbors'],
      [4, 'Amazon Polly', 'Text to speech service'],
    ]);
    expect(new Set(p.facts.map((f) => f.group)).size).toBe(1);
    expect(p.facts[0].topic).toEqual(['aws']);
  });

  it('parses an Anki CSV export with header lines and a quoted multi-line field', () => {
    const csv = '#separator:Comma\n#html:true\n#columns:Front,Back\n"Amazon Lex","Builds <i>chat bots</i>, with voice\nand text"\nSageMaker Neo,Compiles models for edge devices\n';
    expect(detectLayout(csv, 'deck.csv')).toBe('csv');
    const p = parseNotes('deck.csv', csv);
    expect(p.layout).toBe('csv');
    expect(p.facts.map((f) => [f.lineStart, f.lineEnd, f.term, f.fact])).toEqual([
      [4, 5, 'Amazon Lex', 'Builds chat bots, with voice and text'],
      [6, 6, 'SageMaker Neo', 'Compiles models for edge devices'],
    ]);
    expect(p.skipped.map((s) => s.line)).toEqual([1, 2, 3]);
  });

  it('parses a plain CSV with a header row, and Anki plain text with a deck column', () => {
    const csv = 'term,definition\nPCA,"Dimensionality reduction, unsupervised"\nRCF,Anomaly detection\nXGBoost,Gradient boosted trees\n';
    const p = parseNotes('cards.csv', csv);
    expect(p.facts.map((f) => f.term)).toEqual(['PCA', 'RCF', 'XGBoost']);
    expect(p.skipped[0]).toMatchObject({ line: 1, reason: 'table-header' });
    const anki = '#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\nBasic\tAWS::ML\tDeepAR\tForecasting with RNNs\n';
    const q = parseNotes('deck.txt', anki);
    expect(q.facts[0]).toMatchObject({ lineStart: 5, topic: ['AWS', 'ML'], term: 'DeepAR', fact: 'Forecasting with RNNs' });
  });

  it('parses a web page pasted as text with • bullets', () => {
    const page = [
      'Skip to content',
      '',
      'Machine learning notes',
      '',
      'Polly',
      '',
      'Text to speech service with many voices',
      '',
      'Model types:',
      '',
      '  • Random Cut Forest',
      '    • anomaly detection',
      '    • hyperparameters:',
      '      • num_trees',
      '  • LeNet5 - handwriting recognition',
      '  • DeepAR',
      '    • forecasting',
      '',
    ].join('\n');
    expect(detectLayout(page)).toBe('rendered-bullets');
    const p = parseNotes('page.txt', page);
    const find = (term: string, fact: string) => p.facts.find((f) => f.term === term && f.fact.includes(fact));
    expect(find('Polly', 'Text to speech')?.lineStart).toBe(7);
    expect(find('Random Cut Forest', 'num_trees')).toMatchObject({ lineStart: 14, attribute: 'hyperparameters' });
    expect(find('LeNet5', 'handwriting')?.lineStart).toBe(15);
    expect(find('DeepAR', 'forecasting')?.lineStart).toBe(17);
    expect(p.skipped.find((s) => s.line === 1)?.reason).toBe('chrome');
  });

  it('parses a tab-separated table inside a plain outline', () => {
    const notes = 'Data stores\n\n\tRedshift\tDynamoDB\nUse case\tAnalytics\tKey-value lookups\nType\tWarehouse\tNoSQL\n\n- S3 - object storage\n';
    expect(detectLayout(notes)).toBe('plain-outline');
    const p = parseNotes('stores.txt', notes);
    expect(p.facts.find((f) => f.term === 'DynamoDB' && f.attribute === 'Use case')).toMatchObject({ lineStart: 4, fact: 'Key-value lookups', topic: ['Data stores'] });
    expect(p.facts.find((f) => f.term === 'S3')?.fact).toBe('object storage');
  });

  it('parses markdown with a GFM table and nested lists', () => {
    const md = '# Storage\n\n| Class | Retrieval |\n|---|---|\n| Glacier | hours |\n\n* XGBoost\n  * input:\n    * CSV\n';
    const p = parseNotes('s.md', md);
    expect(p.layout).toBe('markdown');
    expect(p.facts.find((f) => f.term === 'Glacier')).toMatchObject({ lineStart: 5, attribute: 'Retrieval', fact: 'hours', topic: ['Storage'] });
    expect(p.facts.find((f) => f.term === 'XGBoost' && f.attribute === 'input')).toMatchObject({ lineStart: 9, fact: 'CSV' });
  });
});
