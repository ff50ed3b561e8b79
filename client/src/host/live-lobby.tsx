// The lobby on the projector: the BIG room code, a QR code of the join link, and the
// players as they arrive (each with a kick button), plus the room lock.
import type { HostView } from '../../../shared/game-types.js';
import { LockIcon } from '../components/icons.js';
import { QrCode } from '../components/qr-code.js';
import { spacedCode } from '../lib/format.js';
import { hostSession } from './host-session.js';

export function LiveLobby({ view, joinUrl, busy }: { view: HostView; joinUrl: string; busy: boolean }) {
  const url = joinUrl || `${location.origin}/?code=${view.code}`;
  const shown = url.replace(/^https?:\/\//, '');
  // The server gives phones this computer's network address when the host screen was opened
  // as localhost (which no phone can reach): say so, or the address looks like a mistake.
  const viaLan = /^(localhost|127\.|\[::1\])/.test(location.hostname) && !url.startsWith(location.origin);
  const players = view.players;
  return (
    <section className="live-lobby" aria-labelledby="lobby-code">
      <div className="lobby-join">
        <div className="lobby-code-box">
          <p className="lobby-label">Join at {shown.split('/?')[0]} with code</p>
          <p id="lobby-code" className="lobby-code mono" aria-label={`Room code ${view.code.split('').join(' ')}`}>
            {spacedCode(view.code)}
          </p>
          <p className="lobby-url mono">{shown}</p>
          {viaLan ? (
            <p className="lobby-facts lobby-note">Phones cannot reach {location.hostname}: they use this computer's network address.</p>
          ) : null}
          <p className="lobby-facts">
            {view.questionCount} questions · {view.settings.secondsPerQuestion} s each ·{' '}
            {view.settings.display === 'host-only' ? 'answers on this screen' : 'questions on every phone'}
          </p>
        </div>
        <QrCode text={url} size={260} label={`QR code for ${url}`} />
      </div>

      <div className="lobby-players">
        <header className="lobby-players-head">
          <h2>
            {players.length === 0 ? 'Waiting for players…' : `${view.playerCount} ${view.playerCount === 1 ? 'player' : 'players'}`}
          </h2>
          <button
            type="button"
            className={`button${view.locked ? ' warn' : ''}`}
            aria-pressed={view.locked}
            onClick={() => void hostSession.lock(!view.locked)}
            disabled={busy}
          >
            {view.locked ? (
              <>
                <LockIcon /> Locked: unlock room
              </>
            ) : (
              'Lock room'
            )}
          </button>
        </header>
        <ul className="player-chips" role="list" aria-live="polite">
          {players.map((p) => (
            <li key={p.playerId} className={`player-chip${p.connected ? '' : ' is-away'}`}>
              <span>{p.nickname}</span>
              <button
                type="button"
                className="chip-kick"
                aria-label={`Remove ${p.nickname}`}
                title={`Remove ${p.nickname}`}
                onClick={() => {
                  if (window.confirm(`Remove ${p.nickname} from the game? They cannot rejoin.`)) void hostSession.kick(p.playerId);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
