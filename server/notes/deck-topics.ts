// The deck's topic tree, across files. Each file's own headings give its facts a path; a deck
// of several authors' notes needs one tree whose top level reads as the subject's areas
// ("Data Engineering", "Cell cycle"), not as file titles or as a hundred flat headings.
//  1. Areas: the top-level topics of files that are organised in a handful of sections.
//  2. Areas with the same name (case, spacing, brand words aside) or nearly the same terms are
//     one area ("High-level ML services" and "Sage Maker High Level Services").
//  3. Top-level topics of the other files (flat headings, flashcard decks) move under the area
//     whose notes name the same terms; what matches nothing stays at the top.
// Pure and deterministic: the same facts give the same paths.

export interface TopicFact {
  file: string;
  /** The file's own path for the fact, outermost first (titles already removed). */
  topic: readonly string[];
  /** Canonical key of the fact's term, and the term as written. */
  termKey: string;
  term: string;
  /** The fact's text: a flashcard with an unknown term still finds its area by what it says. */
  fact?: string;
  /** First source line: facts of one line (a card listing three scalers) belong together. */
  line?: number;
}

const BRAND = /\b(?:amazon|aws|sage ?maker|sm|the|and|&)\b/g;
const AREA_MIN = 2;
const AREA_MAX = 15;

// A deck's few thousand topic and term names come up once per fact: both functions below are
// pure, so their results are kept (bounded; callers must not change a returned set).
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= 50_000) cache.clear();
      cache.set(s, (out = fn(s)));
    }
    return out;
  };
}

/** Topic identity: case, spacing, punctuation, numbering and vendor words aside. */
export const topicKey: (name: string) => string = memo((name) =>
  name
    .toLowerCase()
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(BRAND, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/s$/, ''),
);

function nameWords(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(BRAND, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1)
      .map((w) => w.replace(/s$/, '')),
  );
}

const words: (name: string) => ReadonlySet<string> = memo(nameWords);

/** Consecutive levels that name the same topic ("Sage Maker Features > SageMaker Features"). */
export function collapsePath(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of path) if (!out.length || topicKey(out[out.length - 1]) !== topicKey(t)) out.push(t);
  return out;
}

interface Area {
  name: string;
  keys: Set<string>; // topic keys of the names merged into it
  terms: Map<string, number>; // term keys of its facts, with counts
  files: Set<string>;
  vocab: Set<string>; // words of its topic and term names
}

function jaccardKeys(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0;
  for (const k of a.keys()) if (b.has(k)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}

function sameName(a: string, b: string): boolean {
  if (topicKey(a) === topicKey(b)) return true;
  const wa = words(a);
  const wb = words(b);
  if (wa.size < 2 || wb.size < 2) return false;
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  // "High level services" is "Sage Maker High Level Services"; "Data Engineering" is not
  // "Data Preparation & Feature Engineering".
  return big.size - small.size <= 1 && [...small].every((w) => big.has(w));
}

/**
 * Whether two files of the deck are notes on one subject: they share a fifth or more of their
 * rarer words (words in at most 5% of the facts). Notes of one subject by different authors
 * share half or more; different courses well under a fifth.
 */
function subjects(facts: readonly TopicFact[], byFile: Map<string, number[]>): (a: string, b: string) => boolean {
  // Worked out on the first question about two different files (a one-file deck never asks).
  let vocab: Map<string, Set<string>> | null = null;
  const fileVocab = () => {
    const df = new Map<string, number>();
    const wordsOf = facts.map((f) => new Set([...words(f.term), ...nameWords(f.fact ?? '')]));
    for (const w of wordsOf) for (const x of w) df.set(x, (df.get(x) ?? 0) + 1);
    const limit = Math.max(5, facts.length * 0.05);
    const out = new Map<string, Set<string>>();
    for (const [file, idx] of byFile) {
      const v = new Set<string>();
      for (const i of idx) for (const x of wordsOf[i]) if ((df.get(x) ?? 0) <= limit && x.length > 2) v.add(x);
      out.set(file, v);
    }
    return out;
  };
  const cache = new Map<string, boolean>();
  return (a, b) => {
    if (a === b) return true;
    vocab ??= fileVocab();
    const id = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let out = cache.get(id);
    if (out === undefined) {
      const A = vocab.get(a) ?? new Set<string>();
      const B = vocab.get(b) ?? new Set<string>();
      const [small, big] = A.size <= B.size ? [A, B] : [B, A];
      let shared = 0;
      for (const x of small) if (big.has(x)) shared++;
      cache.set(id, (out = shared / Math.max(1, small.size) >= 0.2));
    }
    return out;
  };
}

/** Deck path for every fact, index-aligned with `facts`. */
export function deckTopicPaths(facts: readonly TopicFact[]): string[][] {
  const paths = facts.map((f) => collapsePath(f.topic));
  const byFile = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const list = byFile.get(f.file);
    if (list) list.push(i);
    else byFile.set(f.file, [i]);
  });

  // 1. Files organised in a handful of top-level sections give the areas.
  const areas: Area[] = [];
  const structured = new Set<string>();
  for (const [file, idx] of [...byFile].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const tops = new Map<string, number>();
    for (const i of idx) if (paths[i][0]) tops.set(paths[i][0], (tops.get(paths[i][0]) ?? 0) + 1);
    const covered = [...tops.values()].reduce((n, c) => n + c, 0);
    if (tops.size < AREA_MIN || tops.size > AREA_MAX || covered < idx.length * 0.6) continue;
    structured.add(file);
    const byTop = new Map<string, number[]>();
    for (const i of idx) {
      const top = paths[i][0];
      if (!top) continue;
      const list = byTop.get(top);
      if (list) list.push(i);
      else byTop.set(top, [i]);
    }
    for (const name of tops.keys()) {
      const members = byTop.get(name) ?? [];
      const terms = new Map<string, number>();
      for (const i of members) terms.set(facts[i].termKey, (terms.get(facts[i].termKey) ?? 0) + 1);
      // 2. Merge with an area of the same name or nearly the same terms.
      const twin = areas.find((a) => [...a.keys].some((k) => k === topicKey(name)) || sameName(a.name, name) || jaccardKeys(a.terms, terms) >= 0.3);
      const vocab = new Set<string>();
      // Topic and term names, and short facts (the names a section lists: "Dropout", "L1").
      for (const i of members) {
        const short = facts[i].fact && facts[i].fact!.split(/\s+/).length <= 4 ? [facts[i].fact!] : [];
        for (const x of [...paths[i], facts[i].term, ...short]) for (const w of words(x)) vocab.add(w);
      }
      if (twin) {
        twin.keys.add(topicKey(name));
        twin.files.add(file);
        for (const [k, n] of terms) twin.terms.set(k, (twin.terms.get(k) ?? 0) + n);
        for (const w of vocab) twin.vocab.add(w);
      } else areas.push({ name, keys: new Set([topicKey(name)]), terms, files: new Set([file]), vocab });
    }
  }
  const areaOfKey = new Map<string, Area>();
  for (const a of areas) for (const k of a.keys) areaOfKey.set(k, a);

  // 3. Everything else goes under the area whose notes name the same terms, or failing that
  // use the same rare words in their topic and term names; only areas of files on the same
  // subject (a deck may hold several courses: LVM commands are no "OSI model").
  const areasWith = new Map<string, number>();
  for (const a of areas) for (const w of a.vocab) areasWith.set(w, (areasWith.get(w) ?? 0) + 1);
  const subject = subjects(facts, byFile);
  const bestArea = (file: string, termKeys: Iterable<string>, names: Iterable<string>, name?: string, minShared = 1): Area | null => {
    const candidates = areas.filter((a) => [...a.files].some((f) => subject(f, file)));
    if (name) {
      const named = candidates.find((a) => a.keys.has(topicKey(name)) || sameName(a.name, name));
      if (named) return named;
    }
    const vocab = new Set<string>();
    for (const n of names) for (const w of words(n)) vocab.add(w);
    let best: Area | null = null;
    let bestScore = 0;
    for (const a of candidates) {
      let score = 0;
      let named = false;
      let shared = 0;
      for (const k of termKeys) if (a.terms.has(k)) (named = true), (score += 3 * Math.min(3, a.terms.get(k)!));
      for (const w of vocab) {
        const idf = Math.log((areas.length + 1) / (areasWith.get(w) ?? 1));
        if (a.vocab.has(w) && idf > 0.5) (shared++, (score += idf));
      }
      // One common word ("cell") is no reason to file a card under "Cell theory".
      if (!named && shared < minShared) continue;
      if (score > bestScore + 1e-9) [best, bestScore] = [a, score];
    }
    return bestScore >= 1 ? best : null;
  };

  for (const [file, idx] of byFile) {
    if (structured.has(file)) {
      for (const i of idx) {
        const a = paths[i][0] ? areaOfKey.get(topicKey(paths[i][0])) : undefined;
        if (a && a.name !== paths[i][0]) paths[i] = [a.name, ...paths[i].slice(1)];
      }
      continue;
    }
    const tops = new Map<string, number[]>();
    for (const i of idx) {
      const top = paths[i][0] ?? '';
      const list = tops.get(top);
      if (list) list.push(i);
      else tops.set(top, [i]);
    }
    // A flat file (one topic for everything, or none): each fact finds its own area.
    const flat = tops.size <= 1;
    for (const [top, members] of tops) {
      if (flat) {
        // A card no area claims stays with the facts of its own line ("Standard Scaler: ...
        // Normalizer: ..."); neighbouring cards of a flat deck need not be related at all.
        let previous: { area: Area; line: number | undefined } | null = null;
        for (const i of members) {
          const a: Area | null =
            bestArea(file, [facts[i].termKey], [facts[i].term], undefined, 2) ??
            bestArea(file, [], [facts[i].term, facts[i].fact ?? ''], undefined, 3) ??
            (previous && facts[i].line !== undefined && previous.line === facts[i].line ? previous.area : null);
          if (a) [paths[i], previous] = [[a.name], { area: a, line: facts[i].line }];
        }
        continue;
      }
      const a = bestArea(file, new Set([topicKey(top), ...members.map((i) => facts[i].termKey)]), [top, ...members.map((i) => facts[i].term)], top);
      if (!a) continue;
      for (const i of members) paths[i] = topicKey(top) === topicKey(a.name) ? [a.name, ...paths[i].slice(1)] : [a.name, ...paths[i]];
    }
  }
  return paths.map(collapsePath);
}
