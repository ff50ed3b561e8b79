import type { PlayerView } from '../../../shared/game-types.js';
import { CheckCircleIcon } from '../components/icons.js';
import { TeamBadge } from '../components/team-badge.js';
import { plural } from '../lib/format.js';

export function PlayLobby({ view }: { view: PlayerView }) {
  const lobby = view.lobby;
  const count = lobby?.count ?? view.playerCount;
  const more = lobby ? count - lobby.names.length : 0;
  return (
    <section className="play-center play-lobby">
      <CheckCircleIcon className="icon big-icon" />
      <h1>You're in!</h1>
      <p className="lead">
        Find <strong>{view.me.nickname}</strong> on the big screen.
      </p>
      {view.myTeam ? (
        <p className="lobby-team" aria-live="polite">
          You play for <TeamBadge team={view.myTeam.team} />
        </p>
      ) : null}
      <p className="hint">
        {plural(view.questionCount, 'question')} · waiting for the host to start
      </p>
      {view.display === 'host-only' ? (
        <p className="hint">Questions appear on the big screen; you answer here with the shapes.</p>
      ) : null}
      <section className="lobby-roster" aria-labelledby="lobby-roster-title">
        <h2 id="lobby-roster-title" aria-live="polite">
          {count === 1 ? 'Only you so far' : `${plural(count, 'player')} in`}
        </h2>
        {lobby && lobby.names.length > 1 ? (
          <ul className="roster-names">
            {lobby.names.map((name, i) => (
              <li key={`${i}-${name}`} className={name === view.me.nickname ? 'is-me' : undefined}>
                {name}
              </li>
            ))}
            {more > 0 ? <li className="roster-more">and {more} more</li> : null}
          </ul>
        ) : null}
      </section>
    </section>
  );
}
