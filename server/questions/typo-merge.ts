// C3 fuzzy merge: a key seen in one file that is one or two edits away from a key with more
// support is the same term misspelt (ElatiCache -> ElastiCache, Object2Vect -> Object2Vec).
// The guards matter more than the matching: near-twins that are different things must survive.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

// Sound-alike spellings count as one edit at most: QuickSite / QuickSight differ by three
// letters but by one sound.
function fold(key: string): string {
  return key.replace(/ght/g, 't').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/(.)\1+/g, '$1');
}

/** British and American spellings of one word ("neighbour"/"neighbor") are not a typo. */
function americanSpelling(s: string): string {
  return s.replace(/our/g, 'or').replace(/is(?=ation|ing|e)/g, 'iz');
}

function spellingVariants(a: string, b: string): boolean {
  return a !== b && americanSpelling(a) === americanSpelling(b);
}

function allowed(len: number): number {
  return len >= 10 ? 2 : len >= 6 ? 1 : 0;
}

export interface TypoMergeInput {
  key: string;
  /** Number of files the key occurs in. */
  files: number;
  /** Number of facts with the key. */
  facts: number;
}

/** Keys that are never merged with each other, whatever their distance. */
export function neverMerge(a: string, b: string): boolean {
  const digits = (s: string) => (s.match(/\d+/g) ?? []).join(',');
  if (digits(a) !== digits(b)) return true; // L1/L2, P2/P3, SSE-S3/SSE-C
  const symbols = (s: string) => s.replace(/[\p{L}\p{N}]/gu, '');
  if (symbols(a) !== symbols(b)) return true; // DeepAR / DeepAR+
  return false;
}

function closeEnough(a: string, b: string): boolean {
  const limit = allowed(Math.min(a.length, b.length));
  if (!limit) return false;
  if (editDistance(a, b, limit) <= limit) return true;
  const fa = fold(a);
  const fb = fold(b);
  return fa !== a || fb !== b ? editDistance(fa, fb, limit) <= Math.min(1, limit) : false;
}

/** Which pairs the merge looks at: all pairs, or only those the candidate index proposes. */
type PairSource = (sorted: readonly TypoMergeInput[]) => Iterable<[number, number]>;

// Every pair within two characters of length, in the order the merge has always visited them
// (by position in `sorted`): the reference the candidate index must reproduce.
function* allPairs(sorted: readonly TypoMergeInput[]): Iterable<[number, number]> {
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[j].key.length - sorted[i].key.length > 2) break;
      yield [i, j];
    }
  }
}

/** Calls `visit` with `s` and every string left after deleting up to `depth` (0..2) of its
 *  characters; a string can come more than once (repeated letters). */
function deletions(s: string, depth: number, visit: (v: string) => void): void {
  visit(s);
  if (depth === 0) return;
  for (let i = 0; i < s.length; i++) {
    // Deleting the same letter of a run gives the same string: skip the repeats.
    if (i > 0 && s[i] === s[i - 1]) continue;
    const one = s.slice(0, i) + s.slice(i + 1);
    visit(one);
    // Deleting i then j (j >= i in the shorter string) covers every pair of positions.
    if (depth > 1) for (let j = i; j < one.length; j++) if (j === i || one[j] !== one[j - 1]) visit(one.slice(0, j) + one.slice(j + 1));
  }
}

// Above this length a key's two-deletion neighbourhood (about length² / 2 strings) costs more
// than it saves: keys longer than it are paired by shared three-letter pieces instead.
const LONG_KEY = 20;
// An edit changes at most four of a key's three-letter pieces (an adjacent swap: the pieces
// overlapping either letter), so keys two edits apart have all but eight of them in common.
const PIECES_TWO_EDITS_CHANGE = 8;

function pieces(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i++) out.add(key.slice(i, i + 3));
  return out;
}

/** What the index holds about the keys of one length and one side (see candidatePairs). */
interface SideIndex {
  /** Deletion neighbourhood (of the key, then of its fold) -> positions in `sorted`. */
  raw: Map<string, number[]>;
  folded: Map<string, number[]>;
  /** Long keys: three-letter piece -> positions. */
  pieces: Map<string, number[]>;
}

/** Both sides of one length, and each long key's number of distinct pieces. */
interface LengthIndex {
  sides: [SideIndex, SideIndex];
  pieceCount: Map<number, number>;
}

const sideIndex = (): SideIndex => ({ raw: new Map(), folded: new Map(), pieces: new Map() });

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/**
 * The pairs that can pass the merge's tests, without comparing every pair. Two keys within
 * k edits (insertions, deletions, substitutions, adjacent swaps) both become one same string
 * after at most k deletions each, so keys are indexed by their deletion neighbourhoods: as
 * deep as allowed() lets a pair with them be, and one deep for their sound-alike folds. Long
 * keys two edits apart are found by their shared three-letter pieces. British and American
 * spellings are paired by their common spelling. Only keys at most two characters apart in
 * length are ever compared, so the index holds three lengths at a time, which bounds its
 * memory. The pairs come back sorted like allPairs, so ties are decided as before.
 *
 * A merge folds a key of one file into a key of several (mergeMap), so apart from spelling
 * variants only a pair with one key of each side can merge: each key is looked up among the
 * other side's keys only, and a deck whose keys are all in one file (a first import) needs no
 * index at all.
 */
function* candidatePairs(sorted: readonly TypoMergeInput[]): Iterable<[number, number]> {
  const found = new Set<number>();
  const n = sorted.length;
  const add = (a: number, b: number) => {
    if (a !== b) found.add(a < b ? a * n + b : b * n + a);
  };

  const window = new Map<number, LengthIndex>();
  const shared = new Map<number, number>();
  const sideOf = (i: number) => (sorted[i].files > 1 ? 1 : 0);
  let from = sorted.some((k) => k.files > 1) && sorted.some((k) => k.files === 1) ? 0 : n;
  while (from < n) {
    const len = sorted[from].key.length;
    let to = from;
    while (to < n && sorted[to].key.length === len) to++;
    for (const l of window.keys()) if (l < len - 2) window.delete(l);
    // Below six characters nothing is close enough (allowed() is 0): only spelling variants.
    if (allowed(len) > 0) {
      const here: LengthIndex = { sides: [sideIndex(), sideIndex()], pieceCount: new Map() };
      window.set(len, here);
      const lengths = [...window.values()];
      // A pair is as close as its shorter key allows; a key at most two longer than LONG_KEY
      // can be the longer key of a pair whose shorter one is still indexed by neighbourhood.
      const depth = len < 10 || len > LONG_KEY + 2 ? 1 : 2;
      for (let i = from; i < to; i++) {
        const key = sorted[i].key;
        const side = sideOf(i);
        const mine = here.sides[side];
        const others = lengths.map((l) => l.sides[1 - side]);
        deletions(key, depth, (v) => {
          for (const index of others) for (const j of index.raw.get(v) ?? []) add(i, j);
          push(mine.raw, v, i);
        });
        deletions(fold(key), 1, (v) => {
          for (const index of others) for (const j of index.folded.get(v) ?? []) add(i, j);
          push(mine.folded, v, i);
        });
        if (len <= LONG_KEY) continue;
        const keyPieces = pieces(key);
        shared.clear();
        for (const p of keyPieces) for (const index of others) for (const j of index.pieces.get(p) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
        for (const [j, count] of shared) {
          const theirs = window.get(sorted[j].key.length)!.pieceCount.get(j)!;
          if (count >= Math.max(keyPieces.size, theirs) - PIECES_TWO_EDITS_CHANGE) add(i, j);
        }
        for (const p of keyPieces) push(mine.pieces, p, i);
        here.pieceCount.set(i, keyPieces.size);
      }
    }
    from = to;
  }

  // Spelling variants: keys with the same American spelling, or one key the other's.
  const us = new Map<string, number[]>();
  sorted.forEach((k, i) => {
    const form = americanSpelling(k.key);
    if (form !== k.key) push(us, form, i);
  });
  sorted.forEach((k, i) => {
    for (const j of us.get(k.key) ?? []) add(i, j);
  });
  for (const list of us.values()) for (const i of list) for (const j of list) add(i, j);

  for (const p of [...found].sort((a, b) => a - b)) {
    const i = Math.floor(p / n);
    const j = p % n;
    if (sorted[j].key.length - sorted[i].key.length <= 2) yield [i, j];
  }
}

function mergeMap(keys: readonly TypoMergeInput[], siblings: ReadonlySet<string>, pairs: PairSource): Map<string, string> {
  const sorted = [...keys].sort((x, y) => x.key.length - y.key.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const best = new Map<string, TypoMergeInput>();
  for (const [i, j] of pairs(sorted)) {
    const a = sorted[i];
    const b = sorted[j];
    if (neverMerge(a.key, b.key) || siblings.has(a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`)) continue;
    const variants = spellingVariants(a.key, b.key);
    if (!variants && !closeEnough(a.key, b.key)) continue;
    const [minor, major] = a.files < b.files || (a.files === b.files && (a.facts < b.facts || (a.facts === b.facts && a.key > b.key))) ? [a, b] : [b, a];
    if (!variants && (minor.files !== 1 || major.files <= minor.files)) continue;
    const prev = best.get(minor.key);
    if (!prev || major.files > prev.files || (major.files === prev.files && major.facts > prev.facts)) best.set(minor.key, major);
  }
  const out = new Map<string, string>();
  for (const [from, to] of best) {
    // Follow chains (a -> b -> c) so every key maps straight to its final form.
    let target = to.key;
    const seen = new Set([from]);
    while (best.has(target) && !seen.has(target)) {
      seen.add(target);
      target = best.get(target)!.key;
    }
    if (target !== from) out.set(from, target);
  }
  return out;
}

/**
 * Map each misspelt key to its consensus key. A key is folded into another only when it occurs
 * in a single file and the other occurs in more files, so two well-attested near-twins are kept
 * apart. `siblings` holds "a|b" pairs (sorted) of keys listed side by side somewhere: items of one
 * list are different things by construction.
 */
export function typoMergeMap(keys: readonly TypoMergeInput[], siblings: ReadonlySet<string> = new Set()): Map<string, string> {
  return mergeMap(keys, siblings, candidatePairs);
}

/** The same merge comparing every pair: quadratic, kept as the reference for tests and timing. */
export function typoMergeMapAllPairs(keys: readonly TypoMergeInput[], siblings: ReadonlySet<string> = new Set()): Map<string, string> {
  return mergeMap(keys, siblings, allPairs);
}
