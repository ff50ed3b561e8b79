// Structure cases of the notes bank: each one a small fixture written the way real notes are,
// with the facts a reader would take from it. Terms own their children, generic labels are
// attributes, taglines define their heading, page furniture is skipped with a reason.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../server/notes/parse.js';
import type { ParsedFact, ParsedFile } from '../server/notes/types.js';

function facts(name: string, text: string): ParsedFile {
  return parseNotes(name, text);
}

function find(p: ParsedFile, term: string, fact: string, attribute?: string): ParsedFact | undefined {
  return p.facts.find(
    (f) =>
      f.term.toLowerCase() === term.toLowerCase() &&
      f.fact.toLowerCase().includes(fact.toLowerCase()) &&
      (attribute === undefined || (f.attribute ?? '').toLowerCase() === attribute.toLowerCase()),
  );
}

function describeFacts(p: ParsedFile): string {
  return p.facts.map((f) => `${f.lineStart} [${f.topic.join(' > ')}] ${f.term}${f.attribute ? ` {${f.attribute}}` : ''} :: ${f.fact}`).join('\n');
}

const skipped = (p: ParsedFile, line: number) => p.skipped.find((s) => s.line === line)?.reason;

describe('terms own their children', () => {
  const text = [
    'Regularization techniques', // 1
    '',
    'In case of overfitting you can try to make your model simpler', // 3
    '',
    '  • Dropout', // 5
    '  • L1 - sum of weights', // 6
    '    • performs feature selection', // 7
    '    • sparse output', // 8
    '  • L2 - sum of squared weights', // 9
    '    • all features remain considered, just weighted', // 10
    '    • dense output', // 11
    '',
    'Vanishing gradients problem', // 13
    '',
    '  • small changes in deep networks make the step too small', // 15
  ].join('\n');
  const p = facts('web.txt', text);

  it('gives the children of "L1 - sum of weights" to L1, not to the section', () => {
    expect(find(p, 'L1', 'sum of weights'), describeFacts(p)).toBeDefined();
    expect(find(p, 'L1', 'sparse output')?.lineStart).toBe(8);
    expect(find(p, 'L2', 'dense output')?.lineStart).toBe(11);
    expect(p.facts.some((f) => f.term === 'Regularization techniques' && /sparse|dense/.test(f.fact))).toBe(false);
  });

  it('files bullet terms under the section as their topic', () => {
    expect(find(p, 'L1', 'sparse output')?.topic).toEqual(['Regularization techniques']);
  });

  it('splits "Name. Port=8890" into the named thing and its port', () => {
    const q = facts('emr.md', ['## EMR', '', '- Zeppelin notebooks with Spark. Port=8890', '- YARN NodeManager Port=8042 YARN ResourceManager Port=8088'].join('\n'));
    expect(find(q, 'Zeppelin notebooks', '8890', 'Port'), describeFacts(q)).toBeDefined();
    expect(find(q, 'Zeppelin notebooks', 'with Spark')).toBeDefined();
    expect(find(q, 'YARN NodeManager', '8042', 'Port'), describeFacts(q)).toBeDefined();
    expect(find(q, 'YARN ResourceManager', '8088', 'Port'), describeFacts(q)).toBeDefined();
  });
});

describe('headings and labels', () => {
  const md = [
    '# AWS notes', // 1
    '', //
    '## Compute', // 3
    '', //
    '### AWS Lambda', // 5
    '', //
    '**Serverless compute service**', // 7
    '', //
    '#### Use Cases', // 9
    '', //
    '- Run code in response to S3 uploads', // 11
    '- Glue between managed services', // 12
    '', //
    '#### Key Concepts', // 14
    '', //
    '- Functions scale out automatically with concurrent requests', // 16
    '', //
    '### Serverless', // 18
    '', //
    '**Services**: Lambda, Fargate, Aurora Serverless', // 20
    '', //
    '### Kinesis', // 22
    '', //
    '#### Consumption options', // 24
    '', //
    '- Kinesis Data Firehose delivers to S3 and Redshift', // 26
    '', //
    '### ML instance recommendations', // 28
    '', //
    '- ml.m5.xlarge for general training', // 30
    '- ml.p3.2xlarge for deep learning', // 31
  ].join('\n');
  const p = facts('aws.md', md);

  it('takes a bold tagline right under a heading as the heading\'s definition', () => {
    expect(find(p, 'AWS Lambda', 'Serverless compute service'), describeFacts(p)).toBeDefined();
    expect(p.facts.some((f) => f.term === 'Serverless compute service')).toBe(false);
  });

  it('files facts under a generic label heading as an attribute of the enclosing term', () => {
    expect(find(p, 'AWS Lambda', 'S3 uploads', 'Use Cases'), describeFacts(p)).toBeDefined();
    expect(find(p, 'AWS Lambda', 'scale out', 'Key Concepts')).toBeDefined();
    expect(find(p, 'Kinesis', 'Firehose', 'Consumption options')).toBeDefined();
    for (const label of ['Use Cases', 'Key Concepts', 'Consumption options']) expect(p.facts.some((f) => f.term === label)).toBe(false);
  });

  it('keeps generic labels out of the topic path', () => {
    expect(find(p, 'AWS Lambda', 'S3 uploads')?.topic).toEqual(['Compute', 'AWS Lambda']);
  });

  it('reads "**Services**: A, B, C" as one list fact of the heading', () => {
    expect(find(p, 'Serverless', 'Lambda, Fargate, Aurora Serverless', 'Services'), describeFacts(p)).toBeDefined();
    expect(p.facts.some((f) => f.term === 'Lambda')).toBe(false);
  });

  it('does not make a descriptive heading a named term', () => {
    const recs = p.facts.filter((f) => f.lineStart === 30 || f.lineStart === 31);
    expect(recs.length).toBe(2);
    for (const f of recs) expect(f.flags).toContain('section');
  });

  it('reads a plural caption line ("EMR storages:") over its items as a section, not a term', () => {
    const q = facts('emr.txt', 'AWS EMR\n\n  • managed Hadoop clusters on EC2\n\nEMR storages:\n\n  • HDFS (distributes data between EC2 nodes), good for performance\n  • EMRFS - access S3 as if it were HDFS\n');
    const hdfs = q.facts.find((f) => f.fact.startsWith('HDFS'));
    expect(hdfs?.flags, describeFacts(q)).toContain('section');
  });

  it('does not make the file title a topic level', () => {
    for (const f of p.facts) expect(f.topic[0]).not.toBe('AWS notes');
    expect(skipped(p, 1)).toBe('heading');
  });
});

describe('page furniture', () => {
  const md = [
    '---', // 1
    'title: Cell membrane', // 2
    'tags: [biology, cells]', // 3
    '---', // 4
    '[![build](https://img.shields.io/badge/notes-2024-blue)](https://example.org)', // 5
    '', //
    '<- Overview | Exam Guide ->', // 7
    '', //
    '## Membrane transport', // 9
    '', //
    '::: tip Remember', // 11
    'Osmosis is the diffusion of water across a semi-permeable membrane', // 12
    ':::', // 13
    '', //
    '> [!note] Active transport', // 15
    '> Active transport moves molecules against their gradient using ATP', // 16
    '', //
    '- Facilitated diffusion: passive movement through carrier or channel proteins', // 18
    '', //
    '[⬆ back to top](#top)', // 20
  ].join('\n');
  const p = facts('cell.md', md);

  it('skips front matter, badges and navigation lines with a reason', () => {
    expect([2, 3].map((l) => skipped(p, l))).toEqual(['front-matter', 'front-matter']);
    expect(skipped(p, 5)).toBe('badge');
    expect(skipped(p, 7)).toBe('navigation');
    expect(skipped(p, 20)).toBe('navigation');
    expect(p.facts.some((f) => /title|tags|Overview|back to top/i.test(f.fact))).toBe(false);
  });

  it('drops callout markers and keeps the box text as facts of the section', () => {
    expect(skipped(p, 11)).toBe('callout');
    expect(skipped(p, 13)).toBe('callout');
    expect(p.facts.find((f) => f.lineStart === 12 && /Osmosis is the diffusion of water/.test(f.fact)), describeFacts(p)).toBeDefined();
    // A titled box ("> [!note] Active transport") is about the thing its title names.
    expect(p.facts.find((f) => f.lineStart <= 16 && f.lineEnd >= 16 && f.term === 'Active transport' && /against their gradient/.test(f.fact)), describeFacts(p)).toBeDefined();
    expect(p.facts.some((f) => /\[!note\]|:::/.test(f.fact + f.term))).toBe(false);
    expect(find(p, 'Facilitated diffusion', 'carrier or channel')).toBeDefined();
  });
});

describe('flashcard exports', () => {
  it('reads Anki text with a ";" separator declared in its header, and skips placeholder answers', () => {
    const text = ['#separator:semicolon', '#html:false', '#columns:Front;Back', 'pvcreate;Initialises a physical volume for LVM', 'vgcreate;Creates a volume group from physical volumes', 'lvextend;TODO', 'lvreduce;?'].join('\n');
    const p = facts('lvm.txt', text);
    expect(find(p, 'pvcreate', 'physical volume'), describeFacts(p)).toBeDefined();
    expect(find(p, 'vgcreate', 'volume group')).toBeDefined();
    expect(skipped(p, 6)).toBe('placeholder');
    expect(skipped(p, 7)).toBe('placeholder');
    expect(p.facts.some((f) => /^(?:TODO|\?)$/.test(f.fact))).toBe(false);
  });

  it('detects a ";" separator without a header by its consistency', () => {
    const text = ['mitosis;division of one cell into two identical daughter cells', 'meiosis;division producing four haploid gametes', 'cytokinesis;division of the cytoplasm after nuclear division', 'interphase;the cell grows and copies its DNA'].join('\n');
    const p = facts('cells.txt', text);
    expect(p.layout === 'csv' || p.layout === 'flashcard-tsv').toBe(true);
    expect(find(p, 'meiosis', 'four haploid gametes'), describeFacts(p)).toBeDefined();
    expect(p.facts).toHaveLength(4);
  });

  it('reports an unclosed quote on its line instead of swallowing the next card', () => {
    const text = ['term,definition', '"Treaty of Westphalia,1648 peace ending the Thirty Years War', 'Magna Carta,1215 charter limiting the power of the English king', 'Congress of Vienna,"1815 settlement of Europe, after Napoleon"'].join('\n');
    const p = facts('history.csv', text);
    expect(find(p, 'Magna Carta', '1215 charter'), describeFacts(p)).toBeDefined();
    expect(find(p, 'Congress of Vienna', 'after Napoleon')).toBeDefined();
    expect(skipped(p, 2)).toBe('damaged');
  });

  it('keeps question-front cards as question facts', () => {
    const text = ['What does pvcreate do?\tInitialises a disk or partition as an LVM physical volume', 'Which command shows volume groups?\tvgdisplay', 'Can you shrink an XFS filesystem?\tNo'].join('\n');
    const p = facts('lvm-qa.txt', text);
    const q = find(p, 'What does pvcreate do?', 'physical volume');
    expect(q, describeFacts(p)).toBeDefined();
    expect(q!.flags).toContain('question');
    expect(find(p, 'Can you shrink an XFS filesystem?', 'No')).toBeDefined();
  });
});
