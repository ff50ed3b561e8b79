// Distractor choice (doc §2.1): widening pools (same list -> same heading -> same category ->
// sibling-graph neighbours -> whole bank), a structural score, hard filters supplied by each
// kind, and a greedy diverse pick (MMR) so two options are never near-copies.
import { nameTrigrams, type BankIndex, type Entity } from './bank-index.js';
import type { Rng } from './seeded.js';
import { intersects, jaccard, normaliseOption, trigramDice, words } from './text.js';
import type { BankFact } from './types.js';

export type Tier = 'list' | 'topic' | 'category' | 'graph' | 'bank';
export const TIERS: readonly Tier[] = ['list', 'topic', 'category', 'graph', 'bank'];

export interface Relation {
  tier: Tier;
  sameList: boolean;
  sameHome: boolean;
  /** Under one small heading of the notes (a unit of a card set, a short section). */
  sameSection: boolean;
  sameCategory: boolean;
  graph: number;
}

/** A heading with at most this many things under it is a section whose things belong together. */
const SECTION_MAX = 12;

/** How two entities relate in the notes. `tier` is the nearest pool that holds b for key a. */
export function relation(ix: BankIndex, a: Entity, b: Entity, known?: Tier): Relation {
  const sameList = intersects(a.groups, b.groups);
  const sameHome = intersects(a.homes, b.homes);
  const sameSection = sameHome && [...a.homes].some((h) => b.homes.has(h) && !ix.setHomes.has(h) && (ix.homeMembers.get(h)?.length ?? 0) <= SECTION_MAX);
  const sameCategory = intersects(a.categories, b.categories);
  const graph = ix.graph.get(a.key)?.get(b.key) ?? 0;
  let tier: Tier = known ?? (sameList ? 'list' : sameHome ? 'topic' : sameCategory ? 'category' : 'bank');
  if (!known && tier === 'bank' && twoHop(ix, a.key).has(b.key)) tier = 'graph';
  return { tier, sameList, sameHome, sameSection, sameCategory, graph };
}

const hopCache = new WeakMap<BankIndex, Map<string, Set<string>>>();
function twoHop(ix: BankIndex, key: string): Set<string> {
  let cache = hopCache.get(ix);
  if (!cache) hopCache.set(ix, (cache = new Map()));
  let out = cache.get(key);
  if (!out) {
    out = new Set<string>();
    for (const n of ix.graph.get(key)?.keys() ?? []) for (const m of ix.graph.get(n)?.keys() ?? []) if (m !== key) out.add(m);
    cache.set(key, out);
  }
  return out;
}

export interface Pool {
  tier: Tier;
  keys: string[];
  /** structuralScore of each key against the pool's owner, same order as `keys` (computed on
   * first use: most walks stop in the first pool or two). */
  scores: () => number[];
}

interface Pools {
  near: Pool[];
  /** The whole-bank pool is costly to rank and rarely needed: built on first use. */
  bank: () => Pool;
}

const poolCache = new WeakMap<BankIndex, Map<string, Pools>>();

function poolsOf(ix: BankIndex, key: Entity): Pools {
  let cache = poolCache.get(ix);
  if (!cache) poolCache.set(ix, (cache = new Map()));
  let out = cache.get(key.key);
  if (!out) cache.set(key.key, (out = buildPools(ix, key)));
  return out;
}

/** Entity keys of each widening pool, nearest first; each key appears in one tier only. The
 * whole-bank pool holds only the names that look most like the key's (see BANK_TRIES). */
export function* pools(ix: BankIndex, key: Entity): Generator<Pool> {
  const p = poolsOf(ix, key);
  yield* p.near;
  yield p.bank();
}

function buildPools(ix: BankIndex, key: Entity): Pools {
  const seen = new Set<string>([key.key]);
  const take = (keys: Iterable<string>) => {
    const out: string[] = [];
    for (const k of keys) if (!seen.has(k)) (seen.add(k), out.push(k));
    return out.sort();
  };
  const from = (m: Map<string, string[]>, ids: Iterable<string>) => [...ids].flatMap((id) => m.get(id) ?? []);
  const pool = (tier: Tier, keys: string[]): Pool => {
    let scores: number[] | null = null;
    return { tier, keys, scores: () => (scores ??= keys.map((k) => structuralScore(relation(ix, key, ix.entities.get(k)!, tier)))) };
  };
  const near: Pool[] = [
    pool('list', take(from(ix.groupMembers, key.groups))),
    // The key's own headings before the whole card set it belongs to.
    pool('topic', take(from(ix.homeMembers, [...key.homes].filter((h) => !ix.setHomes.has(h))))),
    pool('topic', take(from(ix.homeMembers, key.homes))),
    pool('category', take(from(ix.categoryMembers, key.categories))),
    pool('graph', take(twoHop(ix, key.key))),
  ];
  let bank: Pool | null = null;
  return { near, bank: () => (bank ??= pool('bank', nearestNames(ix, key, (k) => !seen.has(k)))) };
}

function shape(s: string): string {
  if (/^[A-Z0-9+&-]{2,8}s?$/.test(s)) return 'acronym';
  if (/[a-z][A-Z]/.test(s)) return 'camel';
  if (/\d/.test(s)) return 'digits';
  return s.split(/\s+/).length > 1 ? 'phrase' : 'word';
}

const formCache = new Map<string, Map<string, number>>();
let formEntries = 0;
/** Looking alike: similar word count, same shape, shared letter trigrams. */
export function formSim(a: string, b: string): number {
  let row = formCache.get(a);
  if (!row) {
    if (formEntries > 200_000) (formCache.clear(), (formEntries = 0));
    formCache.set(a, (row = new Map()));
  }
  let v = row.get(b);
  if (v === undefined) {
    row.set(b, (v = computeFormSim(a, b)));
    formEntries++;
  }
  return v;
}

function computeFormSim(a: string, b: string): number {
  const wa = Math.max(1, words(a).length);
  const wb = Math.max(1, words(b).length);
  return (Math.min(wa, wb) / Math.max(wa, wb) + (shape(a) === shape(b) ? 1 : 0) + trigramDice(a, b)) / 3;
}

/** The §2.1 structural score, without the content term (each kind adds its own). */
export function structuralScore(rel: Relation): number {
  return 3 * +rel.sameList + 2 * +rel.sameHome + +rel.sameSection + 2 * +rel.sameCategory + 1.5 * Math.min(1, rel.graph / 3);
}

export interface Option {
  text: string;
  fact: BankFact;
  /** The line that shows the option text (table headers and headings can sit above the fact). */
  line: number;
  entityKey: string;
  tier: Tier;
  score: number;
}

/** Do two entities' notes share at least one distinctive word? Options from the unrelated rest
 * of the bank must, or a cell-biology question ends up offering the Great Depression. */
export function sharesSubject(ix: BankIndex, a: Entity, b: Entity): boolean {
  const [small, big] = a.allStems.size <= b.allStems.size ? [a.allStems, b.allStems] : [b.allStems, a.allStems];
  for (const x of small) if (big.has(x) && ix.distinctive(x)) return true;
  return false;
}

/** How much two entities' notes are about the same things: distinctive words in common
 * (capped). A plausible option speaks of the key's subject matter without repeating it. */
const relCache = new WeakMap<BankIndex, Map<string, number>>();
export function relatedness(ix: BankIndex, a: Entity, b: Entity): number {
  let cache = relCache.get(ix);
  if (!cache) relCache.set(ix, (cache = new Map()));
  const id = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
  let v = cache.get(id);
  if (v === undefined) {
    v = 0;
    const [small, big] = a.allStems.size <= b.allStems.size ? [a.allStems, b.allStems] : [b.allStems, a.allStems];
    for (const x of small) if (big.has(x) && ix.distinctive(x) && !a.nameStems.has(x) && !b.nameStems.has(x)) v++;
    cache.set(id, (v = Math.min(v, 4)));
  }
  return v;
}

/** Is some note about b in a file of the same subject as some note about a? */
export function sameSubjectEntities(ix: BankIndex, a: Entity, b: Entity): boolean {
  const fa = new Set(a.facts.map((f) => f.file));
  return b.facts.some((f) => [...fa].some((x) => ix.sameSubject(x, f.file)));
}

/** Any pair of facts of two entities overlapping >= 0.5 (Jaccard): one could pass for the other. */
export function entitiesOverlap(ix: BankIndex, a: Entity, b: Entity): boolean {
  const cache = ix.overlap;
  const id = a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`;
  let v = cache.get(id);
  if (v === undefined) {
    // Two facts can only reach 0.5 if they share a word: compare just the pairs that do.
    v = false;
    const bIndex = new Map<string, number[]>();
    b.stems.forEach((s, i) => {
      for (const w of s) {
        const list = bIndex.get(w);
        if (list) list.push(i);
        else bIndex.set(w, [i]);
      }
    });
    for (const sa of a.stems) {
      const tried = new Set<number>();
      for (const w of sa) for (const i of bIndex.get(w) ?? []) if (!tried.has(i) && (tried.add(i), jaccard(sa, b.stems[i]) >= 0.5)) v = true;
      if (v) break;
    }
    cache.set(id, v);
  }
  return v;
}


/**
 * Greedy diverse pick: best score first, each next option penalised by its likeness to the
 * distractors already chosen. Hard rules: distinct after normalisation, trigram Dice < 0.8,
 * one option per entity, option lengths within a factor of 3. Seeded jitter breaks ties.
 */
export function pickOptions(keyText: string, keyEntity: string, cands: readonly Option[], n: number, rng: Rng): Option[] | null {
  // Only the best few take part in the diverse pick: the tail of a whole-bank pool never wins.
  const pool = cands.map((c) => ({ c, s: c.score + rng.unit() * 0.3, norm: '' }));
  pool.sort((x, y) => y.s - x.s || (x.c.fact.id < y.c.fact.id ? -1 : 1));
  pool.length = Math.min(pool.length, 24);
  for (const p of pool) p.norm = normaliseOption(p.c.text);
  // Greedy from the best start; when a greedy run paints itself into a corner (the first pick's
  // length rules out every other option), restart with the next-best candidate forced first.
  for (let first = 0; first < Math.min(pool.length, 4); first++) {
    const chosen: Option[] = [];
    const texts = [keyText];
    const norms = new Set([normaliseOption(keyText)]);
    const entities = new Set([keyEntity]);
    let shortest = keyText.length;
    let longest = keyText.length;
    // Penalty of a candidate (its likeness to the distractors chosen so far), or null when a
    // hard rule rules it out.
    const fits = (c: Option, norm: string): number | null => {
      if (entities.has(c.entityKey) || norms.has(norm)) return null;
      const len = c.text.length;
      if (Math.max(longest, len) > 3 * Math.min(shortest, len)) return null;
      // Looking like the key is what makes a distractor plausible; looking like another
      // distractor only wastes an option. So the key takes part in the hard limit alone.
      let penalty = 0;
      for (let i = 0; i < texts.length; i++) {
        const d = trigramDice(texts[i], c.text);
        if (d >= 0.8) return null;
        if (i > 0 && d > penalty) penalty = d;
      }
      return penalty;
    };
    const take = (c: Option, norm: string) => {
      chosen.push(c);
      texts.push(c.text);
      norms.add(norm);
      entities.add(c.entityKey);
      shortest = Math.min(shortest, c.text.length);
      longest = Math.max(longest, c.text.length);
    };
    if (fits(pool[first].c, pool[first].norm) === null) continue;
    take(pool[first].c, pool[first].norm);
    while (chosen.length < n) {
      let best: { c: Option; v: number; norm: string } | null = null;
      for (const { c, s, norm } of pool) {
        const penalty = fits(c, norm);
        if (penalty === null) continue;
        const v = s - 1.5 * penalty;
        if (!best || v > best.v) best = { c, v, norm };
      }
      if (!best) break;
      take(best.c, best.norm);
    }
    if (chosen.length === n) return chosen;
  }
  return null;
}

// The whole bank is a last resort: only the names that look most like the key's are tried (form
// similarity is the one signal left there), which also bounds the work.
const BANK_TRIES = 40;

// Shared-trigram counts through the inverted index: only names with something in common are
// scored, instead of every name in the bank.
function nearestNames(ix: BankIndex, key: Entity, allowed: (k: string) => boolean): string[] {
  const grams = nameTrigrams(key.name);
  const shared = new Map<string, number>();
  for (const g of grams) for (const k of ix.nameGrams.get(g) ?? []) if (allowed(k)) shared.set(k, (shared.get(k) ?? 0) + 1);
  const scored = [...shared].map(([k, n]) => ({ k, v: (2 * n) / (grams.size + (ix.nameGramCount.get(k) ?? 1)) }));
  scored.sort((a, b) => b.v - a.v || (a.k < b.k ? -1 : 1));
  return scored.slice(0, BANK_TRIES).map((x) => x.k);
}

export interface WalkOptions {
  /** Extra cheap score used to order a pool before the costly filters run. */
  preScore?: (e: Entity) => number;
  /** Widest pool to use (true/false swaps stop at the category pool). */
  lastTier?: Tier;
  /** Most options allowed from the loose pools (sibling graph and whole bank): statements from
   * far away in the notes make the key the only option on its subject. */
  maxFar?: number;
}

/**
 * Walk the pools nearest first, turning entities into options with `make` (which applies the
 * kind's hard filters). Inside a pool, entities are tried best structural score first and the
 * walk pauses once enough options exist for a diverse pick: the filters are the costly part, and
 * a far-down candidate would lose the pick anyway. Stops at the first successful pick.
 */
export function chooseDistractors(
  ix: BankIndex,
  key: Entity,
  keyText: string,
  n: number,
  rng: Rng,
  make: (e: Entity, rel: Relation) => Option | null,
  walk: WalkOptions = {},
): Option[] | null {
  const cands: Option[] = [];
  const enough = n + 7;
  const last = TIERS.indexOf(walk.lastTier ?? 'bank');
  for (const { tier, keys, scores } of pools(ix, key)) {
    if (TIERS.indexOf(tier) > last) return null;
    // At most one distractor may come from the unrelated rest of the bank (M6 topicality).
    if (tier === 'bank' && cands.length < n - 1) return null;
    const base = scores();
    const v = keys.map((k, i) => base[i] + (walk.preScore?.(ix.entities.get(k)!) ?? 0) + rng.unit() * 0.5);
    const order = keys.map((_, i) => i).sort((a, b) => v[b] - v[a] || (keys[a] < keys[b] ? -1 : 1));
    let at = 0;
    while (at < order.length) {
      const target = cands.length + enough;
      while (at < order.length && cands.length < target) {
        const e = ix.entities.get(keys[order[at++]])!;
        const opt = make(e, relation(ix, key, e, tier));
        if (opt) cands.push(opt);
      }
      if (cands.length >= n) {
        const pick = pickOptions(keyText, key.key, cands, n, rng.fork());
        const far = pick?.filter((o) => o.tier === 'bank' || o.tier === 'graph').length ?? 0;
        if (pick && pick.filter((o) => o.tier === 'bank').length <= 1 && far <= (walk.maxFar ?? n)) return pick;
      }
    }
  }
  return null;
}
