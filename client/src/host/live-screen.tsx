// Live room on the projector (`/host/game/:gameId`). The host attaches with the per-game
// host token kept in this browser; Space or → moves on, p pauses and resumes, f at a reveal
// flags the question for fixing (flag-question.tsx). With auto-advance on, a reveal and a
// leaderboard move on by themselves (auto-advance.tsx); the toolbar changes the setting.
import { useEffect, useRef } from 'react';
import type { HostView } from '../../../shared/game-types.js';
import { Notice } from '../components/notice.js';
import { SoundToggle } from '../components/sound-toggle.js';
import { spacedCode } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useStore } from '../lib/store.js';
import { hostGames, hostSecret } from '../lib/storage.js';
import { AdvanceCountdown, AutoAdvanceSelect } from './auto-advance.js';
import { FlagButton, useQuestionFlags } from './flag-question.js';
import { hostSession, type HostSnapshot } from './host-session.js';
import { LiveBoard } from './live-board.js';
import { LiveLobby } from './live-lobby.js';
import { LiveQuestion } from './live-question.js';
import { LiveReveal } from './live-reveal.js';
import { useFitToBox } from './use-fit.js';

export function LiveScreen({ gameId }: { gameId: string }) {
  // The per-game token from creating the game; failing that, the server's host secret
  // also lets a host screen take over (a browser whose storage was cleared).
  const stored = hostGames.get(gameId);
  const secret = hostSecret.get();
  const key = stored ?? (secret ? { hostToken: secret, code: '', joinUrl: '' } : null);
  const snap = useStore(hostSession);
  const flags = useQuestionFlags(gameId);
  const flagRef = useRef(flags.flag);
  flagRef.current = flags.flag;
  const stageRef = useRef<HTMLDivElement>(null);
  // The lobby may scroll (QR code, player list); every other phase fits the screen.
  useFitToBox(stageRef, !!snap.view && snap.view.stage.phase !== 'lobby');

  useEffect(() => {
    if (key) hostSession.attach(gameId, key.hostToken);
    return () => hostSession.detach();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gameId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // Space on a focused button or link already activates it.
      const onControl = target && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
      if ((event.key === ' ' && !onControl) || event.key === 'ArrowRight') {
        event.preventDefault();
        void primaryAction(hostSession.getSnapshot());
      } else if (event.key === 'p' || event.key === 'P') {
        event.preventDefault();
        void togglePause(hostSession.getSnapshot());
      } else if (event.key === 'f' || event.key === 'F') {
        const stage = hostSession.getSnapshot().view?.stage;
        if (stage?.phase !== 'reveal') return;
        event.preventDefault();
        void flagRef.current(stage.question.index);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!key) {
    return (
      <main className="host-live">
        <div className="card live-message">
          <h1>This browser is not the host of that game</h1>
          <p>The game's host key is kept in the browser that created it. Open the live room there, or create a new game.</p>
          <div className="button-row">
            <Link className="button" to={`/results/${encodeURIComponent(gameId)}`}>
              Results of this game
            </Link>
            <Link className="button primary" to="/host/new">
              New game
            </Link>
          </div>
        </div>
      </main>
    );
  }

  const view = snap.view;
  if (!view) {
    return (
      <main className="host-live">
        <div className="card live-message" role="status">
          {snap.status === 'failed' ? (
            <>
              <h1>Cannot open the live room</h1>
              <Notice>{snap.error}</Notice>
              <div className="button-row">
                <Link className="button" to="/host/history">
                  Past games
                </Link>
                <Link className="button primary" to={`/results/${encodeURIComponent(gameId)}`}>
                  Results of this game
                </Link>
              </div>
            </>
          ) : (
            <p>
              <span className="spinner" aria-hidden="true" /> Opening the room…
            </p>
          )}
        </div>
      </main>
    );
  }

  const stage = view.stage;
  const primary = primaryLabel(view);
  const running = stage.phase === 'reading' || stage.phase === 'talk' || stage.phase === 'answering';
  const waiting = stage.phase === 'reveal' || stage.phase === 'leaderboard';
  const over = stage.phase === 'podium' || stage.phase === 'ended';
  return (
    <main className={`host-live phase-${stage.phase}`}>
      <header className="live-top">
        <Link to="/host" className="live-home" title="Host home">
          Quiz <span>night</span>
        </Link>
        <div className="live-top-right">
          {stage.phase !== 'lobby' && stage.phase !== 'podium' && stage.phase !== 'ended' ? (
            <>
              <span className="live-code">
                Join at <strong className="mono">{spacedCode(view.code)}</strong>
              </span>
              <span className="live-count">{view.playerCount} players</span>
            </>
          ) : null}
          <SoundToggle />
        </div>
      </header>

      {snap.status === 'reconnecting' ? (
        <div className="banner banner-warn" role="status">
          Reconnecting…
        </div>
      ) : null}
      {view.paused ? (
        <div className="banner banner-info" role="status">
          Paused · press P to resume
        </div>
      ) : null}

      <div className="live-stage" ref={stageRef}>
        {stage.phase === 'lobby' ? <LiveLobby view={view} joinUrl={key.joinUrl} busy={snap.busy} /> : null}
        {running ? <LiveQuestion view={view} clock={snap.clock} /> : null}
        {stage.phase === 'reveal' ? <LiveReveal view={view} /> : null}
        {stage.phase === 'leaderboard' || stage.phase === 'podium' || stage.phase === 'ended' ? <LiveBoard view={view} /> : null}
      </div>

      <footer className="live-controls">
        {stage.phase === 'reveal' ? <FlagButton state={flags.states[stage.question.index]} onFlag={() => void flags.flag(stage.question.index)} /> : null}
        {waiting ? <AdvanceCountdown clock={snap.advance} totalMs={view.settings.autoAdvanceSeconds * 1000} /> : null}
        <Notice>{snap.error ?? flags.error}</Notice>
        {!over ? (
          <div className="advance-control">
            <label htmlFor="live-advance">Auto-advance</label>
            <AutoAdvanceSelect
              id="live-advance"
              value={view.settings.autoAdvanceSeconds}
              onChange={(seconds) => void hostSession.setAutoAdvance(seconds)}
              disabled={snap.busy}
              compact
            />
          </div>
        ) : null}
        <div className="button-row">
          {canPause(snap) ? (
            <button type="button" className="button" onClick={() => void togglePause(snap)} aria-keyshortcuts="p">
              {view.paused ? 'Resume (P)' : 'Pause (P)'}
            </button>
          ) : null}
          {running ? (
            <button type="button" className="button" onClick={() => void hostSession.send('game:skip')} disabled={snap.busy}>
              Skip question
            </button>
          ) : null}
          {stage.phase !== 'ended' && stage.phase !== 'podium' ? (
            <button
              type="button"
              className="button ghost danger-text"
              onClick={() => {
                if (window.confirm('End the game now? Scores so far are kept in the results.')) void hostSession.send('game:end');
              }}
            >
              End game
            </button>
          ) : null}
          {stage.phase === 'ended' || snap.closed ? (
            <Link className="button primary big" to={`/results/${encodeURIComponent(view.gameId)}`}>
              Open the results
            </Link>
          ) : primary ? (
            <button
              type="button"
              className="button primary big"
              onClick={() => void primaryAction(snap)}
              disabled={snap.busy || (stage.phase === 'lobby' && view.playerCount === 0)}
              aria-keyshortcuts="Space ArrowRight"
            >
              {primary} <kbd>Space</kbd>
            </button>
          ) : null}
        </div>
      </footer>
    </main>
  );
}

function primaryLabel(view: HostView): string | null {
  const stage = view.stage;
  switch (stage.phase) {
    case 'lobby':
      return 'Start the game';
    case 'reveal':
      return stage.question.index + 1 >= view.questionCount ? 'Show the podium' : 'Leaderboard';
    case 'leaderboard':
      return 'Next question';
    case 'podium':
      return 'Finish';
    default:
      return null;
  }
}

async function primaryAction(snap: HostSnapshot): Promise<void> {
  const view = snap.view;
  if (!view || snap.busy) return;
  const phase = view.stage.phase;
  if (phase === 'lobby') {
    if (view.playerCount > 0) await hostSession.send('game:start');
  } else if (phase === 'reveal' || phase === 'leaderboard' || phase === 'podium') {
    await hostSession.send('game:next');
  }
}

/** A question's clock, or the wait of a reveal or leaderboard that moves on by itself. */
function canPause(snap: HostSnapshot): boolean {
  const view = snap.view;
  if (!view) return false;
  const phase = view.stage.phase;
  return phase === 'reading' || phase === 'talk' || phase === 'answering' || view.paused || snap.advance !== null;
}

async function togglePause(snap: HostSnapshot): Promise<void> {
  if (!canPause(snap)) return;
  await hostSession.send(snap.view!.paused ? 'game:resume' : 'game:pause');
}
