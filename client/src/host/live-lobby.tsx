// The lobby on the projector: the BIG room code, a QR code of the join link, and the
// players as they arrive (each with a kick button), plus the room lock. In team play the
// players are listed by team, each with a menu to move them to another team.
import { teamIdentity, type HostView, type PlayerSummary } from '../../../shared/game-types.js';
import { TeamBadge } from '../components/team-badge.js';
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
            {view.settings.teams ? ` · team play${view.teamTalkSeconds ? `, ${view.teamTalkSeconds} s team talk` : ''}` : ''}
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
        {view.settings.teams ? (
          <TeamColumns view={view} busy={busy} />
        ) : (
          <ul className="player-chips" role="list" aria-live="polite">
            {players.map((p) => (
              <PlayerChip key={p.playerId} player={p} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function PlayerChip({ player: p, children }: { player: PlayerSummary; children?: React.ReactNode }) {
  return (
    <li className={`player-chip${p.connected ? '' : ' is-away'}`}>
      <span>{p.nickname}</span>
      {children}
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
  );
}

/** The teams side by side: a fixed number of teams shows them all, teams of N those opened. */
function TeamColumns({ view, busy }: { view: HostView; busy: boolean }) {
  const setup = view.settings.teams!;
  const opened = Math.max(0, ...view.players.map((p) => (p.team ?? -1) + 1));
  const count = setup.by === 'count' ? setup.count : opened;
  const teams = Array.from({ length: count }, (_, i) => i);
  return (
    <div className="team-columns">
      {teams.map((team) => {
        const members = view.players.filter((p) => p.team === team);
        return (
          <section key={team} className="team-column" aria-label={teamIdentity(team).name} style={{ ['--team' as string]: teamIdentity(team).colour }}>
            <h3>
              <TeamBadge team={team} /> <small>{members.length}</small>
            </h3>
            <ul className="player-chips" role="list">
              {members.map((p) => (
                <PlayerChip key={p.playerId} player={p}>
                  <select
                    className="chip-team"
                    aria-label={`Team of ${p.nickname}`}
                    value={team}
                    disabled={busy}
                    onChange={(e) => void hostSession.moveToTeam(p.playerId, Number(e.target.value))}
                  >
                    {teams.map((t) => (
                      <option key={t} value={t}>
                        {teamIdentity(t).name}
                      </option>
                    ))}
                  </select>
                </PlayerChip>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
