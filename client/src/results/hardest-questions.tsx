// The questions the group found hardest: right answer, the wrong option most chosen,
// and the note to re-read.
import type { HardQuestion } from '../../../shared/report-types.js';
import { percent, topicLabel } from '../lib/format.js';
import { NoteSourceView } from './note-source.js';

export function HardestQuestions({ hardest }: { hardest: HardQuestion[] }) {
  if (hardest.length === 0) return <p className="hint">Every counted question was answered right by everyone.</p>;
  return (
    <ol className="hardest">
      {hardest.map((q) => (
        <li key={q.index} className="card hard-card">
          <p className="hint">
            Question {q.index + 1} · {topicLabel(q.topic)} · <strong>{percent(q.accuracy)}</strong> right ({q.correct}/{q.asked}
            {q.noAnswer ? `, ${q.noAnswer} no answer` : ''})
          </p>
          <p className="hard-prompt">{q.prompt}</p>
          <p>
            <span className="good-text">✓ Right answer:</span> {q.correctOption}
          </p>
          {q.mostChosenWrong ? (
            <p>
              <span className="bad-text">✗ Most chosen wrong:</span> {q.mostChosenWrong.text}{' '}
              <span className="hint">({q.mostChosenWrong.count} chose it)</span>
            </p>
          ) : null}
          <NoteSourceView source={q.source} />
        </li>
      ))}
    </ol>
  );
}
