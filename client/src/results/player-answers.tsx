// One player's answers, question by question: a list rather than a table, so it reads
// on a phone as well as on a laptop.
import type { AnswerStatus, ReportPlayer, ReportQuestion } from '../../../shared/report-types.js';
import { OptionBadge } from '../components/option-badge.js';

const STATUS: Record<AnswerStatus, { text: string; mark: string; className: string }> = {
  correct: { text: 'Right', mark: '✓', className: 'good-text' },
  wrong: { text: 'Wrong', mark: '✗', className: 'bad-text' },
  'no-answer': { text: 'No answer', mark: '–', className: 'bad-text' },
  'not-playing': { text: 'Not in the game yet', mark: '·', className: 'muted-text' },
  skipped: { text: 'Skipped by the host', mark: '·', className: 'muted-text' },
  'not-reached': { text: 'Not reached', mark: '·', className: 'muted-text' },
};

export function PlayerAnswers({ player, questions }: { player: ReportPlayer; questions: ReportQuestion[] }) {
  return (
    <ol className="answer-list" aria-label={`Answers of ${player.nickname}`}>
      {player.answers.map((a) => {
        const q = questions[a.questionIndex];
        const s = STATUS[a.status];
        const missed = a.status === 'wrong' || a.status === 'no-answer';
        return (
          <li key={a.questionIndex} className={`answer-item status-${a.status}`}>
            <p className="answer-q">
              <span className="answer-no">{a.questionIndex + 1}</span>
              <span>{q?.prompt ?? ''}</span>
            </p>
            <p className="answer-line">
              <span className={`answer-status ${s.className}`}>
                <span aria-hidden="true">{s.mark}</span> {s.text}
              </span>
              {a.optionIndex !== null ? (
                <span className="answer-choice">
                  <OptionBadge index={a.optionIndex} size="sm" /> {a.option}
                </span>
              ) : null}
            </p>
            <p className="hint answer-meta">
              {missed && q ? <>Right answer: {q.options[q.answerIndex]} · </> : null}
              {a.timeMs === null ? '' : `${(a.timeMs / 1000).toFixed(1)} s · `}
              {a.points.toLocaleString()} points
            </p>
          </li>
        );
      })}
    </ol>
  );
}
