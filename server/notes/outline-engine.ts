// The line-based parser behind two layouts whose heading markers were lost: GitHub pages
// copied as text (000, "•" bullets indented two spaces per level) and plain cheat sheets
// (004, "- " bullets at column 0). Headings are recognised by shape (S1), intros by a final
// colon (S3), and "X - Y" lines by P5; lists are handed to the shared list emitter.
import { cleanInline } from './clean-inline.js';
import { isChrome, isMeta, isTocEntry, rejectLine } from './filters.js';
import { headingRole, type RoleEvidence } from './heading-role.js';
import { hasVerb, isGenericLabel, isHeadingLike, isTermLike, sameLabel, words } from './heuristics.js';
import { emitFeature, emitList, emitSplit, introCtx, type Ctx, type Env, type ListItem } from './list-facts.js';
import { splitKeyValues } from './key-value.js';
import { splitTerm } from './split-term.js';
import type { HeadingInfo, ParserResult, TopicMark } from './topic-trail.js';
import type { FactFlag } from './types.js';

export interface OutlineConfig {
  // How headings nest when levels are lost: "prefix" = S2 only ("Glue" > "Glue ETL");
  // "runs" = also a heading directly followed by another heading opens a section (004).
  sections: 'prefix' | 'runs';
}

type Para = { kind: 'para'; line: number; lineEnd: number; raw: string };
type List = { kind: 'list'; line: number; items: ListItem[] };
type Block = Para | List;

const BULLET = /^(\s*)(?:[•◦▪‣●○■▸►▶➤]|[-*+](?=\s)|\d{1,2}[.)](?=\s))\s*(.*)$/;

// Lines removed before any structure is built: page chrome, meta remarks, images, TOC.
function prefilter(lines: string[], env: Env): (string | null | false)[] {
  let inLeadingChrome = true;
  // A removed line still separates what is around it (a meta intro between two lists).
  return lines.map((raw, i): string | null | false => {
    const t = raw.trim();
    if (!t) return raw;
    const cleaned = cleanInline(t).text;
    if (isChrome(t) && (inLeadingChrome || /loc\)|^skip to content$/i.test(t))) {
      env.sink.skip(i + 1, 'chrome', raw);
      return false;
    }
    inLeadingChrome = false;
    if (isTocEntry(raw)) return (env.sink.skip(i + 1, 'toc', raw), false);
    if (!cleaned && /!\[|<img/i.test(t)) return (env.sink.skip(i + 1, 'image', raw), false);
    if (!BULLET.test(raw) && isMeta(cleaned)) return (env.sink.skip(i + 1, 'meta', raw), false);
    return raw;
  });
}

function buildBlocks(lines: (string | null | false)[]): Block[] {
  const blocks: Block[] = [];
  let stack: { indent: number; item: ListItem }[] = [];
  let prev: 'blank' | 'bullet' | 'child' | 'text' | 'break' = 'blank';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (raw === false) {
      prev = 'break';
      continue;
    }
    if (raw === null || !raw.trim()) {
      if (prev !== 'break') prev = 'blank';
      continue;
    }
    const b = BULLET.exec(raw);
    const last = blocks[blocks.length - 1];
    if (b) {
      const indent = b[1].replace(/\t/g, '    ').length;
      const item: ListItem = { line, lineEnd: line, raw: b[2], blocks: [] };
      // A list survives blank lines between its items (004:144-146), not a paragraph.
      if (last?.kind !== 'list' || prev === 'text' || prev === 'break') {
        blocks.push({ kind: 'list', line, items: [item] });
        stack = [{ indent, item }];
      } else {
        while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
        const parent = stack[stack.length - 1];
        if (!parent) last.items.push(item);
        else {
          const tail = parent.item.blocks[parent.item.blocks.length - 1];
          if (tail?.kind === 'list') tail.items.push(item);
          else parent.item.blocks.push({ kind: 'list', items: [item] });
        }
        stack.push({ indent, item });
      }
      prev = 'bullet';
      continue;
    }
    if ((prev === 'bullet' || prev === 'child') && stack.length) {
      const top = stack[stack.length - 1];
      const item = top.item;
      const indent = raw.length - raw.trimStart().length;
      // Lines indented under a short caption ("- Reference compounds" over "Methane, simplest
      // alkane. Formula=CH4"), or lines that carry their own setting, are children of the item,
      // one fact each; anything else continues the item's text (004:454-455).
      const caption = prev === 'child' || (words(item.raw).length <= 4 && !/[.;:,]$/.test(item.raw.trim()));
      if (indent > top.indent && (caption || splitKeyValues(raw.trim()))) {
        item.blocks.push({ kind: 'para', line, lineEnd: line, raw: raw.trim() });
        prev = 'child';
        continue;
      }
      item.raw += ` ${raw.trim()}`;
      item.lineEnd = line;
      continue;
    }
    if (prev === 'text' && last?.kind === 'para') {
      last.raw += `\n${raw}`;
      last.lineEnd = line;
      continue;
    }
    blocks.push({ kind: 'para', line, lineEnd: line, raw });
    prev = 'text';
  }
  return blocks;
}

// "Recall - percent … Recall = TP / (TP + FN) Good choice for:" ends with an intro clause.
function trailingIntro(fact: string): { fact: string; intro: string } | null {
  const m = /^(.*[.)\w])\s+((?:[A-Z][\w-]*)(?:\s+[\w-]+){0,4})$/.exec(fact);
  if (!m || !/\b(?:for|of|by|with|in|to|like|include|includes|are)$/i.test(m[2])) return null;
  return { fact: m[1], intro: m[2] };
}

const TITLE_WORDS = /\b(?:notes|cheat ?sheet|summary|study guide|exam guide|revision|flash ?cards|crib sheet)\b/i;

export function parseOutline(lines: string[], env: Env, cfg: OutlineConfig): ParserResult {
  const marks: TopicMark[] = [];
  const blocks = buildBlocks(prefilter(lines, env));
  const headings: (HeadingInfo & { start: number })[] = [];
  let headingCtx: Ctx = { topic: [], nested: false };
  let parent: string | null = null; // S2 prefix parent
  let section: string | null = null; // "runs" sections
  let pending: Ctx | null = null;
  const known: string[] = [];

  // What follows a heading line until the next heading-like line: the evidence for its role.
  const evidenceAt = (bi: number): RoleEvidence => {
    const ev: RoleEvidence = { termItems: 0, plainItems: 0, subHeadings: 0 };
    const count = (raw: string) => {
      const t = cleanInline(raw).text;
      const split = /:$/.test(t) ? null : splitTerm(t);
      if (split && split.kind !== 'paren' && isTermLike(split.term) && !isGenericLabel(split.term)) ev.termItems++;
      else if (t) ev.plainItems++;
    };
    for (let j = bi + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.kind === 'list') {
        for (const it of b.items) count(it.raw);
        continue;
      }
      const t = cleanInline(b.raw).text;
      if (isHeadingLike(t) && words(t).length <= 8 && j + 1 < blocks.length) break;
      count(b.raw);
    }
    return ev;
  };
  let owner: Ctx = headingCtx; // the last heading that is not a generic label
  let titleChecked = false;

  const setHeading = (text: string, line: number, bi: number) => {
    const role = headingRole(text, evidenceAt(bi));
    if (role === 'label' && owner.term) {
      // "Use Cases" under "Amazon Polly": an attribute of Polly, not a topic of its own.
      headingCtx = { ...owner, attribute: text, termLine: owner.termLine };
      headings.push({ text, line, depth: owner.topic.length + 1, topic: owner.topic, start: env.sink.facts.length, role });
      marks.push({ line, topic: owner.topic, term: owner.term });
      return;
    }
    if (parent && text.toLowerCase().startsWith(`${parent.toLowerCase()} `)) {
      /* stays nested under the prefix parent */
    } else parent = text;
    const topic: string[] = [];
    if (section) topic.push(section);
    if (parent && parent !== text) topic.push(parent);
    topic.push(text);
    headingCtx = { topic, term: text, termLine: line, nested: false, ...(role === 'section' || role === 'label' ? { flags: ['section'] as FactFlag[] } : {}) };
    owner = headingCtx;
    headings.push({ text, line, depth: topic.length, topic, start: env.sink.facts.length, role });
    known.push(text, text.replace(/^(?:AWS|Amazon|Sagemaker|SageMaker)\s+/, ''));
    env.lexicon.addTerm(text);
    marks.push({ line, topic: headingCtx.topic, term: text });
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi];
    const next = blocks[bi + 1];
    if (block.kind === 'list') {
      emitList(env, block.items, pending ?? headingCtx);
      pending = null;
      continue;
    }
    // "Organic Chemistry II: functional groups and reactions" opening the file, with perhaps a
    // line of remarks under it, is the file's title: not a term and not a topic.
    if (!titleChecked && bi === 0 && env.sink.facts.length === 0 && block.lineEnd - block.line <= 1) {
      const [first, ...rest] = block.raw.split('\n');
      const t = cleanInline(first).text;
      if (/^[^.]{3,80}:\s\S/.test(t) && words(t).length <= 10 && !/\.$/.test(t) && next?.kind === 'list') {
        titleChecked = true;
        env.sink.skip(block.line, 'heading', first);
        rest.forEach((r, k) => env.sink.skip(block.line + k + 1, 'meta', r));
        continue;
      }
    }
    const ctxNow: Ctx = pending ?? headingCtx;
    pending = null;
    const c = cleanInline(block.raw);
    const text = c.text;
    const at = { line: block.line, lineEnd: block.lineEnd };
    const reject = rejectLine(block.raw, text);
    const nextText = next?.kind === 'para' ? cleanInline(next.raw).text : '';
    // A heading may be as short as "S3"; only the meta and math filters apply to it.
    if (reject && !(reject === 'too-short' && text && isHeadingLike(text) && next)) {
      for (let l = block.line; l <= block.lineEnd; l++) env.sink.skip(l, reject, lines[l - 1]);
      continue;
    }
    // A sentence-length heading-like line right under a heading is its definition
    // ("Polly" / "Text to speech service with many voices"), unless a list follows it.
    const prev = blocks[bi - 1];
    const underHeading = prev?.kind === 'para' && headings.length > 0 && headings[headings.length - 1].line === prev.line;
    const parentNow = parent as string | null; // assigned inside setHeading, so TS cannot follow it
    const nested = parentNow !== null && text.toLowerCase().startsWith(`${parentNow.toLowerCase()} `);
    const definitionLike = underHeading && words(text).length >= 4 && next?.kind !== 'list' && !nested;
    if (isHeadingLike(text) && next && !definitionLike) {
      if (sameLabel(text, headingCtx.term ?? '')) {
        env.sink.skip(block.line, 'heading', block.raw);
        continue;
      }
      const opensSection = cfg.sections === 'runs' && next.kind === 'para' && isHeadingLike(nextText) && !/\?$/.test(text);
      if (opensSection) {
        section = text;
        parent = null;
        env.sink.skip(block.line, 'heading', block.raw);
        marks.push({ line: block.line, topic: [text] });
        continue;
      }
      // The file's title ("ML Certification Cheat sheet") heads the whole file: not a topic.
      const first = !titleChecked && headings.length === 0 && env.sink.facts.length === 0 && !section;
      titleChecked = true;
      if (first && (TITLE_WORDS.test(text) || (next.kind === 'para' && isHeadingLike(nextText)))) {
        env.sink.skip(block.line, 'heading', block.raw);
        continue;
      }
      setHeading(text, block.line, bi);
      continue;
    }
    if (/:$/.test(text)) {
      const intro = text.replace(/:$/, '').trim();
      const split = splitTerm(intro);
      const tail = split && words(split.term).length <= 4 ? trailingIntro(split.fact) : null;
      if (split && tail) {
        emitSplit(env, ctxNow, at, { ...split, fact: tail.fact }, c);
        pending = { topic: [...ctxNow.topic, split.term], term: split.term, termLine: block.line, attribute: tail.intro, nested: false };
      } else if (next) {
        pending = introCtx(headingCtx, intro, block.line);
        env.sink.skip(block.line, 'intro', block.raw);
      } else env.sink.skip(block.line, 'intro', block.raw);
      if (pending) marks.push({ line: block.line, topic: pending.topic, term: pending.term });
      continue;
    }
    const split = splitKeyValues(text) ? null : splitTerm(text);
    if (split && split.kind !== 'paren') {
      if (isGenericLabel(split.term) && ctxNow.term) {
        emitFeature(env, { ...ctxNow, attribute: split.term }, at, split.fact, c, 'S5/label', undefined, 0.8);
        continue;
      }
      emitSplit(env, ctxNow, at, split, c);
      if (next?.kind === 'list') pending = { topic: [...headingCtx.topic, split.term], term: split.term, termLine: block.line, nested: false };
      continue;
    }
    // S7 variant: a statement about an earlier heading ("Glue is based on the Apache Spark").
    const current = headingCtx.term ?? '';
    const about = known.find((k) => k.length >= 2 && text.startsWith(`${k} `) && hasVerb(text.slice(0, k.length + 20)) && !sameLabel(k, current));
    if (about && !(current && text.toLowerCase().startsWith(current.toLowerCase()))) {
      const flags: FactFlag[] = c.math ? ['math'] : [];
      env.sink.add({ ...at, topic: headingCtx.topic, term: about, fact: text, rule: 'S7/statement', confidence: 0.7, flags, polarity: c.polarity });
      // "SageMaker maintains auto-scaling" + "• based on target metrics": the list details it.
      if (next?.kind === 'list') {
        pending = { topic: [...headingCtx.topic, about], term: about, attribute: text.slice(about.length).trim(), termLine: block.line, nested: false };
      }
      continue;
    }
    const first = headings.length > 0 && headings[headings.length - 1].start === env.sink.facts.length;
    emitFeature(env, ctxNow, at, text, c, 'S7/definition', undefined, first ? 0.85 : 0.7);
  }

  return { marks, headings };
}
