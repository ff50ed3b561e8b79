// The short standings on a phone (after a question, and at the end): players or teams, with
// the phone's own row marked.
import type { LeaderboardEntry, TeamEntry } from '../../../shared/game-types.js';
import { TeamBadge } from '../components/team-badge.js';

export function PlayerBoard({ entries, me }: { entries: readonly LeaderboardEntry[]; me: string }) {
  return (
    <ol className="mini-board">
      {entries.map((entry) => (
        <li key={entry.playerId} className={entry.playerId === me ? 'is-me' : ''}>
          <span className="rank">{entry.rank}</span>
          <span className="name">{entry.nickname}</span>
          <span className="score">{entry.score.toLocaleString()}</span>
        </li>
      ))}
    </ol>
  );
}

export function TeamBoard({ entries, myTeam }: { entries: readonly TeamEntry[]; myTeam: number | undefined }) {
  return (
    <ol className="mini-board" aria-label="Teams">
      {entries.map((entry) => (
        <li key={entry.team} className={entry.team === myTeam ? 'is-me' : ''}>
          <span className="rank">{entry.rank}</span>
          <span className="name">
            <TeamBadge team={entry.team} />
          </span>
          <span className="score">{entry.score.toLocaleString()}</span>
        </li>
      ))}
    </ol>
  );
}
