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
function spellingVariants(a: string, b: string): boolean {
  const us = (s: string) => s.replace(/our/g, 'or').replace(/is(?=ation|ing|e)/g, 'iz');
  return a !== b && us(a) === us(b);
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

/**
 * Map each misspelt key to its consensus key. A key is folded into another only when it occurs
 * in a single file and the other occurs in more files, so two well-attested near-twins are kept
 * apart. `siblings` holds "a|b" pairs (sorted) of keys listed side by side somewhere: items of one
 * list are different things by construction.
 */
export function typoMergeMap(keys: readonly TypoMergeInput[], siblings: ReadonlySet<string> = new Set()): Map<string, string> {
  const sorted = [...keys].sort((x, y) => x.key.length - y.key.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const best = new Map<string, TypoMergeInput>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.key.length - a.key.length > 2) break;
      if (neverMerge(a.key, b.key) || siblings.has(a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`)) continue;
      const variants = spellingVariants(a.key, b.key);
      if (!variants && !closeEnough(a.key, b.key)) continue;
      const [minor, major] = a.files < b.files || (a.files === b.files && (a.facts < b.facts || (a.facts === b.facts && a.key > b.key))) ? [a, b] : [b, a];
      if (!variants && (minor.files !== 1 || major.files <= minor.files)) continue;
      const prev = best.get(minor.key);
      if (!prev || major.files > prev.files || (major.files === prev.files && major.facts > prev.facts)) best.set(minor.key, major);
    }
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
