// S4/S6: turns a (possibly nested) list into facts. Shared by the markdown parser (which
// builds items from remark's tree) and the line-based parsers (which build them from indents).
// A list is classified as a whole: a *term list* ("X: Y" items, or short items with
// children) gives one term per item; a *feature list* gives facts of the outer term.
import { cleanInline, type CleanText } from './clean-inline.js';
import type { FactSink } from './fact-sink.js';
import { rejectLine } from './filters.js';
import { headingRole } from './heading-role.js';
import { GENERIC_LABELS, hasVerb, isGenericLabel, isMergedChain, isNamedIntro, isTermLike, splitSecondAcronym, words } from './heuristics.js';
import type { Lexicon } from './lexicon.js';
import type { FactFlag } from './types.js';
import { splitKeyValues } from './key-value.js';
import { splitTerm, type TermSplit } from './split-term.js';

export interface ItemPara {
  kind: 'para';
  line: number;
  lineEnd: number;
  raw: string;
}
export interface ItemList {
  kind: 'list';
  items: ListItem[];
}
export type ItemBlock = ItemPara | ItemList;

export interface ListItem {
  line: number;
  lineEnd: number;
  raw: string; // the item's own text, markup included
  blocks: ItemBlock[]; // what is nested under it, in order
}

export interface Ctx {
  topic: string[];
  term?: string; // the entity facts attach to when an item is not a term itself
  termLine?: number;
  attribute?: string;
  nested: boolean; // inside the children of a term item: short "x: y" items are attributes
  polarity?: '+' | '-';
  flags?: FactFlag[]; // set on every fact of the context's own term ('section': not a name)
  aliases?: string[]; // other names of the context's own term ("ER" for "Endoplasmic reticulum")
}

export interface Env {
  sink: FactSink;
  lexicon: Lexicon;
}

// An intro that announces members ("There are few types of S3 services:", "Examples:").
const ENUMERATING = /\b(?:types?|kinds?|examples?|services|options|algorithms|models|tools|classes|categories|members|includes?|such as|e\.g)\b/i;

export const SPLIT_CONFIDENCE: Record<string, number> = { bold: 0.95, colon: 0.95, equals: 0.9, dash: 0.85, arrow: 0.8, paren: 0.75 };

interface Analysed {
  item: ListItem;
  clean: CleanText;
  text: string;
  reject: ReturnType<typeof rejectLine>;
  intro: boolean;
  split: TermSplit | null;
}

function leadingEmphasis(c: CleanText): string | undefined {
  const e = c.emphasis[0];
  return e && c.text.startsWith(e) ? e : undefined;
}

function analyse(item: ListItem): Analysed {
  const clean = cleanInline(item.raw);
  const text = clean.text;
  const intro = /:$/.test(text) && !/::$/.test(text);
  // "Name Port=8042" settings are split by emitFeature, not read as "term = definition"; a
  // clause before a colon ("COX-1 is always active: it protects …") names no term either.
  let split = intro || splitKeyValues(text) ? null : splitTerm(text, { paren: true, leadingEmphasis: leadingEmphasis(clean) });
  if (split && split.kind !== 'bold' && split.kind !== 'paren' && hasVerb(split.term)) split = null;
  return { item, clean, text, reject: rejectLine(item.raw, text), intro, split };
}

// The context for what an intro ("Encryption:", "hyperparameters:") introduces.
export function introCtx(ctx: Ctx, intro: string, line: number): Ctx {
  // "RNN for:", "Spark is good for:": the items are what the named thing is used for.
  const usedFor = /^(.+?)\s+(?:is\s+|are\s+)?(?:(?:used|good|useful|great|best|ideal)\s+)?for$/i.exec(intro);
  if (usedFor && isTermLike(usedFor[1]) && words(usedFor[1]).length <= 4 && !isGenericLabel(usedFor[1]) && /^[\p{Lu}\p{N}]/u.test(usedFor[1])) {
    return { topic: ctx.topic, term: usedFor[1], termLine: line, attribute: 'Used for', nested: false };
  }
  // A named intro ("Encryption:") opens a sub-topic; a label ("hyperparameters:", "anything
  // else:") only files its items as an attribute of the outer term.
  // "EMR storages:" over "HDFS ...", "EMRFS ...": a collection, so its items are no definitions of it.
  if (!ctx.term || (!ctx.nested && isNamedIntro(intro))) {
    const section = headingRole(intro) === 'section';
    return { topic: [...ctx.topic, intro], term: intro, termLine: line, nested: false, ...(section ? { flags: ['section'] as FactFlag[] } : {}) };
  }
  const attribute = ctx.attribute ? `${ctx.attribute} / ${intro}` : intro;
  return { ...ctx, attribute };
}

function flagsOf(c: CleanText, fact: string): ('math' | 'merged')[] {
  const f: ('math' | 'merged')[] = [];
  if (c.math) f.push('math');
  if (isMergedChain(fact)) f.push('merged');
  return f;
}

export type At = { line: number; lineEnd: number };

// A fact of the outer term (feature list item, paragraph under an item, member of a list).
export function emitFeature(env: Env, ctx: Ctx, at: At, text: string, c: CleanText, rule: string, group?: string, confidence = 0.8): void {
  const kv = splitKeyValues(text);
  if (kv) {
    if (kv.lead) emitFeature(env, ctx, at, kv.lead, { ...c, emphasis: [] }, rule, group, confidence);
    for (const p of kv.pairs) {
      env.lexicon.addTerm(p.term);
      env.sink.add({ ...at, topic: ctx.topic, term: p.term, attribute: p.key, fact: p.value, rule: 'S5/key-value', confidence: 0.85, group: `${group ?? `kv:${at.line}`}:${p.key.toLowerCase()}`, allowShort: true });
      if (p.about) env.sink.add({ ...at, topic: ctx.topic, term: p.term, fact: p.about, rule: 'S5/key-value-about', confidence: 0.75, group });
    }
    return;
  }
  const glued = env.lexicon.matchGlued(text);
  // Never split off the entity the notes are already talking about ("Glue Scheduler …" under Glue).
  if (glued && !ctx.topic.some((t) => t.toLowerCase().includes(glued.term.toLowerCase()))) {
    const flags = flagsOf(c, glued.rest);
    env.sink.add({ ...at, topic: ctx.topic, term: glued.term, fact: glued.rest, rule: 'S10/glued', confidence: 0.6, group, flags, polarity: c.polarity, emphasis: c.emphasis });
    return;
  }
  if (!ctx.term) {
    env.sink.skip(at.line, 'other', text);
    return;
  }
  const flags: FactFlag[] = [...flagsOf(c, text), ...(ctx.flags ?? [])];
  env.sink.add({
    ...at,
    aliases: ctx.aliases,
    termLine: ctx.termLine,
    topic: ctx.topic,
    term: ctx.term,
    attribute: ctx.attribute,
    fact: text,
    rule,
    confidence: flags.includes('merged') ? 0.3 : confidence,
    group,
    flags,
    polarity: c.polarity ?? ctx.polarity,
    emphasis: c.emphasis,
  });
}

// "label: value" under an entity: (outer term, attribute = label, fact = value).
function emitAttribute(env: Env, ctx: Ctx, at: At, split: TermSplit, c: CleanText, confidence: number, group?: string): void {
  env.sink.add({
    ...at,
    termLine: ctx.termLine,
    topic: ctx.topic,
    term: ctx.term!,
    attribute: split.term,
    fact: split.fact,
    rule: `S6/attr-${split.kind}`,
    confidence,
    group,
    flags: [...flagsOf(c, split.fact), ...(ctx.flags ?? [])],
    polarity: c.polarity ?? ctx.polarity,
    emphasis: c.emphasis,
  });
}

// A "term - definition" fact; splits a second glued "ACRONYM - definition" (F10).
export function emitSplit(env: Env, ctx: Ctx, at: At, split: TermSplit, c: CleanText, group?: string, rulePrefix = 'S5'): void {
  env.lexicon.addTerm(split.term);
  let fact = split.fact;
  if (split.kind === 'dash') {
    const second = splitSecondAcronym(fact);
    if (second) {
      fact = second.first;
      const flags = flagsOf(c, second.rest);
      env.sink.add({ ...at, topic: ctx.topic, term: second.term, fact: second.rest, rule: `${rulePrefix}/dash-second`, confidence: 0.6, group, flags });
    }
  }
  const flags = flagsOf(c, fact);
  env.sink.add({
    ...at,
    topic: ctx.topic,
    term: split.term,
    fact,
    rule: `${rulePrefix}/${split.kind}`,
    confidence: flags.includes('merged') ? 0.3 : SPLIT_CONFIDENCE[split.kind] ?? 0.8,
    group,
    flags,
    aliases: split.alias ? [split.alias] : undefined,
    polarity: c.polarity ?? ctx.polarity,
    emphasis: c.emphasis,
  });
}

function isAttributeSplit(split: TermSplit, ctx: Ctx): boolean {
  if (!ctx.term || split.kind === 'arrow' || split.kind === 'paren' || split.kind === 'bold') return false;
  // Under a label ("How it works", "Features") an item's "one step: …" is the item's own text.
  if (ctx.attribute && !GENERIC_LABELS.has(split.term.toLowerCase())) return false;
  if (ctx.nested) return isGenericLabel(split.term) || words(split.term).length <= 3;
  // At the top of a section only "label: value" reads as an attribute; "2 modes regular - …" does not.
  return split.kind !== 'dash' && isGenericLabel(split.term);
}

export function emitList(env: Env, items: ListItem[], ctx: Ctx): void {
  if (!items.length) return;
  const group = `list:${items[0].line}`;
  const infos = items.map(analyse);
  const body = infos.filter((i) => !i.intro && !i.reject);
  // "X (Y)" is weak evidence: it counts only when several items share it, and never for the
  // values of an attribute ("input:" > "RecordIO in float 32 (Recommended)").
  // Only splits whose left side reads as a name count: "3 steps:", "Metrics:" or
  // "Summarize a long text corpus:" describe the outer term instead.
  const strong = body.filter((i) => i.split && i.split.kind !== 'paren' && !isGenericLabel(i.split.term) && isTermLike(i.split.term)).length;
  const parens = body.filter((i) => i.split?.kind === 'paren').length;
  const parenOk = !ctx.attribute && parens >= 2;
  const splitCount = strong + (parenOk ? parens : 0);
  const shortParents = body.filter((i) => i.item.blocks.length > 0 && words(i.text).length <= 5).length;
  const termList = body.length > 0 && (splitCount / body.length >= 0.6 || shortParents / body.length >= 0.5);
  // "standard", "IA", "One-zone IA" under "types of S3 services:": an enumeration of names,
  // each a member of the outer term, none a statement about it.
  const nameItem = (i: Analysed) => !i.split && !i.item.blocks.length && words(i.text).length <= 4 && !hasVerb(i.text) && !/[.;]/.test(i.text);
  const enumeration = !termList && ENUMERATING.test(ctx.attribute ?? '') && body.length >= 2 && body.filter(nameItem).length >= body.length * 0.6;

  for (const info of infos) {
    const { item, clean, text } = info;
    const at = { line: item.line, lineEnd: item.lineEnd };
    if (info.reject) {
      env.sink.skip(item.line, info.reject, item.raw);
      if (info.reject === 'meta' || info.reject === 'toc' || info.reject === 'chrome') continue;
      emitBlocks(env, item.blocks, ctx);
      continue;
    }
    if (info.intro) {
      const intro = text.replace(/:$/, '').trim();
      if (!item.blocks.length) env.sink.skip(item.line, 'intro', item.raw);
      else emitBlocks(env, item.blocks, introCtx(ctx, intro, item.line));
      continue;
    }
    const hasChildren = item.blocks.length > 0;
    // A split that is not a "paren" split is trusted in any list; "X (Y)" only in term lists,
    // or when the item has children of its own ("Mitochondria (powerhouse of the cell)" over
    // its features).
    const parenTerm = info.split?.kind === 'paren' && hasChildren && words(info.split.term).length <= 4;
    const split = info.split && (info.split.kind !== 'paren' || (termList && parenOk) || parenTerm) ? info.split : null;

    if (split && (!termList || isGenericLabel(split.term)) && isAttributeSplit(split, ctx) && !hasChildren) {
      emitAttribute(env, ctx, at, split, clean, 0.85, group);
      continue;
    }
    // Outside term lists only the unambiguous separators make a term of their own, and only
    // when the left side reads as a name; "Work for: S3, Redshift" is an attribute instead.
    // A lowercase left side ("predictor type: regression, …") describes the outer term.
    // A bullet that names a term and has children of its own owns them, whatever its siblings
    // look like ("L1 - sum of weights" over "sparse output").
    const unambiguous = split && (split.kind === 'colon' || split.kind === 'equals' || split.kind === 'bold');
    const namesTerm = !!split && isTermLike(split.term) && !isGenericLabel(split.term);
    const ownTerm = (unambiguous && namesTerm && /^[\p{Lu}\p{N}]/u.test(split!.term)) || (hasChildren && namesTerm && words(split!.term).length <= 4);
    // "predictor type: regression" files a short label under the outer term; a longer left side
    // ("opens with a three-way handshake: SYN, …") or any label inside a label stays one text.
    const shortLabel = split && (words(split.term).length <= 3 || isGenericLabel(split.term)) && !ctx.attribute;
    if (!termList && split && !ownTerm && split.kind === 'colon' && ctx.term && !hasChildren && !shortLabel) {
      emitFeature(env, ctx, at, text, clean, 'S4/feature', group);
      continue;
    }
    if (!termList && split && !ownTerm && split.kind === 'colon' && ctx.term && !hasChildren) {
      emitAttribute(env, ctx, at, split, clean, 0.7, group);
      continue;
    }
    // A generic label over children ("Pros", "Use cases") files them as that attribute.
    if (hasChildren && !split && isGenericLabel(text) && ctx.term) {
      emitBlocks(env, item.blocks, introCtx(ctx, text, item.line));
      continue;
    }
    if (termList || ownTerm) {
      if (split) {
        // "Bulk (5-12 hours) - free retrieve" among "Expedited (1-5 minutes)" siblings: the
        // parenthesis belongs to the fact, as it does for the siblings.
        const paren = split.kind !== 'paren' ? /^(.+?)\s*\(([^()]+)\)$/.exec(split.term) : null;
        if (paren && words(paren[1]).length <= 3) {
          split.fact = `${paren[2]}; ${split.fact}`;
          split.term = paren[1];
        }
        emitSplit(env, ctx, at, split, clean, group);
        // Facts attach to the nearest term; the topic stays the section's.
        if (hasChildren) emitBlocks(env, item.blocks, { topic: ctx.topic, term: split.term, termLine: item.line, nested: true });
        continue;
      }
    }
    // A short name over children of its own is a term ("Random Cut Forest" over "unsupervised").
    const shortName = hasChildren && words(text).length <= (termList ? 6 : 4) && isTermLike(text) && (termList || /^[\p{Lu}\p{N}]/u.test(text));
    // "Functional groups", "Substitution reactions": a caption over its items opens a section.
    // In notes without headings (an outline), a top-level caption over children is a heading.
    if (shortName && (headingRole(text) === 'section' || (!ctx.topic.length && !ctx.term && headingRole(text) !== 'label'))) {
      emitBlocks(env, item.blocks, { topic: [...ctx.topic, text], term: text, termLine: item.line, nested: false, flags: ['section'] });
      continue;
    }
    if (shortName) {
      env.lexicon.addTerm(text);
      if (ctx.term) emitFeature(env, ctx, at, text, clean, 'S6/member', group, 0.6);
      emitBlocks(env, item.blocks, { topic: ctx.topic, term: text, termLine: item.line, nested: true });
      continue;
    }
    emitFeature(env, ctx, at, text, clean, termList || (enumeration && nameItem(info)) ? 'S4/member' : 'S4/feature', group);
    if (hasChildren) emitBlocks(env, item.blocks, ctx);
  }
}

// The content nested under an item: sub-lists, indented paragraphs (001:371, 001:393) and
// sub-intros ("For text classification:" followed by a list).
export function emitBlocks(env: Env, blocks: ItemBlock[], ctx: Ctx): void {
  let current = ctx;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'list') {
      emitList(env, b.items, current);
      current = ctx;
      continue;
    }
    const c = cleanInline(b.raw);
    const reject = rejectLine(b.raw, c.text);
    if (reject) {
      for (let l = b.line; l <= b.lineEnd; l++) env.sink.skip(l, reject, b.raw);
      continue;
    }
    if (/:$/.test(c.text) && blocks[i + 1]?.kind === 'list') {
      current = introCtx(ctx, c.text.replace(/:$/, '').trim(), b.line);
      continue;
    }
    const split = splitTerm(c.text, { leadingEmphasis: leadingEmphasis(c) });
    if (split && isAttributeSplit(split, ctx)) {
      emitAttribute(env, ctx, { line: b.line, lineEnd: b.lineEnd }, split, c, 0.8);
      continue;
    }
    emitFeature(env, ctx, { line: b.line, lineEnd: b.lineEnd }, c.text, c, 'S6/para', undefined, 0.8);
  }
}
