// Where a question's note lives, with the lines around it when the file is still there.
import type { NoteSource } from '../../../shared/report-types.js';

interface Props {
  source: NoteSource;
  open?: boolean;
  /** Off where the note's text is already on screen (the player's review list). */
  withExplanation?: boolean;
}

export function NoteSourceView({ source, open = false, withExplanation = true }: Props) {
  const place = `${source.file}:${source.line}${source.lineEnd && source.lineEnd !== source.line ? `–${source.lineEnd}` : ''}`;
  if (!source.context || source.context.length === 0) {
    return (
      <p className="note-source hint">
        {withExplanation && source.explanation ? (
          <>
            {source.explanation}
            <br />
          </>
        ) : null}
        In your notes: <span className="mono">{place}</span>
      </p>
    );
  }
  return (
    <details className="note-source" open={open}>
      <summary>
        Re-read <span className="mono">{place}</span>
      </summary>
      <pre className="source-lines">
        {source.context.map((line) => (
          <span key={line.n} className={line.focus ? 'is-hit' : ''}>
            <span className="line-no">{line.n}</span>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </details>
  );
}
