// What kind of thing an entity is, as the notes say it: the collection its section names
// ("Built-in algorithms", "High Level Services", "Evaluation metrics") or the noun its own
// definition opens with ("Managed Hadoop framework …", "Unsupervised algorithm that …").
// Options of "which term is described as …" must be things of the key's kind: an algorithm
// among services makes the answer obvious.
import type { BankIndex, Entity } from './bank-index.js';

// Collection and head nouns, mapped to one kind each.
const KIND_WORDS: Record<string, string> = {
  service: 'service', services: 'service', tool: 'service', tools: 'service', product: 'service', products: 'service',
  algorithm: 'algorithm', algorithms: 'algorithm', algos: 'algorithm', algo: 'algorithm', model: 'algorithm', models: 'algorithm',
  metric: 'metric', metrics: 'metric', score: 'metric', measure: 'metric',
  function: 'function', functions: 'function',
  distribution: 'distribution', distributions: 'distribution',
  optimizer: 'optimizer', optimizers: 'optimizer',
  technique: 'technique', techniques: 'technique', method: 'technique', methods: 'technique', approach: 'technique', approaches: 'technique',
  store: 'store', stores: 'store', database: 'store', databases: 'store', warehouse: 'store',
  format: 'format', formats: 'format', type: 'type', types: 'type',
  framework: 'service', engine: 'service', library: 'service', platform: 'service',
  architecture: 'architecture', architectures: 'architecture', network: 'architecture', networks: 'architecture',
  enzyme: 'enzyme', enzymes: 'enzyme', drug: 'drug', drugs: 'drug', hormone: 'hormone', hormones: 'hormone',
  organelle: 'organelle', organelles: 'organelle', protocol: 'protocol', protocols: 'protocol', command: 'command', commands: 'command',
  treaty: 'treaty', treaties: 'treaty', war: 'war', battle: 'battle',
};

function kindWord(text: string): string | null {
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (KIND_WORDS[w]) return KIND_WORDS[w];
  return null;
}

const cache = new WeakMap<BankIndex, Map<string, string | null>>();

/** The entity's kind, or null when the notes do not say. */
export function kindOf(ix: BankIndex, e: Entity): string | null {
  let m = cache.get(ix);
  if (!m) cache.set(ix, (m = new Map()));
  if (m.has(e.key)) return m.get(e.key)!;
  const votes = new Map<string, number>();
  const vote = (k: string | null, w: number) => k && votes.set(k, (votes.get(k) ?? 0) + w);
  for (const f of e.facts) {
    // The nearest heading above the entity that names a collection.
    const own = f.topic.findIndex((t) => e.termKeys.has(t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
    const path = own >= 0 ? f.topic.slice(0, own) : f.topic;
    for (let i = path.length - 1; i >= 0; i--) {
      const k = kindWord(path[i]);
      if (k) {
        vote(k, 1);
        break;
      }
    }
    // "Managed Hadoop framework on …": a kind noun in the first words of a definition.
    if (!f.attribute) vote(kindWord(f.fact.split(/[,.;:(]/)[0].split(/\s+/).slice(0, 5).join(' ')), 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const out = best ? best[0] : null;
  m.set(e.key, out);
  return out;
}

/** Two things the notes file as different kinds (an algorithm and a service). */
export function differentKinds(ix: BankIndex, a: Entity, b: Entity): boolean {
  const ka = kindOf(ix, a);
  const kb = kindOf(ix, b);
  return !!ka && !!kb && ka !== kb;
}

// The form a name itself gives away: "Treaty of Tordesillas" is an agreement, "Berlin
// Conference" a meeting, "Battle of Waterloo" a fight. Only a name's first or last word counts,
// so "Code Editor" or "Peace-of-mind mode" stay unknown.
const NAME_FORMS: Record<string, string> = {
  treaty: 'agreement', treaties: 'agreement', peace: 'agreement', pact: 'agreement', agreement: 'agreement', accord: 'agreement', accords: 'agreement',
  charter: 'document', doctrine: 'document', declaration: 'document', code: 'document', constitution: 'document', manifesto: 'document',
  conference: 'meeting', congress: 'meeting', council: 'meeting', summit: 'meeting', assembly: 'meeting',
  war: 'fight', wars: 'fight', battle: 'fight', invasion: 'fight', siege: 'fight', operation: 'fight',
  revolution: 'upheaval', revolutions: 'upheaval', uprising: 'upheaval', rebellion: 'upheaval', restoration: 'upheaval', reformation: 'upheaval', unification: 'upheaval',
};

// A definition that opens with what someone did ("Reached India in 1498", "Wrote The Social
// Contract", "Took power in 1799") or with a role ("French king known as ...") is about a person.
// "Built in August 1961" and "Adopted by the Congress" are things done to something.
const DEEDS = /^(?:reached|argued|wrote|proposed|improved|took|led|ruled|conquered|sailed|discovered|invented|painted|composed|founded|defeated|united|preached|published|developed|designed|formulated|described|built|crowned)\s+(?!(?:in|by|on|at|as|mainly|largely|during|between|from|into|after|under|around|jointly|first|to)\b)/i;
const ROLES = /^(?:\p{L}+\s+){0,2}(?:king|queen|emperor|empress|sultan|pope|philosopher|scientist|inventor|explorer|general|president|leader|writer|composer|tsar|chancellor|physician|chemist|physicist|mathematician)\b/iu;

const forms = new WeakMap<Entity, string | null>();

/** What the entity's name (or, for a person, its definition) says it is; null when unsure. */
export function nameForm(e: Entity): string | null {
  if (forms.has(e)) return forms.get(e)!;
  const words = e.name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  let out: string | null = (words.length >= 2 && (NAME_FORMS[words[0]] ?? NAME_FORMS[words[words.length - 1]])) || null;
  if (!out) {
    const def = e.facts.find((f) => !f.attribute)?.fact.trim() ?? '';
    if (DEEDS.test(def) || ROLES.test(def)) out = 'person';
  }
  forms.set(e, out);
  return out;
}

/** A distractor of another form than the key's ("a charter" among treaties, a treaty among
 *  people): the key's own form singles it out. A key of unknown form takes any. */
export function otherForm(key: Entity, d: Entity): boolean {
  const k = nameForm(key);
  return !!k && nameForm(d) !== k;
}
