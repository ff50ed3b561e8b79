// Kind D, table cells. D1: a value found in exactly one row of a column -> which row. D3: a row ->
// which cell of that column. Only rows whose cell is known take part: a missing cell is unknown,
// not empty (S3 Intelligent-Tiering has no Access Frequency, so it never answers one).
import type { Table } from '../bank-index.js';
import { pickOptions, type Option } from '../distractors.js';
import { MAX_OPTION, MAX_PROMPT, cleanFact, entityOf, isTable, optionText, readable, source, termLineOf, type Ctx, type KindBuilder } from '../guards.js';
import { leakKeyOfText, leaks } from '../mask.js';
import { capitalise, fitClause, normaliseOption, overlapsTooMuch } from '../text.js';
import type { BankFact } from '../types.js';

function tableOf(ix: Ctx['ix'], f: BankFact): Table | null {
  const m = f.group ? /^(table:[^:]+):/.exec(f.group) : null;
  return m ? (ix.tables.get(`${f.file}#${m[1]}`) ?? null) : null;
}

function cellOk(f: BankFact): boolean {
  return cleanFact(f) && readable(f.fact) && fitClause(f.fact, MAX_OPTION) !== null;
}

function sameValue(ix: Ctx['ix'], a: BankFact, b: BankFact): boolean {
  return normaliseOption(a.fact) === normaliseOption(b.fact) || overlapsTooMuch(ix.stemsOf(a), ix.stemsOf(b));
}

function tableName(t: Table): string {
  return t.topic[t.topic.length - 1] ?? 'notes';
}

export const tableCell: KindBuilder = {
  kind: 'table-cell',
  eligible(ctx, f) {
    return isTable(f) && !!f.attribute && cellOk(f) && tableOf(ctx.ix, f) !== null;
  },
  build(ctx, f, rng) {
    const table = tableOf(ctx.ix, f)!;
    const col = table.columns.get(f.attribute!.toLowerCase());
    if (!col) return null;
    const known = [...col.rows].map(([row, cells]) => ({ row, cells: cells.filter(cellOk) })).filter((r) => r.cells.length);
    const mine = col.rows.get(f.termKey) ?? [];
    const others = known.filter((r) => r.row !== f.termKey);
    const value = fitClause(f.fact, MAX_OPTION)!;
    const rowName = f.term.trim();
    const name = tableName(table);

    const ix = ctx.ix;
    const key = entityOf(ix, f);
    const valueStems = ix.stemsOf(f);
    // D1 needs a value that no other row shares (a single right answer), and a row whose notes
    // elsewhere say something like the value could be argued for: it is left out.
    const unique = !others.some((r) => r.cells.some((c) => sameValue(ix, c, f)));
    const rowOptions: Option[] = unique
      ? others
          .filter((r) => r.cells[0].term.trim().length <= MAX_OPTION && !entityOf(ix, r.cells[0]).stems.some((s) => overlapsTooMuch(s, valueStems)))
          .map((r) => ({ text: r.cells[0].term.trim(), fact: r.cells[0], line: termLineOf(r.cells[0]), entityKey: r.row, tier: 'list', score: 3 }))
      : [];
    // D3: one cell per other row that matches nothing the notes say about the key row's entity.
    const cellOptions: Option[] = [];
    for (const r of others) {
      const c = r.cells.find((x) => !mine.some((m) => sameValue(ix, m, x)) && !key.stems.some((s) => overlapsTooMuch(s, ix.stemsOf(x))) && optionText(x.fact, MAX_OPTION));
      if (c) cellOptions.push({ text: capitalise(fitClause(c.fact, MAX_OPTION)!), fact: c, line: c.lineStart, entityKey: r.row, tier: 'list', score: 3 });
    }
    const d1Prompt = `In the "${name}" table, which row has "${value}" in the ${col.attr} column?`;
    const d1 = rowOptions.length >= 3 && rowName.length <= MAX_OPTION && d1Prompt.length <= MAX_PROMPT && !leaks(d1Prompt, leakKeyOfText(ctx.ix, rowName));
    const keyCell = optionText(f.fact, MAX_OPTION);
    const d3Prompt = /item/.test(f.rule)
      ? `In the "${name}" table, which item does the ${col.attr} column list for ${rowName}?`
      : `In the "${name}" table, what does the ${col.attr} column say for ${rowName}?`;
    const d3 = !!keyCell && cellOptions.length >= 3 && d3Prompt.length <= MAX_PROMPT && !leaks(d3Prompt, leakKeyOfText(ctx.ix, keyCell));
    if (!d1 && !d3) return null;
    // Both forms possible: a coin decides, and the other form is the fallback when the chosen
    // one cannot find three distinct options (several rows may share one value).
    const modes = d1 && d3 ? (rng.coin() ? [true, false] : [false, true]) : [d1];
    let useD1 = false;
    let picked: Option[] | null = null;
    for (const m of modes) {
      picked = pickOptions(m ? rowName : keyCell!, f.termKey, m ? rowOptions : cellOptions, 3, rng);
      useD1 = m;
      if (picked) break;
    }
    if (!picked) return null;
    const keyText = useD1 ? rowName : keyCell!;
    const line = useD1 ? termLineOf(f) : f.lineStart;
    return {
      kind: 'table-cell',
      prompt: useD1 ? d1Prompt : d3Prompt,
      key: { text: keyText, source: source(f, line) },
      distractors: picked.map((o) => ({ text: o.text, source: source(o.fact, o.line) })),
      fact: f,
      line,
      termKey: key.key,
      attribute: f.attribute,
      explanation: `${rowName} (${col.attr}): ${f.fact}`,
    };
  },
};
