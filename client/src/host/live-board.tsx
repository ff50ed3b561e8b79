// Leaderboard (top 5 after a question) and the final podium (top 3) on the projector; in team
// play, team bars and a podium of teams with each team's best scorer.
import { teamIdentity, type HostView, type TeamEntry } from '../../../shared/game-types.js';
import { FlameIcon, Medal } from '../components/icons.js';
import { TeamBadge } from '../components/team-badge.js';

export function LiveBoard({ view }: { view: HostView }) {
  const stage = view.stage;
  if (stage.phase === 'leaderboard' && stage.leaderboard.teams) return <TeamBoard view={view} teams={stage.leaderboard.teams} />;
  if ((stage.phase === 'podium' || stage.phase === 'ended') && stage.podium?.teams?.length) {
    return <TeamPodium teams={stage.podium.teams} ended={stage.phase === 'ended'} players={stage.podium.totalPlayers} />;
  }
  if (stage.phase === 'leaderboard') {
    const board = stage.leaderboard;
    const best = Math.max(1, ...board.top.map((e) => e.score));
    return (
      <section className="live-board" aria-labelledby="board-title">
        <h1 id="board-title">Leaderboard</h1>
        <p className="hint">
          After question {board.afterIndex + 1} of {board.count} · {board.totalPlayers} players
        </p>
        <ol className="board-list">
          {board.top.map((entry) => (
            <li key={entry.playerId} className="board-row">
              <span className="board-rank">{entry.rank}</span>
              <span className="board-name">
                {entry.nickname}
                {entry.streak >= 2 ? <span className="board-streak" aria-label={`streak ${entry.streak}`}>
                    <FlameIcon />
                    {entry.streak}
                  </span> : null}
              </span>
              <span className="board-track" aria-hidden="true">
                <span className="board-fill" style={{ width: `${(entry.score / best) * 100}%` }} />
              </span>
              <span className="board-score">{entry.score.toLocaleString()}</span>
            </li>
          ))}
        </ol>
      </section>
    );
  }
  const podium = stage.phase === 'podium' ? stage.podium : stage.phase === 'ended' ? stage.podium : null;
  if (!podium || podium.top.length === 0) {
    return (
      <section className="live-board">
        <h1>Game over</h1>
        <p className="lead">The results are ready: see which topics to re-read.</p>
      </section>
    );
  }
  const order = podiumOrder(podium.top);
  return (
    <section className="live-board" aria-labelledby="podium-title">
      <h1 id="podium-title">{stage.phase === 'ended' ? 'Final standings' : 'Podium'}</h1>
      <ol className="podium" aria-label="Podium">
        {order.map((entry) => (
          <li key={entry.playerId} className={`podium-step place-${entry.rank}`} value={entry.rank}>
            <Medal place={entry.rank} size="lg" />
            <span className="podium-name">{entry.nickname}</span>
            <span className="podium-score">{entry.score.toLocaleString()} {entry.score === 1 ? 'point' : 'points'}</span>
            <span className="podium-block">{entry.rank}</span>
          </li>
        ))}
      </ol>
      <p className="hint">{podium.totalPlayers} players took part</p>
    </section>
  );
}

/** Team bars after a question: every team (up to eight), its score and best scorer. */
function TeamBoard({ view, teams }: { view: HostView; teams: TeamEntry[] }) {
  const stage = view.stage;
  if (stage.phase !== 'leaderboard') return null;
  const best = Math.max(1, ...teams.map((t) => t.score));
  return (
    <section className="live-board" aria-labelledby="board-title">
      <h1 id="board-title">Teams</h1>
      <p className="hint">
        After question {stage.leaderboard.afterIndex + 1} of {stage.leaderboard.count} · {teams.length} teams
      </p>
      <ol className="board-list team-board">
        {teams.map((t) => (
          <li key={t.team} className="board-row">
            <span className="board-rank">{t.rank}</span>
            <span className="board-name">
              <TeamBadge team={t.team} />
              {t.streak >= 2 ? (
                <span className="board-streak" aria-label={`team streak ${t.streak}`}>
                  <FlameIcon />
                  {t.streak}
                </span>
              ) : null}
              {t.best ? <small className="board-best">best: {t.best.nickname}</small> : null}
            </span>
            <span className="board-track" aria-hidden="true">
              <span className="board-fill" style={{ width: `${(t.score / best) * 100}%`, background: teamIdentity(t.team).colour }} />
            </span>
            <span className="board-score">{t.score.toLocaleString()}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TeamPodium({ teams, ended, players }: { teams: TeamEntry[]; ended: boolean; players: number }) {
  const order = podiumOrder(teams);
  return (
    <section className="live-board" aria-labelledby="podium-title">
      <h1 id="podium-title">{ended ? 'Final standings' : 'Podium'}</h1>
      <ol className="podium" aria-label="Podium of teams">
        {order.map((t) => (
          <li key={t.team} className={`podium-step place-${t.rank}`} value={t.rank}>
            <Medal place={t.rank} size="lg" />
            <span className="podium-name">
              <TeamBadge team={t.team} />
            </span>
            <span className="podium-score">{t.score.toLocaleString()} points</span>
            {t.best ? <span className="podium-best">Best: {t.best.nickname} ({t.best.score.toLocaleString()})</span> : null}
            <span className="podium-block">{t.rank}</span>
          </li>
        ))}
      </ol>
      <p className="hint">{players} players took part</p>
    </section>
  );
}

/** The winner in the middle, the next places alternating left and right of it: 2nd, 1st, 3rd
 *  for three, like a real podium; entries tied for a place stand side by side. */
function podiumOrder<T>(best: readonly T[]): T[] {
  const left = best.filter((_, i) => i % 2 === 1).reverse();
  const right = best.filter((_, i) => i > 0 && i % 2 === 0);
  return [...left, ...best.slice(0, 1), ...right];
}
