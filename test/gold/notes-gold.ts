// Hand-checked expectations for the five seed files in /work/shared/seeds (or $SEEDS_DIR).
// Every entry was read off the seed with `cat -n` (1-based lines). A gold pair matches a fact
// when the file is the same, the line is within ±1, the term is equal ignoring case, and the
// fact contains the expected substring (and the attribute matches when one is given).
import type { SkipReason } from '../../server/notes/types.js';

export const SEED_FILES = {
  '000': '000_0fcf8e94e20cfcb1.txt',
  '001': '001_ab718a6ec3ad9267.txt',
  '002': '002_0ed588c8464459f9.txt',
  '003': '003_e212f7dbafefe263.txt',
  '004': '004_10a7646fd4df6ee6.txt',
} as const;

export type SeedId = keyof typeof SEED_FILES;

export interface GoldPair {
  file: SeedId;
  line: number;
  term: string;
  fact: string; // substring of the expected fact text
  attribute?: string; // expected attribute (table column / row header, sub-list intro)
  shape: string; // which structure of the notes this covers
}

export const GOLD: GoldPair[] = [
  // 000: GitHub page copied as text ("•" bullets, bare headings)
  { file: '000', line: 49, term: 'Kinesis Data Stream', fact: 'For data streaming (like Apache Kafka)', shape: 'bare heading + paragraph' },
  { file: '000', line: 53, term: 'Kinesis Data Firehose', fact: 'For data ingestion', shape: 'bare heading + paragraph' },
  { file: '000', line: 248, term: 'LeNet5', fact: 'good for handwriting recognition', shape: 'X - Y bullet' },
  { file: '000', line: 262, term: 'Sequence-to-vector', fact: 'words in a sentence to a sentiment', shape: 'X - Y bullet' },
  { file: '000', line: 125, term: 'Amazon S3', fact: 'Object Storage for your data', shape: 'term: definition bullet' },
  { file: '000', line: 141, term: 'DMS', fact: 'Database Migration Service', shape: 'term: definition bullet' },
  { file: '000', line: 408, term: 'Random Cut Forest', fact: 'assigns anomaly score to each point', shape: 'nested bullets' },
  { file: '000', line: 410, term: 'Random Cut Forest', attribute: 'hyperparameters', fact: 'num_trees', shape: 'nested bullets, sub-list intro as attribute' },
  { file: '000', line: 227, term: 'SMOTE', fact: 'Synthetic minority over-sampling technique', shape: 'free paragraph X - Y' },
  { file: '000', line: 238, term: 'classification', fact: 'softmax', shape: 'arrow mapping bullet' },
  { file: '000', line: 72, term: 'Glue Data Catalog', fact: 'integration with athena', shape: 'heading + feature list' },
  { file: '000', line: 33, term: 'Standard', fact: '3-5 hours', shape: 'nested X (Y) term list' },

  // 001: markdown with TOC, pipe table, task list, emoji labels
  { file: '001', line: 77, term: 'S3 Glacier Instant Retrieval', attribute: 'Access Frequency', fact: 'Once a quarter', shape: 'pipe table cell' },
  { file: '001', line: 74, term: 'S3 Standard', attribute: 'Retrieve Time', fact: 'millisecond', shape: 'pipe table cell' },
  { file: '001', line: 89, term: 'SSE-KMS', fact: 'use AWS Key Management Service to manage encryption keys', shape: 'term: definition bullet' },
  { file: '001', line: 108, term: 'Kinesis Firehose', fact: 'Load streams into S3, Redshift, ElasticSearch & Splunk', shape: 'task list + bold term' },
  { file: '001', line: 259, term: 'Bar charts', fact: 'For comparison or distribution', shape: 'X (Y) term list' },
  { file: '001', line: 462, term: 'XGBoost', attribute: 'input', fact: 'CSV', shape: 'nested bullets, input: sub-list' },
  { file: '001', line: 240, term: 'Bernoulli Distribution', fact: 'Single trial (special case of binomial distribution)', shape: 'emoji label + feature list' },
  { file: '001', line: 293, term: 'Oversampling', fact: 'Randomly copy minority samples', shape: 'term: definition bullet' },
  { file: '001', line: 393, term: 'Bagging', fact: 'Train N different models by random sampling', shape: 'indented paragraph under a bullet' },

  // 002: Quizlet-style pairs (term line, definition line)
  { file: '002', line: 31, term: 'k-means', fact: 'unsupervised classification algorithm that groups points together into k groups', shape: 'flashcard pair' },
  { file: '002', line: 81, term: 'KNN', fact: 'groups points based on K-nearest neighbors', shape: 'flashcard pair' },
  { file: '002', line: 59, term: 'Amazon Transcribe', fact: 'automatic speech recognition (ASR) service', shape: 'flashcard pair' },
  { file: '002', line: 19, term: 'Can you attach an EBS volume to a sagemaker training job?', fact: 'No', shape: 'question card' },
  { file: '002', line: 29, term: 'Factorization Machines', attribute: 'Input', fact: 'Must be record-IO Float32', shape: 'embedded field in a card' },
  { file: '002', line: 53, term: 'Precision', fact: 'Percentage of positive identifications', shape: 'comparison card exploded' },

  // 003: PDF text with tab tables and bold-term paragraphs
  { file: '003', line: 10, term: 'ElastiCache', attribute: 'Definition', fact: 'Caching Mechanism', shape: 'column-major tab table' },
  { file: '003', line: 11, term: 'RDS / Aurora', attribute: 'Use Cases', fact: 'Accounting', shape: 'column-major tab table, <li> values' },
  { file: '003', line: 25, term: 'Data Firehose', attribute: 'Definition', fact: 'Capture, transform, and deliver streaming data', shape: 'column-major tab table, <b> removed' },
  { file: '003', line: 303, term: 'Random cut forest', attribute: 'Hardware', fact: 'CPU only for training and inference', shape: 'row-major tab table after page break' },
  { file: '003', line: 291, term: 'XGBoost', attribute: 'Tuning', fact: 'Max_depth', shape: 'row-major tab table, spill-over column' },
  { file: '003', line: 299, term: 'Image Classification', attribute: 'Hardware', fact: 'GPU training', shape: 'tab table, re-joined broken word' },
  { file: '003', line: 328, term: 'application/jsonlines', attribute: 'Algorithm', fact: 'BlazingText', shape: 'two-column key -> set tab table' },
  { file: '003', line: 134, term: 'Master Node', fact: 'Manages the cluster', shape: 'term: definition bullet' },
  { file: '003', line: 214, term: 'Precision', fact: 'The number of correctly classified', shape: 'second bold definition on one line' },
  { file: '003', line: 377, term: 'JumpStart', fact: '1 click models from model zoos', shape: 'bold "X =" paragraph' },
  { file: '003', line: 191, term: 'Boosting', fact: 'Observations are weighted', shape: 'bold term glued to definition' },

  // 004: plain cheat sheet ("- " bullets, bare headings, question headings)
  { file: '004', line: 15, term: 'Binomial Distribution', fact: 'probability of repeated number of trials', shape: 'bare heading + paragraph' },
  { file: '004', line: 21, term: 'Poisson Distribution', fact: 'count of independent events', shape: 'bare heading + paragraph' },
  { file: '004', line: 122, term: 'Quantile binning', fact: 'unevenly distributed data', shape: 'X - Y bullet' },
  { file: '004', line: 138, term: 'Bayesian search / Optimization', fact: 'jobs run one after another', shape: 'X - Y bullet' },
  { file: '004', line: 159, term: 'False Positive', fact: 'Type 1 error', shape: 'X = Y bullet' },
  { file: '004', line: 61, term: 'missing data handling', fact: 'refer to imputation methods', shape: 'term: definition bullet' },
  { file: '004', line: 248, term: 'Custom Inference Container requirements?', fact: 'port 8080', shape: 'question heading + answer bullets' },
  { file: '004', line: 405, term: 'CNN QR', fact: 'only forecast model', shape: 'free paragraph X - Y' },
  { file: '004', line: 447, term: 'Shard', fact: '1 MB write, 2 MB read per second', shape: 'bare heading + feature list' },
];

export interface NegativeLine {
  file: SeedId;
  line: number;
  reasons: SkipReason[]; // the skip reasons that would be right for this line
  why: string;
}

export const NEGATIVE: NegativeLine[] = [
  { file: '000', line: 1, reasons: ['chrome'], why: 'Skip to content' },
  { file: '000', line: 10, reasons: ['chrome'], why: '610 lines (535 loc) · 18.8 KB' },
  { file: '000', line: 12, reasons: ['chrome'], why: 'aws_sertified_ml.md' },
  { file: '000', line: 14, reasons: ['chrome'], why: 'File metadata and controls' },
  { file: '000', line: 144, reasons: ['meta'], why: 'Briefly mentioned, covered by Frank Kane:' },
  { file: '000', line: 310, reasons: ['too-short'], why: '"too big changes -": nothing after the dash' },
  { file: '000', line: 325, reasons: ['too-short'], why: '"just heatmap"' },
  { file: '001', line: 2, reasons: ['image'], why: 'exam logo image' },
  { file: '001', line: 6, reasons: ['meta'], why: 'Following notes are taken when I enrolled…' },
  { file: '001', line: 10, reasons: ['toc'], why: 'TOC entry with emoji anchor' },
  { file: '001', line: 30, reasons: ['toc'], why: 'indented TOC entry' },
  { file: '001', line: 56, reasons: ['toc'], why: 'end of the VS Code TOC block' },
  { file: '001', line: 111, reasons: ['image'], why: 'Kinesis Structure image' },
  { file: '001', line: 133, reasons: ['image'], why: 'image glued under a list item' },
  { file: '001', line: 690, reasons: ['empty-heading'], why: 'Amazon Lex: empty section' },
  { file: '001', line: 692, reasons: ['empty-heading'], why: 'Amazon Personalize: empty section' },
  { file: '003', line: 3, reasons: ['meta'], why: 'CALVIN WRIGHT 2022-0227' },
  { file: '003', line: 231, reasons: ['math'], why: 'Accuracy= (formula label)' },
  { file: '003', line: 232, reasons: ['math'], why: '$$\\frac{TP+TN}{…}$$' },
  { file: '003', line: 233, reasons: ['math'], why: 'five inline formulas' },
  { file: '003', line: 499, reasons: ['meta'], why: 'High Level Services – Less Important?' },
  { file: '004', line: 5, reasons: ['meta'], why: 'Below are some of my prep material…' },
  { file: '004', line: 7, reasons: ['meta'], why: 'Contact Meena for questions…' },
  { file: '004', line: 11, reasons: ['meta'], why: 'There will be atleast 2 questions…' },
  { file: '004', line: 55, reasons: ['meta'], why: 'You can expect atleast 10 questions around this.' },
];
