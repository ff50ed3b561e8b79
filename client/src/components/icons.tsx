// Small inline SVG icons. Emoji are not used for anything that matters: projector laptops
// and some phones have no colour-emoji font and would draw empty boxes.
import type { ReactNode } from 'react';

function Svg({ children, className = 'icon', label }: { children: ReactNode; className?: string; label?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <Svg>
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {on ? (
        <>
          <path d="M16 9.5a3.5 3.5 0 0 1 0 5" />
          <path d="M18.5 7a7 7 0 0 1 0 10" />
        </>
      ) : (
        <path d="M16.5 9.5l5 5M21.5 9.5l-5 5" />
      )}
    </Svg>
  );
}

export function FlameIcon() {
  return (
    <Svg className="icon flame">
      <path
        d="M12 2c1 3.5 5 5.5 5 10.5A5 5 0 0 1 7 12.5c0-2 1-3.5 2-4.5 0 2 1 3 2 3 0-3-1-5.5 1-9z"
        fill="currentColor"
        stroke="none"
      />
    </Svg>
  );
}

export function LockIcon() {
  return (
    <Svg>
      <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" stroke="none" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </Svg>
  );
}

export function CheckCircleIcon({ className = 'icon' }: { className?: string }) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="10" />
      <path d="M7.5 12.5l3 3 6-6.5" />
    </Svg>
  );
}

/** A medal with the place written on it: gold, silver, bronze, or plain. */
export function Medal({ place, size = 'md' }: { place: number | null; size?: 'md' | 'lg' }) {
  const tone = place === 1 ? 'gold' : place === 2 ? 'silver' : place === 3 ? 'bronze' : 'plain';
  return (
    <span className={`medal medal-${tone} medal-${size}`} aria-hidden="true">
      {place ?? '–'}
    </span>
  );
}
