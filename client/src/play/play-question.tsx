// Reading, team talk and answering: the prompt (unless the projector shows it), a countdown from
// the server's remainingMs, and the option buttons; the chosen answer locks in at once.
import { GAME_RULES, type PlayerView } from '../../../shared/game-types.js';
import { Countdown } from '../components/countdown.js';
import { Notice } from '../components/notice.js';
import { OptionBadge } from '../components/option-badge.js';
import { OptionButton } from '../components/option-button.js';
import { topicLabel } from '../lib/format.js';
import type { Clock } from '../lib/stage.js';
import { playerSession } from './player-session.js';

interface Props {
  view: PlayerView;
  clock: Clock | null;
  sending: boolean;
  notice: string | null;
}

export function PlayQuestion({ view, clock, sending, notice }: Props) {
  const stage = view.stage;
  if (stage.phase !== 'reading' && stage.phase !== 'talk' && stage.phase !== 'answering') return null;
  const question = stage.question;
  const onDevice = view.display === 'devices';
  const answering = stage.phase === 'answering';
  const talking = stage.phase === 'talk';
  const chosen = view.myAnswer;
  // In host-only display the server sends letters as labels (True/False stay words).
  const showLabels = onDevice || question.kind === 'true-false';

  return (
    <section className="play-question" aria-labelledby="question-title">
      <div className="question-meta">
        <span>
          Question {question.index + 1}/{question.count}
        </span>
        <span className="question-topic">{topicLabel(question.topic)}</span>
      </div>
      <Countdown
        clock={clock}
        totalMs={answering ? question.seconds * 1000 : talking ? (view.teamTalkSeconds ?? 0) * 1000 : GAME_RULES.readingMs}
        label={answering ? 'Time left' : talking ? 'Team talk: answers open in' : 'Answers open in'}
        ticking={answering && chosen === null}
      />
      <h1 id="question-title" className={onDevice ? 'question-prompt' : 'visually-hidden'}>
        {onDevice ? question.prompt : `Question ${question.index + 1}: look at the big screen`}
      </h1>
      {!onDevice ? <p className="look-up">Look at the big screen</p> : null}

      {talking ? (
        <>
          <p className="get-ready talk-now" aria-live="polite">
            Talk it over with {view.myTeam ? view.myTeam.name : 'your team'}: answers open soon.
          </p>
          <ul className={`options talk-options ${onDevice ? 'options-list' : 'options-grid'}`} aria-label="The options">
            {stage.question.options.map((label, i) => (
              <li key={i} className="talk-option">
                <OptionBadge index={i} />
                {showLabels ? <span>{label}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : !answering ? (
        <p className="get-ready" aria-live="polite">
          Get ready…
        </p>
      ) : chosen !== null ? (
        <div className="locked-in" role="status">
          <OptionBadge index={chosen} size="lg" />
          <div>
            <p className="locked-title">Answer locked in</p>
            {showLabels ? <p className="locked-label">{stage.question.options[chosen]}</p> : null}
            <p className="hint">{sending ? 'Sending…' : 'Waiting for the others…'}</p>
          </div>
        </div>
      ) : (
        <div className={`options ${onDevice ? 'options-list' : 'options-grid'}`} role="group" aria-label="Answers">
          {stage.question.options.map((label, i) => (
            <OptionButton
              key={i}
              index={i}
              label={showLabels ? label : null}
              chosen={false}
              correct={null}
              disabled={view.paused}
              onChoose={(index) => void playerSession.answer(index)}
            />
          ))}
        </div>
      )}
      <Notice>{notice}</Notice>
    </section>
  );
}
