// A big markdown notes file, generated deterministically for the import benchmark: the same
// bytes for the same size and seed on every machine. It reads like a long course summary:
// chapters and sections (#, ##, ###), "**Term**: definition" bullets with nested detail
// bullets, plain "Term: definition" lines, comparison tables, numbered steps and short prose.
// Terms are made-up product names built from syllables (so a large file has thousands of
// distinct terms, as a real one would), some defined again in later chapters, a few with a
// one-letter slip, so the typo merge, the alias classes and conflict groups have work to do.

const SYLLABLES = [
  'ka', 'lo', 'mi', 'tre', 'van', 'sor', 'qui', 'del', 'bra', 'nex', 'tor', 'pha', 'gen', 'lum', 'cor', 'zed',
  'fin', 'ost', 'ral', 'dyn', 'sig', 'mat', 'pol', 'ver', 'tan', 'cho', 'ser', 'wix', 'ul', 'ber', 'ni', 'sa',
  'gro', 'ty', 'mer', 'al', 'tik', 'vo', 'ren', 'da', 'ex', 'pri', 'sta', 'lin', 'ko', 'fu', 'ha', 'ze',
];
const PREFIXES = ['Amazon', 'AWS', 'Cloud', 'Data', 'Deep', 'Auto', 'Stream', 'Neural', 'Open', 'Elastic'];
const SUFFIXES = ['Engine', 'Store', 'Studio', 'Pipeline', 'Index', 'Gateway', 'Tuner', 'Monitor', 'Cache', 'Lake'];
const WORDS = (
  'data model training inference endpoint batch stream record shard partition cluster node instance storage ' +
  'bucket object table column row schema query index cache latency throughput capacity replica region zone ' +
  'feature label target metric loss gradient weight layer network vector embedding token sentence document ' +
  'image frame audio signal event queue topic message consumer producer service managed serverless scalable ' +
  'durable secure encrypted private public access policy role user group account budget cost price tier ' +
  'retention backup snapshot archive restore version deploy monitor alert log trace dashboard report chart ' +
  'algorithm classifier regression cluster forecast anomaly outlier sample split fold validation test ' +
  'accuracy precision recall threshold bias variance overfit underfit regularize normalize scale encode ' +
  'transform filter join aggregate window sliding tumbling session watermark checkpoint offset commit'
).split(' ');
const LINKS = ['uses', 'stores', 'sends', 'reads', 'builds', 'scales', 'tracks', 'joins', 'splits', 'checks', 'keeps', 'moves'];
const UNITS = ['seconds', 'minutes', 'hours', 'days', 'GB', 'MB', 'shards', 'nodes', 'requests per second'];

/** A small seeded generator (xorshift on 32 bits): the same sequence for the same seed. */
function random(seed: number): () => number {
  let s = (seed >>> 0) || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export function bigNotes(bytes: number, seed = 7): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  const word = () => cap(Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join(''));
  const defined: string[] = [];

  const newTerm = (): string => {
    const shape = rnd();
    const name = shape < 0.25 ? `${pick(PREFIXES)} ${word()}` : shape < 0.45 ? `${word()} ${pick(SUFFIXES)}` : shape < 0.55 ? `${word()} ${word()}` : word();
    defined.push(name);
    return name;
  };
  // One letter dropped or two swapped: the slips real notes have ("ElatiCache").
  const slip = (t: string): string => {
    const i = int(2, Math.max(2, t.length - 3));
    return rnd() < 0.5 ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
  };
  // Mostly new terms; some defined again later (notes repeat themselves), a few misspelt.
  const term = (): string => {
    const r = rnd();
    if (defined.length > 50 && r < 0.12) return pick(defined);
    if (defined.length > 50 && r < 0.14) return slip(pick(defined));
    return newTerm();
  };
  const sentence = (min = 6, max = 16): string => {
    const n = int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(i === 2 && rnd() < 0.5 ? pick(LINKS) : pick(WORDS));
    if (rnd() < 0.25) out.push(`within ${int(1, 500)} ${pick(UNITS)}`);
    return cap(out.join(' '));
  };

  const out: string[] = [];
  let size = 0;
  const emit = (line = '') => {
    out.push(line);
    size += line.length + 1;
  };
  emit('# Course notes');
  emit('');
  emit(sentence(10, 20) + '.');
  emit('');
  for (let chapter = 1; size < bytes; chapter++) {
    emit(`# ${chapter}. ${word()} ${pick(SUFFIXES)} fundamentals`);
    emit('');
    const sections = int(3, 6);
    for (let s = 0; s < sections && size < bytes; s++) {
      emit(`## ${newTerm()}`);
      emit('');
      emit(sentence(12, 24) + '.');
      emit('');
      const kind = rnd();
      if (kind < 0.45) {
        for (let i = int(4, 9); i > 0; i--) {
          emit(`- **${term()}**: ${sentence()}.`);
          if (rnd() < 0.4) for (let k = int(1, 3); k > 0; k--) emit(`  - ${sentence(4, 10)}`);
        }
      } else if (kind < 0.65) {
        const cols = ['Use case', 'Limit', 'Pricing'].slice(0, int(2, 3));
        emit(`| Service | ${cols.join(' | ')} |`);
        emit(`|---|${cols.map(() => '---').join('|')}|`);
        for (let i = int(3, 7); i > 0; i--) emit(`| ${term()} | ${cols.map(() => sentence(3, 8)).join(' | ')} |`);
      } else if (kind < 0.85) {
        for (let i = int(4, 8); i > 0; i--) {
          emit(`${term()}: ${sentence()}`);
          emit('');
        }
      } else {
        emit(`### ${word()} steps`);
        emit('');
        for (let i = 1; i <= int(3, 6); i++) emit(`${i}. ${sentence(5, 12)}`);
      }
      emit('');
    }
  }
  return out.join('\n');
}

// `npx tsx bench/big-notes.ts 1500000 > big.md` writes one to look at.
if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(bigNotes(Number(process.argv[2] ?? 1_500_000)));
