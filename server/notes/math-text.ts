// Turns a small LaTeX formula into readable plain text ("\frac{TP}{TP+FN}" -> "TP/(TP+FN)").
// Notes only use a handful of commands; anything unknown loses its backslash rather than
// leaking markup into a question.

const SYMBOLS: Record<string, string> = {
  mu: 'μ',
  sigma: 'σ',
  Sigma: 'Σ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  epsilon: 'ε',
  lambda: 'λ',
  theta: 'θ',
  pi: 'π',
  sum: 'Σ',
  prod: 'Π',
  cdot: '·',
  times: '×',
  div: '÷',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  pm: '±',
  to: '→',
  rightarrow: '→',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
};

// Reads one {...} group starting at `i` (which must point at "{"); returns its body and the
// index just after the closing brace. Unbalanced input returns the rest of the string.
function readGroup(s: string, i: number): { body: string; next: number } {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}') {
      depth--;
      if (depth === 0) return { body: s.slice(i + 1, j), next: j + 1 };
    }
  }
  return { body: s.slice(i + 1), next: s.length };
}

// A fraction side needs parentheses when it is more than one operand.
function wrap(side: string): string {
  const t = side.trim();
  return /^[\w.μσαβγλθπ]+$/.test(t) ? t : `(${t})`;
}

export function latexToText(latex: string): string {
  let out = '';
  let i = 0;
  const s = latex;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      const m = /^\\([A-Za-z]+)/.exec(s.slice(i));
      if (!m) {
        // "\," "\;" "\{" and friends: keep the escaped character, drop spacing commands.
        const next = s[i + 1] ?? '';
        out += /[{}%$&#_]/.test(next) ? next : ' ';
        i += 2;
        continue;
      }
      const cmd = m[1];
      i += m[0].length;
      if (cmd === 'frac' || cmd === 'dfrac' || cmd === 'tfrac') {
        while (s[i] === ' ') i++;
        const a = s[i] === '{' ? readGroup(s, i) : { body: s[i] ?? '', next: i + 1 };
        let j = a.next;
        while (s[j] === ' ') j++;
        const b = s[j] === '{' ? readGroup(s, j) : { body: s[j] ?? '', next: j + 1 };
        out += `${wrap(latexToText(a.body))}/${wrap(latexToText(b.body))}`;
        i = b.next;
      } else if (cmd === 'sqrt') {
        if (s[i] === '{') {
          const g = readGroup(s, i);
          out += `√(${latexToText(g.body)})`;
          i = g.next;
        } else out += '√';
      } else if (cmd === 'left' || cmd === 'right' || cmd === 'mathrm' || cmd === 'text' || cmd === 'textbf' || cmd === 'mathbf') {
        // Formatting wrappers: keep their content only.
      } else {
        out += SYMBOLS[cmd] ?? cmd;
      }
      continue;
    }
    if (ch === '{' || ch === '}') {
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out.replace(/\s+/g, ' ').trim();
}
