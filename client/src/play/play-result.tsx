// After the reveal (and while the leaderboard is up): right or wrong, points, streak,
// rank (shared with anyone on the same score), places moved since the previous leaderboard
// and the gap to the nearest player with more points.
import type { PlayerView } from '../../../shared/game-types.js';
import { FlameIcon } from '../components/icons.js';
import { TeamBadge } from '../components/team-badge.js';
import { PlayerBoard, TeamBoard } from './mini-board.js';
import { OptionBadge } from '../components/option-badge.js';
import { optionStyle } from '../components/option-style.js';
import { movedText, ordinal, topicLabel } from '../lib/format.js';

export function PlayResult({ view }: { view: PlayerView }) {
  const stage = view.stage;
  const result = view.myResult;
  const reveal = stage.phase === 'reveal' ? stage.reveal : null;
  const question = stage.phase === 'reveal' ? stage.question : null;
  const me = view.me;

  let tone = 'neutral';
  let headline = 'Results are in';
  if (reveal?.skipped || result?.skipped) headline = 'The host skipped this question';
  else if (result) {
    if (result.correct) {
      tone = 'good';
      headline = 'Correct!';
    } else if (result.optionIndex === null) {
      tone = 'bad';
      headline = "Time's up";
    } else {
      tone = 'bad';
      headline = 'Not quite';
    }
  } else if (stage.phase === 'leaderboard') headline = 'Your standing';
  else headline = 'You joined after this question';

  // Players are not told about every join, so the room size is only known from a board.
  const board = stage.phase === 'leaderboard' ? stage.leaderboard : null;
  const total = board?.totalPlayers ?? null;
  const last = question ? question.index + 1 >= question.count : false;
  return (
    <section className={`play-result tone-${tone}${board ? ' is-board' : ''}`} aria-live="polite">
      {board ? (
        <h1 className="board-title">
          Leaderboard <small className="hint">after question {board.afterIndex + 1} of {board.count}</small>
        </h1>
      ) : null}
      <div className="result-banner">
        <span className="result-icon" aria-hidden="true">
          {tone === 'good' ? '✓' : tone === 'bad' ? '✗' : '★'}
        </span>
        {board ? <p className="result-headline">{headline}</p> : <h1 className="result-headline">{headline}</h1>}
        {result && !result.skipped ? (
          <p className="result-points">
            {result.points > 0 ? `+${result.points.toLocaleString()} points` : 'No points this time'}
            {result.bonus > 0 ? <span className="result-bonus"> incl. +{result.bonus} streak bonus</span> : null}
          </p>
        ) : null}
      </div>

      {reveal && question && question.options.length > 0 && !reveal.skipped ? (
        <div className="result-answer">
          <span className="hint">{result?.correct ? 'The answer' : 'The right answer'}</span>
          <span className="result-answer-row">
            <OptionBadge index={reveal.correctIndex} />
            {answerText(question.options[reveal.correctIndex], reveal.correctIndex)}
          </span>
          {reveal.explanation ? (
            <div className="result-note">
              <p className="result-explanation">{reveal.explanation}</p>
              <p className="result-source hint">
                From the notes: <span className="mono">{reveal.source.file}:{reveal.source.line}</span>
                {reveal.source.topic.length ? ` · ${topicLabel(reveal.source.topic)}` : ''}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}

      {view.myTeam ? <TeamStandingCard view={view} /> : null}

      <dl className="stat-grid">
        <div>
          <dt>Rank</dt>
          <dd>
            {me.rank && me.tied ? <small>tied </small> : null}
            {me.rank ? ordinal(me.rank) : '–'}
            {total ? <small> of {total}</small> : null}
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{me.score.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>
            {me.streak > 0 ? <FlameIcon /> : null}
            {me.streak}
          </dd>
        </div>
      </dl>
      <p className="result-gap">
        {me.rank === 1
          ? me.tied
            ? 'You are tied 1st'
            : 'You are in the lead!'
          : me.gapToAbove !== null && me.aboveNickname
            ? `${me.gapToAbove.toLocaleString()} ${me.gapToAbove === 1 ? 'point' : 'points'} behind ${me.aboveNickname}`
            : ''}
      </p>
      {movedText(me.moved) ? <p className="result-moved">{movedText(me.moved)}</p> : null}
      {stage.phase === 'leaderboard' && stage.leaderboard.teams ? (
        <TeamBoard entries={stage.leaderboard.teams} myTeam={view.myTeam?.team} />
      ) : stage.phase === 'leaderboard' ? (
        <PlayerBoard entries={stage.leaderboard.top} me={me.playerId} />
      ) : (
        <p className="hint center">{last ? 'Final results coming up…' : 'Next question coming up…'}</p>
      )}
    </section>
  );
}

/** The team's points for the question, its rank and the gap to the team above. */
function TeamStandingCard({ view }: { view: PlayerView }) {
  const team = view.myTeam!;
  const result = view.myResult?.teamResult ?? null;
  return (
    <div className="team-card">
      <p className="team-card-head">
        <TeamBadge team={team.team} />
        <span className="team-card-rank">
          {team.rank ? (
            <>
              {team.tied ? 'tied ' : ''}
              {ordinal(team.rank)} of {team.teamCount}
            </>
          ) : null}
        </span>
      </p>
      <p className="team-card-line">
        {result ? `Team +${result.points.toLocaleString()} this question${result.bonus > 0 ? ` (incl. +${result.bonus} team streak)` : ''} · ` : ''}
        {team.score.toLocaleString()} team points
      </p>
      {team.rank === 1 ? (
        <p className="team-card-line">{team.tied ? 'Your team is tied 1st' : 'Your team is in the lead!'}</p>
      ) : team.gapToAbove !== null && team.aboveName ? (
        <p className="team-card-line">
          {team.gapToAbove.toLocaleString()} {team.gapToAbove === 1 ? 'point' : 'points'} behind {team.aboveName}
        </p>
      ) : null}
    </div>
  );
}

/** The option's text, unless it is only the letter (host-only display sends letters). */
function answerText(label: string | undefined, index: number) {
  if (!label || label === optionStyle(index).letter) return null;
  return <span>{label}</span>;
}
