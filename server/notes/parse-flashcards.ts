// Flashcards: the 002 layout (title line, then term line / definition line pairs) and the
// delimited exports of Quizlet (term<TAB>definition per line) and Anki ("Notes in Plain Text",
// tab or comma separated, "#separator:" / "#columns:" / "#deck column:" header lines, quoted
// fields that may span lines). Both produce the same card facts.
import { csvParser } from './optional-libs.js';
import { cleanInline } from './clean-inline.js';
import { isMeta } from './filters.js';
import { explodeDefinition } from './flashcard-fields.js';
import type { Env } from './list-facts.js';
import type { FactFlag } from './types.js';

interface Card {
  termLine: number;
  defLine: number;
  defLineEnd: number;
  term: string; // raw
  def: string; // raw
  deck?: string[]; // Anki deck path ("AWS::ML" -> ["AWS", "ML"])
}

// P2/S9: pick the line parity for which the "term" line is the shorter one in most pairs.
export function pairParity(body: string[]): { offset: 0 | 1; score: number } {
  const score = (offset: number) => {
    let ok = 0;
    let n = 0;
    for (let i = offset; i + 1 < body.length; i += 2, n++) if (body[i].length < body[i + 1].length) ok++;
    return n ? ok / n : 0;
  };
  const a = score(0);
  const b = score(1);
  return b > a ? { offset: 1, score: b } : { offset: 0, score: a };
}

// Answers an author left to fill in later: a card with one of these is not knowledge yet.
const PLACEHOLDER = /^(?:todo|to ?do|tbd|tba|tbc|pass|fixme|xxx+|n\/?a|\?+|\.{2,}|…|[-–—_]+|\(?blank\)?|\[blank\]|\(empty\)|to be (?:done|added|filled(?: in)?|written))[.!]?$/i;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

function emitCards(cards: Card[], env: Env, topic: string[], setGroup: string): void {
  for (const card of cards) {
    const term = cleanInline(card.term);
    const def = cleanInline(card.def);
    const cardTopic = card.deck?.length ? card.deck : topic;
    if (isPlaceholder(def.text) || isPlaceholder(term.text)) {
      env.sink.skip(card.defLine, 'placeholder', `${card.term} | ${card.def}`);
      continue;
    }
    if (!term.text || !def.text) {
      env.sink.skip(card.termLine, 'too-short', card.term);
      continue;
    }
    if (isMeta(term.text) && isMeta(def.text)) {
      env.sink.skip(card.termLine, 'meta', card.term);
      continue;
    }
    // "Glyceryl trinitrate (GTN)", "Adrenaline (epinephrine)": a name and another name of it.
    const named = /\?$/.test(term.text) ? null : /^(.+?)\s*\(([^()]{1,40})\)$/.exec(term.text);
    const alias = named && named[2].split(/\s+/).length <= 4 ? named[2].trim() : undefined;
    const front = alias ? named![1].trim() : term.text;
    env.lexicon.addTerm(front);
    const flags: FactFlag[] = def.math || term.math ? ['math'] : [];
    const parts = explodeDefinition(front, def.text);
    // A comparison card ("Mitosis vs meiosis") also keeps its whole answer under its own front.
    if (parts.some((p) => p.rule === 'S9/compare') && !parts.some((p) => p.term === undefined && p.rule === 'S9/pair')) parts.unshift({ fact: def.text, rule: 'S9/pair' });
    for (const part of parts) {
      const own = part.term === undefined;
      env.sink.add({
        line: card.defLine,
        lineEnd: card.defLineEnd,
        termLine: card.termLine,
        topic: cardTopic,
        aliases: own && alias ? [alias] : undefined,
        term: part.term ?? front,
        attribute: part.attribute,
        fact: part.fact,
        rule: part.rule,
        confidence: part.rule === 'S9/pair' ? 0.9 : 0.8,
        group: part.attribute ? `${setGroup}:${part.attribute.toLowerCase()}` : own && part.rule === 'S9/pair' ? setGroup : `${setGroup}:card${card.termLine}`,
        flags,
        emphasis: [...term.emphasis, ...def.emphasis],
        allowShort: /\?$/.test(term.text), // "No" answers a question card (002:18-19)
      });
    }
  }
}

export function parseFlashcardPairs(lines: string[], env: Env): void {
  const numbered = lines.map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim());
  if (!numbered.length) return;
  const title = numbered[0];
  env.sink.skip(title.line, 'heading', title.text);
  const topic = [cleanInline(title.text).text].filter(Boolean);
  const body = numbered.slice(1);
  const { offset } = pairParity(body.map((b) => b.text.trim()));
  if (offset === 1) env.sink.skip(body[0].line, 'heading', body[0].text);
  const cards: Card[] = [];
  for (let i = offset; i + 1 < body.length; i += 2) {
    cards.push({ termLine: body[i].line, defLine: body[i + 1].line, defLineEnd: body[i + 1].line, term: body[i].text, def: body[i + 1].text });
  }
  if ((body.length - offset) % 2 === 1) env.sink.skip(body[body.length - 1].line, 'other', body[body.length - 1].text);
  emitCards(cards, env, topic, `cards:${body[offset]?.line ?? 1}`);
}

const HEADER_WORDS = /^(?:term|terms|word|front|question|prompt|definition|definitions|back|answer|meaning)$/i;
const GROUP_WORDS = /^(?:unit|chapter|topic|category|section|lesson|week|module|subject|deck|group|part)$/i;

// Anki writes "#separator:tab", "#html:true", "#columns:Front\tBack", "#deck column:3" first.
function ankiHeaders(lines: string[]): { columns?: string[]; skip: Set<number>; deckCol?: number; count: number } {
  const skip = new Set<number>();
  let columns: string[] | undefined;
  let deckCol: number | undefined;
  let count = 0;
  for (const l of lines) {
    const m = /^#([a-z ]+):(.*)$/i.exec(l.trim());
    if (!m) break;
    count++;
    const key = m[1].toLowerCase().trim();
    const value = m[2].trim();
    if (key === 'columns') columns = value.split(/\t|,|;/).map((c) => c.trim());
    const col = /^(notetype|deck|tags|guid) column$/.exec(key);
    if (col) {
      skip.add(Number(value) - 1);
      if (col[1] === 'deck') deckCol = Number(value) - 1;
    }
  }
  return { columns, skip, deckCol, count };
}

// 1-based line of a character offset, by binary search over the line starts.
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

// Quotes on a line, not counting the doubled "" that escapes a quote inside a quoted field.
function oddQuotes(line: string): boolean {
  return (line.replace(/""/g, '').match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * Lines whose quote is never closed. A quoted field may span lines (Anki's multi-line backs),
 * so an odd quote count is damage only when no later line within reach closes it; otherwise
 * the parser would swallow every card up to the next quote into one field.
 */
export function unclosedQuoteLines(lines: readonly string[], reach = 20): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!oddQuotes(lines[i])) continue;
    let j = i + 1;
    while (j < lines.length && j - i <= reach && !oddQuotes(lines[j])) j++;
    if (j < lines.length && j - i <= reach) {
      i = j; // a field spanning lines i..j
      continue;
    }
    out.push(i);
  }
  return out;
}

export function parseDelimitedCards(text: string, env: Env, delimiter: '\t' | ',' | ';' | '|', topic: string[] = []): void {
  const lines = text.split('\n');
  const head = ankiHeaders(lines);
  for (let i = 0; i < head.count; i++) env.sink.skip(i + 1, 'meta', lines[i]);
  // A damaged line is reported and left out; the cards after it keep their own lines.
  for (const i of unclosedQuoteLines(lines.slice(head.count))) {
    env.sink.skip(head.count + i + 1, 'damaged', lines[head.count + i]);
    lines[head.count + i] = '';
  }
  text = lines.join('\n');
  const lineAt = lineFinder(text);
  const bodyStart = lines.slice(0, head.count).join('\n').length + (head.count ? 1 : 0);
  const body = text.slice(bodyStart);
  const cards: Card[] = [];
  let prev = 0;
  // A header row may name extra columns: a grouping ("unit", "chapter") becomes the card's
  // topic and tags are dropped, so neither is glued onto the answer.
  let groupCol: number | undefined = head.deckCol;
  const dropCols = new Set(head.skip);
  csvParser().parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    quoteChar: '"',
    step: (res) => {
      const startOffset = prev + (body.slice(prev, res.meta.cursor).match(/^[\r\n]*/)?.[0].length ?? 0);
      const line = lineAt(bodyStart + startOffset);
      const endLine = lineAt(bodyStart + Math.max(startOffset, res.meta.cursor - 1));
      prev = res.meta.cursor;
      if (res.data.every((f) => !f.trim())) return;
      if (cards.length === 0 && !head.columns && res.data.slice(0, 2).every((f) => HEADER_WORDS.test(f.trim()))) {
        res.data.forEach((name, i) => {
          if (i < 2) return;
          if (GROUP_WORDS.test(name.trim())) groupCol = i;
          else if (/^tags?$/i.test(name.trim())) dropCols.add(i);
        });
        env.sink.skip(line, 'table-header', res.data.join(' | '));
        return;
      }
      const fields = res.data.filter((_f, i) => !dropCols.has(i) && i !== groupCol);
      const deck =
        groupCol !== undefined
          ? (res.data[groupCol] ?? '')
              .split('::')
              .map((d) => cleanInline(d).text)
              .filter(Boolean)
          : undefined;
      if (fields.length < 2) {
        env.sink.skip(line, 'other', fields.join(' '));
        return;
      }
      // Extra fields (Anki "Back Extra", Quizlet images) extend the definition.
      const def = fields
        .slice(1)
        .filter((f) => f.trim())
        .join(' ')
        .replace(/\n/g, ' ');
      cards.push({ termLine: line, defLine: line, defLineEnd: endLine, term: fields[0].replace(/\n/g, ' '), def, deck });
    },
  });
  emitCards(cards, env, topic, `cards:${cards[0]?.termLine ?? 1}`);
}
