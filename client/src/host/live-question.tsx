// A question on the projector: prompt, big countdown, the options with their shapes,
// and how many players have answered so far.
import { GAME_RULES, type HostView } from '../../../shared/game-types.js';
import { Countdown } from '../components/countdown.js';
import { OptionBadge } from '../components/option-badge.js';
import { optionStyle } from '../components/option-style.js';
import { topicLabel } from '../lib/format.js';
import type { Clock } from '../lib/stage.js';

export function LiveQuestion({ view, clock }: { view: HostView; clock: Clock | null }) {
  const stage = view.stage;
  if (stage.phase !== 'reading' && stage.phase !== 'talk' && stage.phase !== 'answering') return null;
  const q = stage.question;
  const answering = stage.phase === 'answering';
  const talking = stage.phase === 'talk';
  return (
    <section className="live-question" aria-labelledby="live-prompt">
      <div className="live-q-meta">
        <span>
          Question {q.index + 1} of {q.count}
        </span>
        <span className="question-topic">{topicLabel(q.topic)}</span>
      </div>
      <h1 id="live-prompt" className="live-prompt">
        {q.prompt}
      </h1>
      <div className="live-q-status">
        <Countdown
          size="xl"
          clock={clock}
          totalMs={answering ? q.seconds * 1000 : talking ? (view.teamTalkSeconds ?? 0) * 1000 : GAME_RULES.readingMs}
          label={answering ? 'Time left' : talking ? 'Team talk: answers open in' : 'Answers open in'}
          ticking={answering}
        />
        {answering ? (
          <p className="answer-count" aria-live="polite">
            <strong>{stage.answered}</strong> / {stage.total || view.playerCount} answered
          </p>
        ) : (
          <p className="answer-count">{talking ? 'Team talk: discuss the options with your team' : 'Read the question…'}</p>
        )}
      </div>
      {answering || talking ? (
        <ul className="live-options" role="list">
          {stage.question.options.map((label, i) => (
            <li key={i} className={`live-option ${optionStyle(i).className}`}>
              <OptionBadge index={i} size="lg" />
              <span className="live-option-text">{label}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
