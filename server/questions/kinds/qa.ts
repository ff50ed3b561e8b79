// Kind G, the notes' own questions: a question-front flashcard ("What does pvcreate do?") or a
// question heading in the notes, asked as written, with its answer as the key. Distractors are
// answers of sibling question cards of the same type: a yes/no answer stands beside its opposite,
// a short name beside other short names, a description beside other descriptions, and cards
// that ask the same way ("What does X do?") first.
import type { Entity } from '../bank-index.js';
import { pickOptions, type Option } from '../distractors.js';
import { MAX_OPTION, MAX_PROMPT, cleanFact, entityOf, isQuestionTerm, source, type Ctx, type KindBuilder } from '../guards.js';
import { leakKeyOfText, leaks } from '../mask.js';
import { capitalise, contentStems, fitClause, hasMarkup, normaliseOption, overlapsTooMuch, stemSet } from '../text.js';
import type { BankFact } from '../types.js';

export type AnswerShape = 'yes-no' | 'number' | 'name' | 'command' | 'statement';

const YES = /^(?:yes|true|correct|yep)\b/i;
const NO = /^(?:no|false|never|nope)\b/i;

/** What kind of answer a card has, so that options look alike. */
export function answerShape(answer: string): AnswerShape {
  const a = answer.trim();
  // "No", "Yes, it can only add to an existing 3' end": a yes/no answer with its reason.
  if ((YES.test(a) || NO.test(a)) && (a.split(/\s+/).length <= 4 || /^(?:yes|no)\b[,.;:—–-]/i.test(a))) return 'yes-no';
  if (/^[~≈<>]?\s*-?\d[\d.,]*\s*[\p{L}%]{0,12}$/u.test(a)) return 'number';
  // "pvcreate /dev/sdb1", "ls -la", "git rebase -i": a command line.
  if (/^[a-z][\w.-]*(?:\s+(?:-{1,2}[\w-]+|\/\S+|<[^>]+>|[\w./=-]+))*$/.test(a) && /\s-{1,2}\w|\/|^[a-z]+[a-z0-9]*$/.test(a) && a.split(/\s+/).length <= 6 && !/\s(?:the|a|an|of|to|is)\s/.test(a))
    return 'command';
  const words = a.split(/\s+/);
  if (words.length <= 4 && !/[.!?]$/.test(a)) return 'name';
  return 'statement';
}

/** The question's wording with its subject taken out: "what does * do", "which * is used for". */
export function questionPattern(question: string): string {
  const w = question
    .toLowerCase()
    .replace(/[?.!]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  // Keep the question word and the words that carry the template; anything that looks like a
  // name (digits, dashes, rare words) becomes a star.
  const keep = new Set(['what', 'which', 'who', 'when', 'where', 'why', 'how', 'does', 'do', 'is', 'are', 'was', 'were', 'the', 'a', 'an', 'of', 'for', 'in', 'to', 'used', 'mean', 'stand', 'many', 'much', 'can', 'you']);
  return w.map((x) => (keep.has(x) ? x : '*')).join(' ').replace(/(?:\* )+\*/g, '*');
}

/** The first two words of a question, lower case: "which enzyme", "what does", "how many". */
export function questionHead(question: string): string {
  return question.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
}

function yesNoOptions(key: string): [string, string] {
  return YES.test(key) ? ['Yes', 'No'] : ['No', 'Yes'];
}

function answerText(f: BankFact): string | null {
  const t = fitClause(f.fact, MAX_OPTION);
  if (!t || hasMarkup(t)) return null;
  return capitalise(t);
}

/** A word of one text and a word of the other start alike for most of their length. */
export function sharesRoot(a: string, b: string): boolean {
  const words = (t: string) => (t.toLowerCase().match(/\p{L}{6,}/gu) ?? []);
  const bs = words(b);
  return words(a).some((x) =>
    bs.some((y) => {
      let n = 0;
      while (n < x.length && n < y.length && x[n] === y[n]) n++;
      return n >= 6 && n >= 0.75 * Math.min(x.length, y.length);
    }),
  );
}

function isCard(f: BankFact): boolean {
  return isQuestionTerm(f) && !f.attribute;
}

export const qa: KindBuilder = {
  kind: 'qa',
  eligible(_ctx, f) {
    if (!isCard(f) || f.conflictGroup || f.flags.some((x) => x === 'merged' || x === 'truncated' || x === 'conflict')) return false;
    return f.term.length <= MAX_PROMPT - 10 && answerText(f) !== null;
  },
  build(ctx, f, rng) {
    const { ix } = ctx;
    const e: Entity = entityOf(ix, f);
    const prompt = f.term.trim().replace(/\s*\?*$/, '?');
    const keyText = answerText(f);
    if (!keyText || prompt.length > MAX_PROMPT || !cleanFact({ ...f, flags: f.flags.filter((x) => x !== 'question') })) return null;
    const shape = answerShape(keyText);
    const base = {
      kind: 'qa' as const,
      prompt,
      fact: f,
      line: f.lineStart,
      termKey: e.key,
      explanation: `${prompt} ${f.fact}`,
    };
    if (shape === 'yes-no') {
      const [k, other] = yesNoOptions(keyText);
      // The answer may say more than yes or no ("No, only S3 and EFS"): that stays in the explanation.
      return { ...base, key: { text: k, source: source(f) }, distractors: [{ text: other, source: null }] };
    }
    // The question must not give its answer away, not even by a word of the same root
    // ("Which enzyme extends telomeres?" - Telomerase).
    if (leaks(prompt, leakKeyOfText(ix, keyText)) || sharesRoot(prompt, keyText)) return null;
    const pattern = questionPattern(prompt);
    const head = questionHead(prompt);
    const keyStems = stemSet(keyText);
    const cands: Option[] = [];
    for (const other of ix.bank.facts) {
      if (other.id === f.id || !isCard(other) || other.termKey === f.termKey) continue;
      const text = answerText(other);
      if (!text || answerShape(text) !== shape) continue;
      if (normaliseOption(text) === normaliseOption(keyText) || overlapsTooMuch(stemSet(text), keyStems)) continue;
      // An answer the question itself points at ("... like pvcreate?") reads as a trick.
      if (leaks(prompt, leakKeyOfText(ix, text))) continue;
      if (!contentStems(text).length) continue;
      // Only answers to questions asked the same way ("Which enzyme …?", "What does … do?")
      // are answers of the same kind: "In the nucleus" never stands beside an enzyme.
      if (questionHead(other.term) !== head) continue;
      // Cards of another deck in the same bank answer questions of another subject.
      if (!ix.sameSubject(other.file, f.file)) continue;
      const sameFile = other.file === f.file;
      const sameGroup = sameFile && !!f.group && other.group === f.group;
      const sameTopic = other.topic.join('\u0000') === f.topic.join('\u0000');
      const samePattern = questionPattern(other.term) === pattern;
      const score = 2 * +samePattern + 2 * +sameTopic + +sameGroup + 0.5 * +sameFile;
      cands.push({ text, fact: other, line: other.lineStart, entityKey: other.termKey, tier: sameTopic ? 'topic' : 'list', score });
    }
    if (cands.length < 3) return null;
    const picked = pickOptions(keyText, e.key, cands, 3, rng);
    if (!picked) return null;
    return { ...base, key: { text: keyText, source: source(f) }, distractors: picked.map((o) => ({ text: o.text, source: source(o.fact, o.line) })) };
  },
};
