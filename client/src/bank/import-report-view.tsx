// What an import did, per file: facts per topic, skipped lines with the reason, and facts
// the importer flagged for a human to look at, all in plain words (shared/notes-labels.ts).
import { factFlagLabel, layoutLabel, skipReasonLabel } from '../../../shared/notes-labels.js';
import { topicLabel } from '../lib/format.js';
import type { ImportReport } from './bank-types.js';

const STATUS: Record<string, string> = { imported: 'imported', replaced: 'replaced the earlier version', unchanged: 'unchanged (same content)' };

export function ImportReportView({ report, onClose }: { report: ImportReport; onClose(): void }) {
  return (
    <section className="card import-report" aria-labelledby="report-title" role="status">
      <header className="card-header">
        <h3 id="report-title">
          Import report: {report.totals.facts} facts
          {report.totals.skipped ? `, ${report.totals.skipped} lines skipped` : ''}
          {report.totals.flagged ? `, ${report.totals.flagged} worth a look` : ''}
        </h3>
        <button type="button" className="button ghost small" onClick={onClose}>
          Close
        </button>
      </header>
      {report.files.map((file) => (
        <article key={file.fileId || file.name} className="report-file">
          <h4>
            {file.name}{' '}
            <span className="tag" title={layoutLabel(file.layout).hint || undefined}>
              {layoutLabel(file.layout).label}
            </span>{' '}
            <span className="hint">
              {STATUS[file.status] ?? file.status} · {file.facts} facts
            </span>
          </h4>
          {file.factsByTopic.length ? (
            <details>
              <summary>Facts per topic ({file.factsByTopic.length} topics)</summary>
              <ul className="compact-list">
                {file.factsByTopic.map((t) => (
                  <li key={t.topic.join('\u0000')}>
                    <span>{topicLabel(t.topic)}</span> <span className="count">{t.count}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {file.skipped.length ? (
            <details>
              <summary>
                Skipped lines ({file.skipped.length}):{' '}
                {Object.entries(file.skippedByReason)
                  .map(([reason, n]) => `${skipReasonLabel(reason).label} (${n})`)
                  .join(', ')}
              </summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Text</th>
                  </tr>
                </thead>
                <tbody>
                  {file.skipped.slice(0, 200).map((s) => (
                    <tr key={`${s.line}-${s.reason}`}>
                      <td className="mono">{s.line}</td>
                      <td title={skipReasonLabel(s.reason).hint || undefined}>{skipReasonLabel(s.reason).label}</td>
                      <td className="clip">{s.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {file.skipped.length > 200 ? <p className="hint">…and {file.skipped.length - 200} more.</p> : null}
            </details>
          ) : null}
          {file.flagged.length ? (
            <details>
              <summary>Facts worth a look ({file.flagged.length})</summary>
              <ul className="compact-list">
                {file.flagged.slice(0, 200).map((f) => (
                  <li key={`${f.line}-${f.term}`}>
                    <span className="mono">:{f.line}</span> <strong>{f.term}</strong> — {f.fact}{' '}
                    {f.flags.map((flag) => (
                      <span key={flag} className="tag warn" title={factFlagLabel(flag).hint || undefined}>
                        {factFlagLabel(flag).label}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </article>
      ))}
    </section>
  );
}
