// The reveal on the projector: how many chose each option (bars), the right one marked,
// how many of the players in the game got it right (those who did not answer count, as in
// the results), and the explanation with the place in the notes it came from.
import type { HostView } from '../../../shared/game-types.js';
import { OptionBadge } from '../components/option-badge.js';
import { optionStyle } from '../components/option-style.js';
import { topicLabel } from '../lib/format.js';

export function LiveReveal({ view }: { view: HostView }) {
  const stage = view.stage;
  if (stage.phase !== 'reveal') return null;
  const { question: q, reveal } = stage;
  const max = Math.max(1, ...reveal.counts);
  const right = reveal.counts[reveal.correctIndex] ?? 0;
  return (
    <section className="live-reveal" aria-labelledby="reveal-prompt">
      <div className="live-q-meta">
        <span>
          Question {q.index + 1} of {q.count}
        </span>
        <span>{reveal.skipped ? 'Skipped: no points' : rightOf(right, reveal.players, reveal.noAnswer)}</span>
      </div>
      <h1 id="reveal-prompt" className="live-prompt small">
        {q.prompt}
      </h1>
      <ul className="reveal-bars" role="list">
        {reveal.counts.map((count, i) => {
          const correct = i === reveal.correctIndex;
          return (
            <li key={i} className={`reveal-bar${correct ? ' is-correct' : ' is-wrong'}`}>
              <OptionBadge index={i} size="lg" />
              <span className="reveal-label">
                {q.options[i] || `Option ${i + 1}`}
                {correct ? <span className="correct-mark">✓ Correct</span> : null}
              </span>
              <span className="reveal-track" aria-hidden="true">
                <span className={`reveal-fill ${optionStyle(i).className}`} style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span className="reveal-count">{count}</span>
            </li>
          );
        })}
      </ul>
      <aside className="reveal-note">
        {reveal.explanation ? <p className="reveal-explanation">{reveal.explanation}</p> : null}
        <p className="reveal-source">
          From the notes: <span className="mono">{reveal.source.file}:{reveal.source.line}</span> · {topicLabel(reveal.source.topic)}
        </p>
      </aside>
    </section>
  );
}

/** "0 of 3 right · 1 no answer": the same figures as the results' "0/3, 1 no answer". */
function rightOf(right: number, players: number, noAnswer: number): string {
  return `${right} of ${players} right${noAnswer > 0 ? ` · ${noAnswer} no answer` : ''}`;
}
