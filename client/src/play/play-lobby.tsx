import type { PlayerView } from '../../../shared/game-types.js';
import { CheckCircleIcon } from '../components/icons.js';
import { plural } from '../lib/format.js';

export function PlayLobby({ view }: { view: PlayerView }) {
  return (
    <section className="play-center play-lobby" aria-live="polite">
      <CheckCircleIcon className="icon big-icon" />
      <h1>You're in!</h1>
      <p className="lead">
        Find <strong>{view.me.nickname}</strong> on the big screen.
      </p>
      <p className="hint">
        {plural(view.questionCount, 'question')} · waiting for the host to start
        {view.playerCount > 1 ? ` · ${plural(view.playerCount, 'player')}` : ''}
      </p>
      {view.display === 'host-only' ? (
        <p className="hint">Questions appear on the big screen; you answer here with the shapes.</p>
      ) : null}
    </section>
  );
}
