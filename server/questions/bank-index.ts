// Everything the generator looks up, built once per bank (see indexOf): entities (alias classes
// of term keys) with their facts, the sibling structure of the notes (lists, headings,
// categories, the bank-wide sibling graph), document frequencies and tables.
import { namesItsTerm } from './bank.js';
import { displayNames, isAcronym, termKey, termWords } from './canonical.js';
import { hasMarkup, isStop, stem, stemSet, BRAND_WORDS } from './text.js';
import type { Bank, BankFact } from './types.js';

export interface Entity {
  key: string;
  termKeys: Set<string>;
  name: string;
  facts: BankFact[];
  stems: Set<string>[];
  /** Union of `stems`: a cheap first look at how much two entities' notes share. */
  allStems: Set<string>;
  /** Stems of the entity's own name words: what must not show up in a prompt that asks for it. */
  nameStems: Set<string>;
  acronyms: string[];
  named: boolean;
  /** Looks like a name, even without evidence (used for the second, sibling-based pass). */
  nameable: boolean;
  groups: Set<string>;
  homes: Set<string>;
  categories: Set<string>;
  /** Lower-case attributes of the entity's facts ('' for none): a cheap pre-filter for siblings. */
  attrs: Set<string>;
}

export interface Table {
  id: string;
  file: string;
  topic: string[];
  /** attribute (lower case) -> row term key -> cells of that row in that column */
  columns: Map<string, { attr: string; rows: Map<string, BankFact[]> }>;
}

export interface BankIndex {
  bank: Bank;
  entities: Map<string, Entity>;
  entityOfKey: Map<string, string>;
  factById: Map<string, BankFact>;
  groupMembers: Map<string, string[]>;
  homeMembers: Map<string, string[]>;
  /** Homes that are a whole flashcard set (an oversized list), not a heading of the notes. */
  setHomes: Set<string>;
  categoryMembers: Map<string, string[]>;
  graph: Map<string, Map<string, number>>;
  namedKeys: string[];
  df: Map<string, number>;
  factCount: number;
  tables: Map<string, Table>;
  stemsOf(f: BankFact): Set<string>;
  distinctive(stemmed: string): boolean;
  /** Memo of entity pairs whose facts overlap (the "could also be true" filter). */
  overlap: Map<string, boolean>;
  /** Named entities by the letter trigrams of their names, for the whole-bank pool. */
  nameGrams: Map<string, string[]>;
  nameGramCount: Map<string, number>;
  /** Do two files of the deck cover one subject (enough distinctive words in common)? A deck
   * may hold several courses; options never cross from one to another. */
  sameSubject(fileA: string, fileB: string): boolean;
}

const MEMBER = /\/member$/;
const GENERIC_NAMES = new Set(
  'overview use case caes security solution recommendation training deployment inference other others example examples model models service services best practice practices definition summary note notes type types data introduction feature features hyperparameter hyperparameters input output metric metrics tip tips option options approach approaches technique techniques method methods step steps requirement requirements limitation limitations pro pros con cons advantage advantages basic basics general misc important key point points algorithm algorithms resource resources consideration considerations'.split(' '),
);
// Lists bigger than this (a whole flashcard set) say little about which items are alike.
const MAX_LIST = 25;

function looksNamed(name: string): boolean {
  const t = name.trim();
  if (!t || t.length > 50 || /[?:]$/.test(t) || hasMarkup(t)) return false;
  if (/^(?:how|what|when|why|which|can|does|is|are|do|should)\b/i.test(t)) return false;
  const w = t.split(/\s+/);
  if (w.length > 6) return false;
  const key = termWords(t).filter((x) => !isStop(x));
  if (!key.length || key.every((x) => GENERIC_NAMES.has(x))) return false;
  return true;
}

function brandish(name: string): boolean {
  return name.split(/[\s/]+/).some((w) => /[a-z][A-Z]/.test(w) || /\d/.test(w) || isAcronym(w));
}

// Initials of a multi-word name ("Random Cut Forest" -> RCF). Two letters are too common to
// mean anything, and an acronym has no initials of its own.
function initials(name: string): string | null {
  if (isAcronym(name)) return null;
  const w = termWords(name).filter((x) => !isStop(x) && !/\d/.test(x));
  return w.length >= 3 && w.length <= 6 ? w.map((x) => x[0]).join('').toUpperCase() : null;
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

// A bank is treated as immutable once built (the database layer stores it as one value), so its
// index is built once and shared by every game on the deck. The cache entry is keyed by the fact
// array and checked against its length and the alias table, to notice a bank rebuilt in place.
const indexCache = new WeakMap<readonly BankFact[], { length: number; aliases: Bank['aliases']; ix: BankIndex }>();

export function indexOf(bank: Bank): BankIndex {
  const hit = indexCache.get(bank.facts);
  if (hit && hit.length === bank.facts.length && hit.aliases === bank.aliases) return hit.ix;
  const ix = buildIndex(bank);
  indexCache.set(bank.facts, { length: bank.facts.length, aliases: bank.aliases, ix });
  return ix;
}

export function buildIndex(bank: Bank): BankIndex {
  const aliases = bank.aliases ?? {};
  const entityOfKey = new Map<string, string>();
  const keyOf = (k: string) => entityOfKey.get(k) ?? [k, ...(aliases[k] ?? [])].sort()[0];
  const factById = new Map<string, BankFact>();
  const entities = new Map<string, Entity>();
  const stemCache = new Map<string, Set<string>>();
  const stemsOf = (f: BankFact) => {
    let s = stemCache.get(f.id);
    if (!s) stemCache.set(f.id, (s = stemSet(f.fact)));
    return s;
  };
  const surfaces = new Map<string, string[]>();
  const ensure = (ek: string): Entity => {
    let e = entities.get(ek);
    if (!e) {
      e = { key: ek, termKeys: new Set(), name: '', facts: [], stems: [], allStems: new Set(), nameStems: new Set(), acronyms: [], named: false, nameable: false, groups: new Set(), homes: new Set(), categories: new Set(), attrs: new Set() };
      entities.set(ek, e);
    }
    return e;
  };
  for (const f of bank.facts) {
    factById.set(f.id, f);
    const ek = keyOf(f.termKey);
    entityOfKey.set(f.termKey, ek);
    const e = ensure(ek);
    e.termKeys.add(f.termKey);
    e.attrs.add((f.attribute ?? '').toLowerCase());
    e.facts.push(f);
    e.stems.push(stemsOf(f));
    for (const w of stemsOf(f)) e.allStems.add(w);
    add(surfaces, ek, f.term);
  }
  const display = displayNames(bank.facts);
  const evidence = new Set<string>();
  const filesOf = new Map<string, Set<string>>();
  for (const f of bank.facts) {
    const ek = entityOfKey.get(f.termKey)!;
    if (!filesOf.has(ek)) filesOf.set(ek, new Set());
    filesOf.get(ek)!.add(f.file);
    if (namesItsTerm(f.rule)) evidence.add(ek);
    if (MEMBER.test(f.rule)) {
      const mk = entityOfKey.get(termKey(f.fact)) ?? keyOf(termKey(f.fact));
      if (entities.has(mk)) {
        evidence.add(mk);
        if (f.group) entities.get(mk)!.groups.add(`${f.file}#${f.group}`);
        entities.get(mk)!.homes.add(`${f.file}#${f.topic.join(' > ')}`);
      }
    }
  }
  for (const e of entities.values()) {
    // The name with the most facts among the class's keys, in its most frequent spelling.
    const counts = new Map<string, number>();
    for (const f of e.facts) counts.set(f.termKey, (counts.get(f.termKey) ?? 0) + 1);
    const mainKey = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    e.name = display.get(mainKey) ?? e.facts[0].term;
    const forms = surfaces.get(e.key)!;
    for (const form of forms) {
      // Words in parentheses count too: "MICE (Multiple Imputations ...)" leaks through "imputation".
      const all = [...termWords(form), ...[...form.matchAll(/\(([^()]+)\)/g)].flatMap((m) => termWords(m[1]))];
      // Vendor words do not identify a term, unless they are the whole of it ("SageMaker").
      const own = all.filter((w) => !isStop(w) && (w.length >= 3 || /\d/.test(w)));
      const kept = own.some((w) => !BRAND_WORDS.has(w)) ? own.filter((w) => !BRAND_WORDS.has(w)) : own;
      for (const w of kept) e.nameStems.add(stem(w));
      for (const m of form.matchAll(/\(([^()]+)\)/g)) if (isAcronym(m[1])) e.acronyms.push(m[1]);
      // "SSE-KMS" leaks through "Key Management Service": each part is an acronym of its own.
      if (isAcronym(form)) e.acronyms.push(form, ...form.split(/[-/]/).filter((p) => p.length >= 2 && isAcronym(p)));
      // "RDS / Aurora", "Lex, Polly": each part of a name list can be an acronym of its own.
      for (const part of form.split(/\s*[/,]\s*/)) if (part !== form && isAcronym(part)) e.acronyms.push(part);
      const ini = initials(form);
      if (ini && ini.length >= 2) e.acronyms.push(ini);
    }
    e.acronyms = [...new Set(e.acronyms)].sort();
    // A section heading ("Tuning Neural Networks") is where notes sit, not a thing they name.
    const typo = e.facts.every((f) => f.flags.includes('typoSuspect')) || e.facts.filter((f) => f.flags.includes('section')).length * 2 >= e.facts.length;
    e.named = !typo && looksNamed(e.name) && (evidence.has(e.key) || (filesOf.get(e.key)?.size ?? 0) >= 2 || brandish(e.name));
    e.nameable = !typo && looksNamed(e.name);
    for (const f of e.facts) {
      if (f.group && namesItsTerm(f.rule)) e.groups.add(`${f.file}#${/^table:/.test(f.group) ? f.group.split(':').slice(0, 2).join(':') : f.group}`);
      // The nearest heading that is not the entity itself is where it sits among its siblings.
      const own = f.topic.findIndex((t) => e.termKeys.has(termKey(t)));
      const path = own >= 0 ? f.topic.slice(0, own) : [...f.topic];
      if (path.length) e.homes.add(`${f.file}#${path.join(' > ')}`);
    }
  }
  // A heading-only term is still a name when it sits beside named things: under the same heading
  // (Bernoulli next to Binomial and Poisson) or in the same family ("* Distribution").
  const homeCount = new Map<string, number>();
  const wordCount = new Map<string, number>();
  const familyWords = (e: Entity) => {
    const w = e.name.toLowerCase().split(/[^\p{L}\p{N}+]+/u).filter(Boolean);
    return w.length < 2 ? [] : [`pre:${w[0]}`, `head:${stem(w[w.length - 1])}`];
  };
  for (const e of entities.values()) {
    if (!e.named) continue;
    for (const h of e.homes) homeCount.set(h, (homeCount.get(h) ?? 0) + 1);
    for (const c of familyWords(e)) wordCount.set(c, (wordCount.get(c) ?? 0) + 1);
  }
  for (const e of entities.values()) {
    if (e.named || !e.nameable) continue;
    const c = [...e.homes].some((h) => (homeCount.get(h) ?? 0) >= 2) || familyWords(e).some((w) => (wordCount.get(w) ?? 0) >= 2);
    if (c) e.named = true;
  }
  const namedKeys = [...entities.values()].filter((e) => e.named).map((e) => e.key).sort();

  const groupMembers = new Map<string, string[]>();
  const homeMembers = new Map<string, string[]>();
  const categoryMembers = new Map<string, string[]>();
  const firstWords = new Map<string, string[]>();
  const lastWords = new Map<string, string[]>();
  for (const k of namedKeys) {
    const e = entities.get(k)!;
    for (const g of e.groups) add(groupMembers, g, k);
    for (const h of e.homes) add(homeMembers, h, k);
    for (const form of surfaces.get(k)!) {
      const w = form.toLowerCase().split(/[^\p{L}\p{N}+]+/u).filter(Boolean);
      if (w.length < 2) continue;
      if (!isStop(w[0])) add(firstWords, `pre:${w[0]}`, k);
      const last = stem(w[w.length - 1]);
      if (!isStop(w[w.length - 1]) && !GENERIC_NAMES.has(w[w.length - 1])) add(lastWords, `head:${last}`, k);
    }
  }
  // A category needs three members: two things sharing a word is coincidence, three is a family.
  for (const m of [firstWords, lastWords]) {
    for (const [cat, keys] of m) {
      if (keys.length < 3) continue;
      categoryMembers.set(cat, keys);
      for (const k of keys) entities.get(k)!.categories.add(cat);
    }
  }
  // Flashcard sets and other huge lists count as a shared heading, not a shared list.
  const setHomes = new Set<string>();
  for (const [g, keys] of [...groupMembers]) {
    if (keys.length <= MAX_LIST) continue;
    groupMembers.delete(g);
    setHomes.add(g);
    for (const k of keys) {
      entities.get(k)!.groups.delete(g);
      entities.get(k)!.homes.add(g);
      add(homeMembers, g, k);
    }
  }
  const graph = new Map<string, Map<string, number>>();
  for (const members of [...groupMembers.values(), ...homeMembers.values()]) {
    if (members.length < 2 || members.length > 60) continue;
    for (const a of members) {
      if (!graph.has(a)) graph.set(a, new Map());
      const row = graph.get(a)!;
      for (const b of members) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }

  const df = new Map<string, number>();
  for (const f of bank.facts) for (const s of new Set([...stemsOf(f), ...stemSet(f.term)])) df.set(s, (df.get(s) ?? 0) + 1);
  const factCount = bank.facts.length;
  const dfLimit = Math.max(5, Math.round(factCount * 0.05));
  const distinctive = (s: string) => s.length >= 2 && !isStop(s) && !BRAND_WORDS.has(s) && (df.get(s) ?? 0) <= dfLimit;

  const tables = new Map<string, Table>();
  for (const f of bank.facts) {
    const m = f.group && /^S8\//.test(f.rule) ? /^(table:[^:]+):(.+)$/.exec(f.group) : null;
    if (!m || !f.attribute) continue;
    const id = `${f.file}#${m[1]}`;
    if (!tables.has(id)) tables.set(id, { id, file: f.file, topic: f.topic, columns: new Map() });
    const cols = tables.get(id)!.columns;
    const ck = f.attribute.toLowerCase();
    if (!cols.has(ck)) cols.set(ck, { attr: f.attribute, rows: new Map() });
    add(cols.get(ck)!.rows, f.termKey, f);
  }

  const nameGrams = new Map<string, string[]>();
  const nameGramCount = new Map<string, number>();
  for (const k of namedKeys) {
    const grams = nameTrigrams(entities.get(k)!.name);
    nameGramCount.set(k, grams.size);
    for (const g of grams) add(nameGrams, g, k);
  }

  const fileWords = new Map<string, Set<string>>();
  for (const f of bank.facts) {
    let w = fileWords.get(f.file);
    if (!w) fileWords.set(f.file, (w = new Set()));
    for (const s of stemsOf(f)) if (distinctive(s)) w.add(s);
  }
  const subjectCache = new Map<string, boolean>();
  const sameSubject = (a: string, b: string): boolean => {
    if (a === b) return true;
    const id = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let v = subjectCache.get(id);
    if (v === undefined) {
      const A = fileWords.get(a) ?? new Set<string>();
      const B = fileWords.get(b) ?? new Set<string>();
      let shared = 0;
      for (const x of A.size <= B.size ? A : B) if ((A.size <= B.size ? B : A).has(x)) shared++;
      // Notes of one subject by different authors share half their distinctive words or more;
      // different subjects share well under a fifth (measured on the sample and fixture decks).
      v = shared / Math.max(1, Math.min(A.size, B.size)) >= 0.2;
      subjectCache.set(id, v);
    }
    return v;
  };

  return { bank, entities, entityOfKey, factById, groupMembers, homeMembers, setHomes, categoryMembers, graph, namedKeys, df, factCount, tables, stemsOf, distinctive, overlap: new Map(), nameGrams, nameGramCount, sameSubject };
}

/** Distinct letter trigrams of a name (the same padding as trigramDice). */
export function nameTrigrams(name: string): Set<string> {
  const t = ` ${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}
