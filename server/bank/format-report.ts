// The import report as plain text for a terminal: one block per file with its counts, the
// biggest topics, why lines were skipped and every flagged fact with where it conflicts.
import type { ImportReport } from './report.js';

const TOP_TOPICS = 8;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatImportReport(report: ImportReport, opts: { deckCreated?: boolean; ms?: number } = {}): string {
  const out: string[] = [];
  const d = report.deck;
  out.push(`Deck "${d.name}"${opts.deckCreated ? ' (created)' : ''}`);
  for (const f of report.files) {
    out.push('');
    out.push(`${f.name}  [${f.layout}, ${f.status}]  ${plural(f.facts, 'fact')}, ${plural(f.skipped.length, 'skipped line')}, ${f.flagged.length} flagged`);
    for (const w of f.warnings) out.push(`  ! ${w}`);
    if (f.factsByTopic.length) {
      const top = [...f.factsByTopic].sort((a, b) => b.count - a.count).slice(0, TOP_TOPICS);
      out.push(`  topics (${f.factsByTopic.length}), largest:`);
      for (const t of top) out.push(`    ${String(t.count).padStart(4)}  ${t.topic.length ? t.topic.join(' > ') : '(no topic)'}`);
    }
    const reasons = Object.entries(f.skippedByReason).sort((a, b) => b[1] - a[1]);
    if (reasons.length) out.push(`  skipped: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
    if (f.flagged.length) {
      out.push('  flagged:');
      for (const x of f.flagged) {
        out.push(`    line ${x.line}  ${clip(`${x.term}: ${x.fact}`)}  [${x.flags.join(', ')}]`);
        for (const c of x.conflictsWith ?? []) out.push(`        conflicts with ${c.file}:${c.line}  ${clip(`${c.term}: ${c.fact}`, 70)}`);
      }
    }
  }
  const t = report.totals;
  out.push('');
  out.push(`Imported ${plural(t.files, 'file')}: ${plural(t.facts, 'fact')}, ${plural(t.skipped, 'skipped line')}, ${t.flagged} flagged.`);
  out.push(`The deck now holds ${plural(d.files, 'file')}, ${plural(d.facts, 'fact')}, ${plural(d.topics, 'topic')} and ${plural(d.terms, 'term')}${opts.ms !== undefined ? ` (${(opts.ms / 1000).toFixed(1)} s)` : ''}.`);
  return out.join('\n');
}
