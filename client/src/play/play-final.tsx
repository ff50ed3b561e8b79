// The podium on the phone: your final place, the top three and the way to the results.
import type { PlayerView } from '../../../shared/game-types.js';
import { Medal } from '../components/icons.js';
import { TeamBadge } from '../components/team-badge.js';
import { place as placeText } from '../lib/format.js';
import { Link } from '../lib/router.js';

export function PlayFinal({ view, resultsHref }: { view: PlayerView; resultsHref: string }) {
  const stage = view.stage;
  const podium = stage.phase === 'podium' ? stage.podium : stage.phase === 'ended' ? stage.podium : null;
  const me = view.me;
  const place = podium?.top.find((p) => p.playerId === me.playerId)?.rank ?? me.rank;
  const total = podium?.totalPlayers ?? view.playerCount;
  const team = view.myTeam;
  if (team) {
    return (
      <section className="play-center play-final" aria-live="polite">
        <Medal place={team.rank} size="lg" />
        <h1>{team.rank ? `${team.name} finished ${placeText(team.rank, team.tied)}` : 'Game over'}</h1>
        <p className="lead">
          {team.score.toLocaleString()} team points · you scored {me.score.toLocaleString()}
        </p>
        {podium?.teams?.length ? (
          <ol className="mini-board" aria-label="Teams">
            {podium.teams.map((entry) => (
              <li key={entry.team} className={entry.team === team.team ? 'is-me' : ''}>
                <span className="rank">{entry.rank}</span>
                <span className="name">
                  <TeamBadge team={entry.team} />
                </span>
                <span className="score">{entry.score.toLocaleString()}</span>
              </li>
            ))}
          </ol>
        ) : null}
        <Link className="button primary big" to={resultsHref}>
          See what to re-read
        </Link>
      </section>
    );
  }
  return (
    <section className="play-center play-final" aria-live="polite">
      <Medal place={place} size="lg" />
      <h1>{place ? `You finished ${placeText(place, me.tied)}` : 'Game over'}</h1>
      {place && total ? <p className="lead">of {total} players, with {me.score.toLocaleString()} points</p> : null}
      {podium && podium.top.length ? (
        <ol className="mini-board">
          {podium.top.map((entry) => (
            <li key={entry.playerId} className={entry.playerId === me.playerId ? 'is-me' : ''}>
              <span className="rank">{entry.rank}</span>
              <span className="name">{entry.nickname}</span>
              <span className="score">{entry.score.toLocaleString()}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <Link className="button primary big" to={resultsHref}>
        See what to re-read
      </Link>
    </section>
  );
}
