// A countdown drawn from the server's remainingMs (never from a local deadline guess):
// whole seconds as a number, plus a shrinking bar. Frozen while the game is paused.
import { useEffect, useRef } from 'react';
import { play } from '../lib/sound.js';
import { remainingOf, type Clock } from '../lib/stage.js';
import { useNow } from './use-now.js';

interface Props {
  clock: Clock | null;
  totalMs: number;
  label: string;
  size?: 'md' | 'xl';
  /** Tick sound for the last three seconds. */
  ticking?: boolean;
}

export function Countdown({ clock, totalMs, label, size = 'md', ticking = false }: Props) {
  const running = !!clock && !clock.paused;
  const now = useNow(running);
  const left = remainingOf(clock, now);
  const seconds = Math.ceil(left / 1000);
  const fraction = totalMs > 0 ? Math.min(1, left / totalMs) : 0;
  const lastTick = useRef<number | null>(null);

  useEffect(() => {
    if (!ticking || !running) return;
    if (seconds > 0 && seconds <= 3 && lastTick.current !== seconds) play('tick');
    lastTick.current = seconds;
  }, [seconds, ticking, running]);

  // Screen readers hear the time politely at a few moments, not every second: when the
  // countdown starts, at 10 and at 5 seconds left.
  const announced = useRef('');
  const total = Math.ceil(totalMs / 1000);
  if (running && (seconds === total || seconds === 10 || seconds === 5)) announced.current = `${label}: ${seconds} seconds`;

  const urgent = seconds <= 3;
  return (
    <div className={`countdown countdown-${size}${urgent ? ' is-urgent' : ''}`}>
      <span className="countdown-number" role="timer" aria-label={`${label}: ${seconds} seconds`}>
        {seconds}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announced.current}
      </span>
      <span className="countdown-bar" aria-hidden="true">
        <span className="countdown-fill" style={{ transform: `scaleX(${fraction})` }} />
      </span>
    </div>
  );
}
