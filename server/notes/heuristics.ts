// Small word-level judgements shared by the parsers: is this line a bare heading (S1), is
// this intro a name or a relation (S3), is a definition several glued together (F10)?
import { FUNCTION_WORDS, hasSeparator } from './split-term.js';

// Finite verbs that turn a short line into a statement ("EMR supports Apache MXNet"). Forms that
// double as plural nouns ("Data stores", "uses", "works", "runs") are left out on purpose.
const VERBS = new Set(
  'is are was were be been has have had can cannot could will would does do did supports maintains includes provides allows helps makes requires gives represents means creates tends offers contains consists become becomes should must may might lets enables'.split(
    ' ',
  ),
);

// Labels that name a relation or a generic bucket rather than a thing of their own.
export const GENERIC_LABELS = new Set(
  [
    'models',
    'model',
    'examples',
    'example',
    'e.g',
    'eg',
    'type',
    'types',
    'solutions',
    'services',
    'destinations',
    'input',
    'inputs',
    'input formats',
    'output',
    'outputs',
    'hyperparameters',
    'hyper parameters',
    'hyperparameter',
    'hyper parameter',
    'algorithms',
    'algorithm',
    'algorithm types',
    'algo types',
    'problem types',
    'use cases',
    'use caes',
    'use case',
    'best practices',
    'anti-patterns',
    'terms',
    'supports',
    'automates',
    'metrics',
    'metric',
    'features',
    'benefits',
    'options',
    'steps',
    'note',
    'notes',
    'parameters',
    'modes',
    'mode',
    'requirements',
    'data sources',
    'data source',
    'processing tools',
    'application',
    'applications',
    'data format',
    'data',
    'instances',
    'hardware',
    'tuning',
    'training',
    'inference',
    'security',
    'definition',
    'rules',
    'recipes',
    'concepts',
    'key concepts',
    'core concepts',
    'main concepts',
    'key points',
    'key takeaways',
    'takeaways',
    'purpose',
    'focus',
    'goal',
    'goals',
    'overview',
    'summary',
    'consumption options',
    'how it works',
    'how they work',
    'how to use',
    'when to use',
    'when to use it',
    'why use it',
    'pros',
    'cons',
    'pros and cons',
    'advantages',
    'disadvantages',
    'limitations',
    'limits',
    'characteristics',
    'properties',
    'components',
    'structure',
    'function',
    'functions',
    'role',
    'mechanism',
    'mechanism of action',
    'side effects',
    'adverse effects',
    'indications',
    'contraindications',
    'interactions',
    'dosage',
    'symptoms',
    'signs',
    'causes',
    'treatment',
    'diagnosis',
    'pricing',
    'cost',
    'costs',
    'usage',
    'syntax',
    'tips',
    'tip',
    'important',
    'remember',
    'details',
    'description',
    'aws handles',
    'you handle',
    'customer handles',
    'key features',
    'main features',
    'key benefits',
    'common use cases',
    'typical use cases',
    'other notes',
    'see also',
  ].map((s) => s.toLowerCase()),
);

const COLLECTION = /\b(?:approaches|types|options|techniques|methods|examples|steps|tips|strategies|considerations|recommendations|kinds|categories|ways)$/i;
const NUMBER_WORDS = /^(?:two|three|four|five|six|several|few|many|\d+)\b/i;
const RELATION_END = /\b(?:for|of|by|be|as|with|in|to|like|can|include|includes|consists|are|is|from|into|on|via|following|below|choose|supports|automates)$/i;

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function hasVerb(text: string): boolean {
  return words(text)
    .slice(1)
    .some((w) => VERBS.has(w.toLowerCase().replace(/[^a-z']/g, '')));
}

// The left side of "X: Y" names a thing ("Spark Streaming") rather than starting a clause
// ("Contains 2 machine learning algorithms", "Work for").
// Imperatives open advice, not names: "Convert audio files to text", "Summarize a long text corpus".
const IMPERATIVES = new Set(
  'add adjust apply assign attach avoid build call check choose collect combine connect contains convert create decrease define deploy design detect divide drop enable ensure find get identify improve increase keep load make manage move normalize prefer prevent provision put reduce remove run save scale select send set shuffle specify split start store summarize train transform try upload write'.split(
    ' ',
  ),
);

export function isTermLike(text: string): boolean {
  const w = words(text.replace(/\([^()]*\)/g, ' '));
  if (!w.length) return false;
  const first = w[0].toLowerCase();
  const last = w[w.length - 1].toLowerCase();
  if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(last) || VERBS.has(first) || first === 'work' || first === 'works') return false;
  if (IMPERATIVES.has(first) && w.length >= 3) return false;
  return !hasVerb(text);
}

export function isGenericLabel(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/[:\s]+$/, '').replace(/\s+/g, ' ');
  if (GENERIC_LABELS.has(t)) return true;
  // "3 steps", "two main APIs", "2 modes": a count of things is a relation, not a name.
  if (/^(?:\d+|two|three|four|five|several)\s+(?:\w+\s+)?\w+$/.test(t)) return true;
  // "Features & Benefits", "Pros / Cons": two labels joined.
  const parts = t.split(/\s*(?:&|\/|\band\b)\s*/).filter(Boolean);
  return parts.length === 2 && parts.every((x) => GENERIC_LABELS.has(x));
}

// S3: "Encryption:" and "VPC Endpoint Gateway:" name the thing their list describes;
// "Models:", "hyperparameters:", "Can be used for:" relate the items to an outer term.
export function isNamedIntro(intro: string): boolean {
  const t = intro.trim();
  const w = words(t);
  if (!w.length || w.length > 5) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  if (FUNCTION_WORDS.has(w[0].toLowerCase())) return false;
  if (NUMBER_WORDS.test(t) || RELATION_END.test(t) || isGenericLabel(t) || hasVerb(t)) return false;
  // "Transfer learning approaches:", "Model types:": a collection, not a thing.
  if (COLLECTION.test(t)) return false;
  return true;
}

// S1: a bare heading line. `relaxed` admits a single lowercase token ("tf-idf").
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/\?$/.test(t)) return words(t).length <= 14; // S1b question heading
  const w = words(t).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (w.length > 8 || t.length > 60) return false;
  if (/[.,;:!]$/.test(t)) return false;
  if (hasSeparator(t)) return false;
  const first = w[0];
  if (/^[\p{Ll}]/u.test(first) && !(w.length === 1 && /[-\d]/.test(first))) return false;
  if (FUNCTION_WORDS.has(first.toLowerCase()) || /^(?:based|used|using|just)$/i.test(first)) return false;
  if (hasVerb(t)) return false;
  if (/^[\d\W]+$/.test(t)) return false;
  return true;
}

// F10: a definition holding several "X - Y" pairs (flattened tables, lost line breaks).
export function isMergedChain(fact: string): boolean {
  const dashes = fact.match(/\s[-–]\s/g)?.length ?? 0;
  return dashes >= 2 || /\s[-–]$/.test(fact);
}

// F10: "long-short term memory GRU - Gated Recurrent Unit": a second ACRONYM - definition.
export function splitSecondAcronym(fact: string): { first: string; term: string; rest: string } | null {
  const m = /^(.*\S)\s+([A-Z][A-Z0-9]{1,7})\s+[-–]\s+(\S.*)$/.exec(fact);
  if (!m || /\s[-–]\s/.test(m[1])) return null;
  return { first: m[1], term: m[2], rest: m[3] };
}

// "SageMaker Models" under the heading "Sage Maker Models" is a caption, not a fact.
export function sameLabel(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return n(a) !== '' && n(a) === n(b);
}
