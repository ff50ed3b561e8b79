// P5: find where a term ends and its definition starts. Separators count only outside
// parentheses and brackets, so "Flexible retrieval (minimum storage duration - 90 days)"
// stays whole while "LeNet5 - good for handwriting recognition" splits.

export type SplitKind = 'bold' | 'colon' | 'equals' | 'dash' | 'arrow' | 'paren';

export interface TermSplit {
  term: string;
  fact: string;
  kind: SplitKind;
  alias?: string;
}

export interface SplitOptions {
  paren?: boolean; // allow "X (Y)"; only for items of a term list (S4)
  maxWords?: number; // longest allowed term (words outside parentheses)
  leadingEmphasis?: string; // bold span the text starts with, if any ("**Boosting** Observations…")
}

// Words that start clauses or advice, never a term ("For comparison…", "If autoscaling…").
export const FUNCTION_WORDS = new Set(
  'a an and as at by but can could do does for from how if in into is it its no not of on or so such than that the then there these this those to use used uses using via was we what when where which while who why will with would you your also just only here see'.split(
    ' ',
  ),
);

// Index of every character that sits at bracket depth 0.
function depthZero(s: string): boolean[] {
  const out: boolean[] = new Array(s.length);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') {
      out[i] = false;
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      out[i] = false;
    } else out[i] = depth === 0;
  }
  return out;
}

// Words outside parentheses: "Learning Rate (eta)" is a 2-word term.
export function wordsOutsideParens(s: string): number {
  const flat = s.replace(/\([^()]*\)|\[[^\][]*\]/g, ' ');
  return flat.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function validTerm(left: string, maxWords: number): boolean {
  const t = left.trim();
  if (!t || !/[\p{L}\p{N}]/u.test(t)) return false;
  if (/[.,;]$/.test(t)) return false; // ends a sentence or a clause
  if (/[.!?]\s+\S/.test(t.replace(/\([^()]*\)/g, ''))) return false; // holds a sentence end
  if (/^\d+[.)]?$/.test(t)) return false; // a bare list number
  const flat = t.replace(/\([^()]*\)|\[[^\][]*\]/g, ' ');
  if (/\s[-–—]\s|:\s|->|=>/.test(flat)) return false; // holds another separator: not a single term
  const w = flat.split(/\s+/).filter(Boolean);
  if (/,/.test(flat) && w.length > 4) return false; // a clause, not a name list like "RDS, Aurora"
  // Clauses start with function words ("If no classifier returns certainty=1.0"); labels such
  // as "Use cases" and "For text classification" are handled by their callers.
  if (FUNCTION_WORDS.has((w[0] ?? '').toLowerCase()) && !/^use cases?$/i.test(t)) return false;
  const n = wordsOutsideParens(t);
  return n >= 1 && n <= maxWords;
}

interface Sep {
  kind: SplitKind;
  re: RegExp; // global; match index = separator start
}

const SEPS: Sep[] = [
  { kind: 'colon', re: /:(?=\s|$)/g },
  { kind: 'equals', re: /\s*(?<![=<>!])=(?![=>])\s*/g },
  { kind: 'dash', re: /\s[-–—]{1,2}(?!>)\s/g },
  { kind: 'arrow', re: /\s(?:->|=>|→|⇒)\s/g },
];

function firstAtDepthZero(s: string, sep: Sep, zero: boolean[]): RegExpExecArray | null {
  sep.re.lastIndex = 0;
  for (let m = sep.re.exec(s); m; m = sep.re.exec(s)) {
    // the separator's own first non-space char decides
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (zero[at]) return m;
  }
  return null;
}

// Acronym letters found in order inside a candidate expansion, the first letter starting it
// (after Schwartz & Hearst's matching of short and long forms, read right to left).
function lettersMatch(acronym: string, long: string): boolean {
  const a = acronym.toLowerCase().replace(/[^a-z0-9]/g, '');
  const l = long.toLowerCase();
  let j = l.length - 1;
  for (let i = a.length - 1; i >= 0; i--) {
    const isFirst = i === 0;
    while (j >= 0 && (l[j] !== a[i] || (isFirst && j > 0 && /[a-z0-9]/.test(l[j - 1])))) j--;
    if (j < 0) return false;
    j--;
  }
  return true;
}

// Acronym followed by its expansion: "SMOTE - Synthetic minority over-sampling technique - …",
// "LDA - Latent Dirichlet Allocation". The expansion ends at the next separator or clause.
function acronymExpansion(term: string, fact: string): string | undefined {
  if (!/^[A-Z][A-Z0-9]{1,7}$/.test(term)) return undefined;
  const candidate = fact.split(/\s[-–—]\s|[,.;:(]/)[0].trim();
  const words = candidate.split(/\s+/);
  if (!candidate || words.length > term.length + 3 || words.length < 2) return undefined;
  if (candidate[0].toUpperCase() !== term[0]) return undefined;
  return lettersMatch(term, candidate) ? candidate : undefined;
}

export function splitTerm(text: string, opts: SplitOptions = {}): TermSplit | null {
  const maxWords = opts.maxWords ?? 6;
  const s = text.trim();
  if (!s) return null;

  // 1. bold-first: "**Boosting** Observations are weighted", "**JumpStart =** 1 click models".
  if (opts.leadingEmphasis && s.startsWith(opts.leadingEmphasis)) {
    const term = opts.leadingEmphasis.replace(/[\s:=]+$/, '');
    const after = s.slice(opts.leadingEmphasis.length);
    const explicit = /^\s*[:=]/.test(after) || /[:=]$/.test(opts.leadingEmphasis);
    const rest = after.replace(/^\s*[:=\-–]?\s*/, '');
    // Without ":" or "=", only a capitalised bold term glued to a capitalised definition
    // ("**Boosting** Observations are weighted") counts; "**unsupervised** algorithm" does not.
    const glued = /^[\p{Lu}\p{N}]/u.test(term) && /^\p{Lu}/u.test(rest);
    if (rest && validTerm(term, maxWords) && (explicit || glued) && /^[\p{L}\p{N}("'%]/u.test(rest)) return { term, fact: rest, kind: 'bold' };
  }

  const zero = depthZero(s);
  for (const sep of SEPS) {
    const m = firstAtDepthZero(s, sep, zero);
    if (!m) continue;
    const left = s.slice(0, m.index).trim();
    const right = s.slice(m.index + m[0].length).trim();
    if (!right || !validTerm(left, maxWords)) continue;
    if (sep.kind === 'colon' && /\d$/.test(left) && /^\d/.test(right)) continue; // a time "10:30"
    const split: TermSplit = { term: left, fact: right, kind: sep.kind };
    // "F1-score F1 = 2 * …": the symbol before "=" abbreviates the term, so it stays in the fact.
    if (sep.kind === 'equals') {
      const w = left.split(/\s+/);
      const last = w[w.length - 1];
      if (w.length >= 2 && last.length >= 1 && w[0].toLowerCase().startsWith(last.toLowerCase()) && w[0].length > last.length)
        return { term: w.slice(0, -1).join(' '), fact: `${last} = ${right}`, kind: 'equals' };
    }
    const alias = acronymExpansion(left, right);
    if (alias) split.alias = alias;
    return split;
  }

  // 6. "X (Y)" only when the caller knows the item sits in a term list.
  if (opts.paren) {
    const m = /^([^()]+?)\s*((?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)+)$/.exec(s);
    if (m) {
      const term = m[1].trim();
      const first = term.split(/\s+/)[0] ?? '';
      const words = term.split(/\s+/).length;
      const capitalised = /^[\p{Lu}\p{N}]/u.test(term);
      if (words <= 4 && capitalised && !FUNCTION_WORDS.has(first.toLowerCase())) {
        const groups = [...m[2].matchAll(/\(((?:[^()]|\([^()]*\))*)\)/g)].map((g) => g[1].trim()).filter(Boolean);
        const fact = groups.join('; ');
        if (fact) {
          const split: TermSplit = { term, fact, kind: 'paren' };
          const aka = /^(?:AKA|a\.k\.a\.?|aka|also known as)\s+(.+)$/i.exec(groups[0] ?? '');
          if (aka) split.alias = aka[1];
          return split;
        }
      }
    }
  }
  return null;
}

// Separators a heading must not contain (S1): any P5 separator at depth 0.
export function hasSeparator(text: string): boolean {
  return splitTerm(text, { maxWords: 12 }) !== null;
}
