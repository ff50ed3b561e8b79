// "Your weakest topics" for the player looking at their own phone, with the notes behind
// the questions they missed.
import type { YouSection } from '../../../shared/report-types.js';
import { percent, place, topicLabel } from '../lib/format.js';
import { StudyPlanLink } from '../components/study-plan-link.js';
import { NoteSourceView } from './note-source.js';

export function YourTopics({ you, missedHref }: { you: YouSection; missedHref: string }) {
  return (
    <section className="card you-card" aria-labelledby="you-title">
      <h2 id="you-title">Your weakest topics, {you.nickname}</h2>
      <p className="hint">
        {you.rank ? `${place(you.rank, you.tied)} place · ` : ''}
        {you.score.toLocaleString()} points · {you.correct}/{you.asked} right ({percent(you.accuracy)})
      </p>
      {you.weakestTopics.length === 0 ? (
        <p>You got every question right. Nothing to re-read!</p>
      ) : (
        <ol className="weak-topics">
          {you.weakestTopics.map((t) => (
            <li key={t.path.join('\u0000')}>
              <h3>
                {topicLabel(t.path)} <span className="weak-score">{percent(t.accuracy)}</span>{' '}
                <small className="hint">
                  ({t.correct}/{t.asked})
                </small>
              </h3>
              <ul className="review-notes" role="list">
                {t.notes.map((n) => (
                  <li key={`${n.questionIndex}-${n.factId ?? ''}`}>
                    <p>
                      <strong>{n.term}</strong> — {n.text}
                    </p>
                    <NoteSourceView source={n.source} withExplanation={false} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        {you.weakestTopics.length ? (
          <a className="button" href={missedHref} download>
            Download my missed facts (TSV, for flashcards)
          </a>
        ) : null}
        <StudyPlanLink />
      </div>
    </section>
  );
}
