// Play (`/play/:code`), phone first. Everything is redrawn from the PlayerView, so a
// refresh or a dropped connection lands on exactly the same screen after `room:resume`.
import { useEffect } from 'react';
import { Notice } from '../components/notice.js';
import { SoundToggle } from '../components/sound-toggle.js';
import { TeamBadge } from '../components/team-badge.js';
import { spacedCode } from '../lib/format.js';
import { reportPlayerId } from '../lib/ids.js';
import { Link, navigate } from '../lib/router.js';
import { useStore } from '../lib/store.js';
import { PlayFinal } from './play-final.js';
import { PlayLobby } from './play-lobby.js';
import { PlayQuestion } from './play-question.js';
import { PlayResult } from './play-result.js';
import { playerSession } from './player-session.js';

export function PlayScreen({ code }: { code: string }) {
  const snap = useStore(playerSession);
  const upper = code.toUpperCase();

  useEffect(() => {
    if (snap.status === 'live' && snap.code === upper) return;
    void playerSession.resume(upper).then((result) => {
      if (result === 'no-session') navigate(`/?code=${encodeURIComponent(upper)}`, { replace: true });
    });
    // Run on entering the page for this code only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [upper]);

  const { view, status } = snap;

  if (status === 'gone') {
    const last = snap.last;
    const title =
      snap.goneReason === 'finished' ? 'This game has finished' : snap.goneReason === 'kicked' ? 'You are out of this game' : 'Your session has ended';
    return (
      <main className="play-screen">
        <div className="play-center">
          <h1>{title}</h1>
          <Notice kind={snap.goneReason === 'finished' ? 'info' : 'error'}>{snap.notice}</Notice>
          {last && (snap.goneReason === 'finished' || snap.closed) ? (
            <Link className="button primary big" to={resultsPath(last.gameId, last.playerId)}>
              See what to re-read
            </Link>
          ) : null}
          <Link
            className="button big"
            to={snap.goneReason === 'expired' ? `/?code=${encodeURIComponent(upper)}` : '/'}
            onClick={() => playerSession.forget()}
          >
            {snap.goneReason === 'expired' ? 'Join again' : 'Join a game'}
          </Link>
        </div>
      </main>
    );
  }

  if (status === 'replaced') {
    return (
      <main className="play-screen">
        <div className="play-center">
          <h1>This game continues elsewhere</h1>
          <p className="lead">It was opened on another tab or device, or the server closed this connection.</p>
          <button type="button" className="button primary big" onClick={() => playerSession.takeOver()}>
            Play here instead
          </button>
        </div>
      </main>
    );
  }

  if (!view || snap.code !== upper) {
    return (
      <main className="play-screen">
        <div className="play-center" role="status">
          <div className="spinner" aria-hidden="true" />
          <p>Connecting to {spacedCode(upper)}…</p>
        </div>
      </main>
    );
  }

  const stage = view.stage;
  const finished = stage.phase === 'podium' || stage.phase === 'ended';
  return (
    <main className={`play-screen phase-${stage.phase}`}>
      <header className="play-header">
        <span className="play-who">
          <strong className="play-nick">{view.me.nickname}</strong>
          <span className="play-code mono">{spacedCode(view.code)}</span>
        </span>
        {view.myTeam ? <TeamBadge team={view.myTeam.team} className="play-team" /> : null}
        <span className="play-score" aria-label={`Score ${view.me.score}`}>
          {view.me.score.toLocaleString()} <small>pts</small>
        </span>
        <SoundToggle />
      </header>

      {status === 'reconnecting' || status === 'resuming' ? (
        <div className="banner banner-warn" role="status">
          <span className="spinner small" aria-hidden="true" /> Reconnecting…
        </div>
      ) : null}
      {view.paused && !finished ? (
        <div className="banner banner-info" role="status">
          Paused by the host
        </div>
      ) : null}

      {stage.phase === 'lobby' ? <PlayLobby view={view} /> : null}
      {stage.phase === 'reading' || stage.phase === 'talk' || stage.phase === 'answering' ? (
        <PlayQuestion view={view} clock={snap.clock} sending={snap.sending} notice={snap.notice} />
      ) : null}
      {stage.phase === 'reveal' || stage.phase === 'leaderboard' ? <PlayResult view={view} /> : null}
      {finished ? <PlayFinal view={view} resultsHref={resultsPath(view.gameId, view.me.playerId)} /> : null}
    </main>
  );
}

export function resultsPath(gameId: string, playerId: string): string {
  return `/results/${encodeURIComponent(gameId)}?player=${encodeURIComponent(reportPlayerId(gameId, playerId))}`;
}
