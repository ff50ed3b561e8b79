// P4: turns one raw line (or table cell) of notes into display text with no markup left.
// Markup is not thrown away blindly: emoji check marks become polarity, bold / <b> / <u> /
// <mark> spans are kept as emphasis (cloze candidates and term markers), formulas set a flag.
import { nameToEmoji } from 'gemoji';
import type { Element, Nodes, Root } from 'hast';
import { latexToText } from './math-text.js';
import { htmlParser } from './optional-libs.js';

export interface CleanText {
  text: string;
  polarity?: '+' | '-';
  math: boolean; // the source held a $..$ formula (converted to plain text)
  emphasis: string[]; // bold / underline / highlight spans, in source order
  image: boolean; // the source held an image
}

const POSITIVE = new Set(['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check', '+1', 'thumbsup', 'green_circle']);
const NEGATIVE = new Set(['x', 'negative_squared_cross_mark', 'heavy_multiplication_x', 'no_entry', 'no_entry_sign', '-1', 'thumbsdown', 'red_circle']);

// Tags we are willing to hand to the HTML parser. Anything else in angle brackets is a
// placeholder written by the author ("<my_bucket>/my_folder") and must survive as text.
const HTML_TAGS = 'a|b|i|u|s|em|strong|mark|ul|ol|li|br|p|div|span|sup|sub|code|del|ins|small|big|img|hr|font|table|tr|td|th|tbody|thead|center';
const HTML_TAG_RE = new RegExp(`<\\/?(?:${HTML_TAGS})(?=[\\s>/])[^<>]*>`, 'i');
const ANY_TAG_LT = new RegExp(`<(?!\\/?(?:${HTML_TAGS})(?=[\\s>/])[^<>]*>|!--)`, 'gi');
const EMPHASIS_TAGS = new Set(['b', 'strong', 'u', 'mark', 'em', 'i', 'ins']);

// Leading list glyphs left over from PDF / web copies ("▶ Lake Formation", "o Dropping", "> **Task Node**").
const LEAD_GLYPHS = /^(?:[▶►➤•▪◦‣●○■□▸▹»➢➔✓✔☐☑→⇒]\s*|>\s+|o\s+(?=[A-Za-z]))+/u;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;

function collectEmphasis(node: Nodes, out: string[]): void {
  if (node.type === 'element' && EMPHASIS_TAGS.has((node as Element).tagName)) {
    const t = htmlParser().toText(node).replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    return;
  }
  if ('children' in node) for (const c of node.children) collectEmphasis(c as Nodes, out);
}

// Inline HTML goes through a real parser (hast), which also decodes entities.
function htmlToText(s: string, emphasis: string[]): string {
  const protectedText = s.replace(ANY_TAG_LT, '&lt;');
  const { fromHtml, toText } = htmlParser();
  const tree: Root = fromHtml(protectedText, { fragment: true });
  collectEmphasis(tree, emphasis);
  // Block elements (<li>, <p>) become separate values; inline the result with a separator.
  return toText(tree)
    .split(/\n+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ');
}

// "$x=\mu$", "$$\frac{a}{b}$$": replaced by readable text; currency ("$5 and $10") is left alone
// because a formula never starts or ends with a space.
const MATH_RE = /\$\$([^$]+)\$\$|\$(?=[^\s$])([^$\n]+?)(?<=[^\s$])\$(?!\d)/g;

export function replaceMath(s: string): { text: string; math: boolean } {
  let math = false;
  const text = s.replace(MATH_RE, (_m, block: string | undefined, inline: string | undefined) => {
    math = true;
    return ` ${latexToText(block ?? inline ?? '')} `;
  });
  return { text, math };
}

function stripMarkdownEmphasis(s: string, emphasis: string[]): string {
  let t = s.replace(/\*\*(?=\S)([^*]+?)\*\*/g, (_m, x: string) => {
    emphasis.push(x.replace(/[:=]\s*$/, '').trim());
    return x;
  });
  t = t.replace(/(^|[^\w\\])__(?=\S)([^_]+?)__(?!\w)/g, (_m, pre: string, x: string) => {
    emphasis.push(x.trim());
    return pre + x;
  });
  // Unpaired bold markers ("**Data Wrangle = ... ** ") carry no meaning once the pair is gone.
  t = t.replace(/\*\*/g, '');
  t = t.replace(/(^|[\s(["'/])\*(?=\S)([^*\n]+?)(?<=[^\s\\])\*(?=$|[\s).,;:!?'"\]/-])/g, '$1$2');
  // Single-underscore emphasis only around several words: "_label_" and snake_case stay as written.
  t = t.replace(/(^|[\s(])_(?=[^\s_])([^_\n]*\s[^_\n]*?)(?<=[^\s\\_])_(?=$|[\s).,;:!?\]])/g, '$1$2');
  t = t.replace(/~~(?=\S)([^~]+?)~~/g, '$1');
  // "==highlight==" of notes apps marks what the author found important, like bold.
  t = t.replace(/==(?=\S)([^=]+?)==/g, (_m, x: string) => {
    emphasis.push(x.trim());
    return x;
  });
  t = t.replace(/`([^`]+)`/g, '$1');
  return t;
}

// The same line is cleaned several times per parse (layout evidence, list analysis, the two
// passes of a deck import): results are cached by input. Callers must not mutate them. The
// bound holds every distinct line of the largest file an import takes (a 1.5 MB file has about
// 21,000), so no line of one parse is cleaned twice.
const CLEAN_CACHE_MAX = 100_000;
const cleanCache = new Map<string, CleanText>();

export function cleanInline(raw: string): CleanText {
  let hit = cleanCache.get(raw);
  if (!hit) {
    if (cleanCache.size > CLEAN_CACHE_MAX) cleanCache.clear();
    hit = cleanUncached(raw);
    cleanCache.set(raw, hit);
  }
  return { ...hit, emphasis: [...hit.emphasis] };
}

function cleanUncached(raw: string): CleanText {
  const emphasis: string[] = [];
  let polarity: '+' | '-' | undefined;
  let image = false;
  let s = raw.replace(/\t/g, ' ');

  s = s.replace(/^\s*(?:[-*+]\s+)?\[[ xX]\]\s+/, ''); // task-list boxes
  s = s.replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, () => {
    image = true;
    return ' ';
  });
  s = s.replace(/<img\b[^>]*>/gi, () => {
    image = true;
    return ' ';
  });
  s = s.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1'); // links keep their text
  // Wiki links of notes apps: "[[Page]]", "[[Page#Heading|shown text]]" read as their text.
  s = s.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, target: string, shown?: string) => shown ?? target.replace(/^#/, '').replace(/#/, ' > '));
  // Site components ("<Badge text=\"exam\" type=\"tip\"/>") are page furniture, not text.
  s = s.replace(/<\/?[A-Z][\w-]*(?:\s+[^<>]*)?\/?>/g, ' ');
  s = s.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');

  // OCR fix seen in PDF copies: the "S" of S3 read as an escaped dollar.
  s = s.replace(/\\\$(?=3\b)/g, 'S');
  const m = replaceMath(s);
  s = m.text;

  s = s.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => {
    if (!(name in nameToEmoji)) return whole;
    if (POSITIVE.has(name)) polarity ??= '+';
    else if (NEGATIVE.has(name)) polarity ??= '-';
    return ' ';
  });
  if (/[✅✔☑]/u.test(s)) polarity ??= '+';
  if (/[❌✖✗]/u.test(s)) polarity ??= '-';

  if (HTML_TAG_RE.test(s) || /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(s) || /<!--/.test(s)) s = htmlToText(s, emphasis);
  // Author placeholders such as <my_bucket>: keep the word, drop the brackets.
  s = s.replace(/<([A-Za-z_][\w.-]*)>/g, '$1');
  s = s.replace(/<(?=\/?[A-Za-z])/g, '< ');

  s = stripMarkdownEmphasis(s, emphasis);
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|~<>$&])/g, '$1'); // markdown escapes
  s = s.replace(PICTOGRAPHS, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(LEAD_GLYPHS, '');
  s = tidySpacing(s);
  return { text: s, polarity, math: m.math, emphasis: emphasis.filter(Boolean), image };
}

// Spacing artefacts of HTML / PDF copies: "transform , and", "( Datadog".
export function tidySpacing(s: string): string {
  return s
    .replace(/\s+([,;)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+\.(?=\s|$)/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
}

// Metric M9 of the design doc: any match means markup leaked into display text.
export const MARKUP_RESIDUE = /:[a-z_]+:|<\/?[a-z]+|\\\$|\$[^$]+\$|!\[|\]\(|\*\*|\t/;

// Last line of defence used by the fact collector: whatever the parsers missed is neutralised
// so no record can ever carry markup (the neutralisation is deterministic).
// Text none of stripResidue's rules can change: no character they act on, no whitespace but
// single inner spaces.
const NO_RESIDUE = /^(?! )[^\t*!\]\\$<:\s]*(?: [^\t*!\]\\$<:\s]+)*$/;

export function stripResidue(s: string): string {
  if (NO_RESIDUE.test(s)) return s;
  let t = s.replace(/\t/g, ' ').replace(/\*\*/g, '').replace(/!\[/g, '[').replace(/\]\(/g, '] (');
  t = t.replace(/\\\$/g, '$');
  t = t.replace(/\$([^$]+)\$/g, '$1');
  t = t.replace(/<(\/?)(?=[a-z])/g, '< $1');
  t = t.replace(/:([a-z_]+):/g, ': $1:');
  return t.replace(/\s+/g, ' ').trim();
}
