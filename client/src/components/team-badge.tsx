// A team's mark: its shape in its colour, with its name. The shape and the name tell teams
// apart for anyone who cannot tell the colours apart.
import { teamIdentity, type TeamIdentity } from '../../../shared/game-types.js';

const PATHS: Record<TeamIdentity['shape'], string> = {
  triangle: 'M12 3 L22 20 H2 Z',
  circle: 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z',
  square: 'M3.5 3.5 H20.5 V20.5 H3.5 Z',
  star: 'M12 2 L14.9 8.6 L22 9.2 L16.6 13.9 L18.2 21 L12 17.3 L5.8 21 L7.4 13.9 L2 9.2 L9.1 8.6 Z',
  diamond: 'M12 2 L22 12 L12 22 L2 12 Z',
  hexagon: 'M7 3 H17 L22 12 L17 21 H7 L2 12 Z',
  heart: 'M12 21 L3.5 12.5 A5 5 0 0 1 12 6 A5 5 0 0 1 20.5 12.5 Z',
  moon: 'M15 2.5 A9.5 9.5 0 1 0 21.5 16 A7.5 7.5 0 1 1 15 2.5 Z',
  bolt: 'M13 2 L4 14 H11 L10 22 L20 9 H13 Z',
  leaf: 'M4 20 C4 9 10 3 21 3 C21 14 15 20 4 20 Z',
  drop: 'M12 2 C12 2 4.5 11 4.5 15 A7.5 7.5 0 0 0 19.5 15 C19.5 11 12 2 12 2 Z',
  cross: 'M9 2.5 H15 V9 H21.5 V15 H15 V21.5 H9 V15 H2.5 V9 H9 Z',
};

export function TeamShape({ team, className = 'team-shape' }: { team: number; className?: string }) {
  const identity = teamIdentity(team);
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ color: identity.colour }}>
      <path d={PATHS[identity.shape]} fill="currentColor" />
    </svg>
  );
}

/** Shape and name; `plain` leaves the name out (when it is written next to it anyway). */
export function TeamBadge({ team, plain = false, className = '' }: { team: number; plain?: boolean; className?: string }) {
  const identity = teamIdentity(team);
  return (
    <span className={`team-badge ${className}`} style={{ ['--team' as string]: identity.colour }}>
      <TeamShape team={team} />
      {plain ? null : <span className="team-name">{identity.name}</span>}
    </span>
  );
}
