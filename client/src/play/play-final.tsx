// The podium on the phone: your final place, the top three and the way to the results.
import type { PlayerView } from '../../../shared/game-types.js';
import { Medal } from '../components/icons.js';
import { PlayerBoard, TeamBoard } from './mini-board.js';
import { place as placeText } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { StudyPlanLink } from '../components/study-plan-link.js';

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
        {podium?.teams?.length ? <TeamBoard entries={podium.teams} myTeam={team.team} /> : null}
        <Link className="button primary big" to={resultsHref}>
          See what to re-read
        </Link>
        <StudyPlanLink />
      </section>
    );
  }
  return (
    <section className="play-center play-final" aria-live="polite">
      <Medal place={place} size="lg" />
      <h1>{place ? `You finished ${placeText(place, me.tied)}` : 'Game over'}</h1>
      {place && total ? <p className="lead">of {total} players, with {me.score.toLocaleString()} points</p> : null}
      {podium && podium.top.length ? <PlayerBoard entries={podium.top} me={me.playerId} /> : null}
      <Link className="button primary big" to={resultsHref}>
        See what to re-read
      </Link>
      <StudyPlanLink />
    </section>
  );
}
