// S9 helpers: a flashcard definition often packs several facts. This splits one into parts:
//  - embedded fields ("… Input: Must be record-IO Float32 Instances: CPU or GPU") become
//    attribute facts of the card's term, lining up with the table columns of other files;
//  - comparison cards ("CPU vs GPU", "Accuracy v.s. Precision v.s. Recall") and cards with
//    several "Name: …" labels become one fact per named item;
//  - inline lists ("* a * b", "1) a 2) b", ". - a - b") become one fact per item.

export interface CardPart {
  term?: string; // a named item of a comparison card; undefined = the card's own term
  attribute?: string;
  fact: string;
  rule: string;
}

const FIELD_NAMES = ['Input', 'Inputs', 'Data', 'Instances', 'Hyperparameters', 'Use cases', 'Output', 'Metrics'];
const FIELD_RE = new RegExp(`(?:^|(?<=\\S\\s))(${FIELD_NAMES.join('|')})\\s*:\\s`, 'g');
const NAMED_LABEL_RE = /(?:^|(?<=[.?!)]\s)|(?<=[a-z]\s))([A-Z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){0,3}):\s/g;
const COMPARE_RE = /\s+(?:vs\.?|v\.s\.?|versus|&)\s+/i;

interface Cut {
  at: number; // where the label starts
  body: number; // where its text starts
  name: string;
}

function partsFromCuts(def: string, cuts: Cut[]): { lead: string; items: { name: string; text: string }[] } {
  const sorted = [...cuts].sort((a, b) => a.at - b.at);
  const lead = def.slice(0, sorted[0]?.at ?? def.length).trim();
  const items = sorted.map((c, i) => ({ name: c.name, text: def.slice(c.body, sorted[i + 1]?.at ?? def.length).trim() }));
  return { lead, items: items.filter((x) => x.text) };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// "CPU vs GPU" -> names found in the definition as "GPU- …", "CPU: …" or a sentence start.
function comparisonCuts(term: string, def: string): Cut[] {
  const names = term.split(COMPARE_RE).map((n) => n.trim()).filter(Boolean);
  if (names.length < 2) return [];
  const cuts: Cut[] = [];
  for (const name of names) {
    const re = new RegExp(`(?:^|(?<=[\\s.?!)]))${escapeRe(name)}\\s*[-:–]\\s+`, 'i');
    const m = re.exec(def);
    if (m) cuts.push({ at: m.index, body: m.index + m[0].length, name });
    else {
      const start = new RegExp(`(?:^|(?<=[.?!]\\s))${escapeRe(name)}\\b`, 'i').exec(def);
      if (start && start.index > 0) cuts.push({ at: start.index, body: start.index, name });
    }
  }
  return cuts;
}

function inlineList(text: string): string[] | null {
  if ((text.match(/(?:^|\s)\*\s+[A-Z]/g)?.length ?? 0) >= 2)
    return text.split(/(?:^|\s)\*\s+/).map((s) => s.trim()).filter(Boolean);
  if (/(?:^|\s)1\)\s/.test(text) && /\s2\)\s/.test(text)) return text.split(/(?:^|\s)\d{1,2}\)\s+/).map((s) => s.trim()).filter(Boolean);
  const dash = text.split(/(?<=[.!?])\s+-\s+|\s+-\s+(?=[A-Z])/);
  if (dash.length >= 3) return dash.map((s) => s.trim()).filter(Boolean);
  return null;
}

export function explodeDefinition(term: string, def: string): CardPart[] {
  const parts: CardPart[] = [];
  const compare = COMPARE_RE.test(term) ? comparisonCuts(term, def) : [];
  if (compare.length >= 2 || (compare.length === 1 && COMPARE_RE.test(term))) {
    const { lead, items } = partsFromCuts(def, compare);
    if (items.length >= 1) {
      const leadName = term.split(COMPARE_RE)[0].trim();
      if (lead && !items.some((i) => i.name.toLowerCase() === leadName.toLowerCase())) parts.push({ term: leadName, fact: lead, rule: 'S9/compare' });
      else if (lead) parts.push({ fact: lead, rule: 'S9/pair' });
      for (const it of items) parts.push({ term: it.name, fact: it.text, rule: 'S9/compare' });
      return parts;
    }
  }

  const fields: Cut[] = [...def.matchAll(FIELD_RE)].map((m) => ({ at: m.index!, body: m.index! + m[0].length, name: m[1] }));
  const named: Cut[] = [...def.matchAll(NAMED_LABEL_RE)]
    .filter((m) => !FIELD_NAMES.includes(m[1]) && !/^(?:If|When|Then|Example|Note|For|The|This|It)\b/.test(m[1]))
    .map((m) => ({ at: m.index!, body: m.index! + m[0].length, name: m[1] }));
  const useNamed = named.length >= 2;
  const cuts = [...fields, ...(useNamed ? named : [])];
  if (cuts.length) {
    const { lead, items } = partsFromCuts(def, cuts);
    if (lead) parts.push(...listOrSingle(lead));
    for (const it of items) {
      const isField = FIELD_NAMES.includes(it.name);
      parts.push(isField ? { attribute: it.name, fact: it.text, rule: 'S9/field' } : { term: it.name, fact: it.text, rule: 'S9/named' });
    }
    return parts;
  }
  return listOrSingle(def);
}

function listOrSingle(text: string): CardPart[] {
  const list = inlineList(text);
  if (list && list.length >= 2) return list.map((fact) => ({ fact, rule: 'S9/inline-list' }));
  return [{ fact: text, rule: 'S9/pair' }];
}
