// Auto-advance on the host's screens: the setting (new game and the live room's toolbar) and
// the quiet "Next in 8 s" under a reveal or leaderboard. Host code only: phones never load it.
import { useNow } from '../components/use-now.js';
import { remainingOf, type Clock } from '../lib/stage.js';

const CHOICES = [0, 5, 8, 10, 15, 20, 30, 45, 60];

interface SelectProps {
  id: string;
  value: number;
  onChange(seconds: number): void;
  disabled?: boolean;
  describedBy?: string;
  /** "8 s" instead of "8 seconds", for the live room's toolbar. */
  compact?: boolean;
}

/** "Off" or a number of seconds; a value set another way (the API) is listed too. */
export function AutoAdvanceSelect({ id, value, onChange, disabled, describedBy, compact }: SelectProps) {
  const choices = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <select
      id={id}
      value={value}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {choices.map((s) => (
        <option key={s} value={s}>
          {s === 0 ? 'Off' : compact ? `${s} s` : `${s} seconds`}
        </option>
      ))}
    </select>
  );
}

/** The wait before the game moves on by itself. The visible seconds tick; screen readers hear
 *  only when the wait starts, pauses or resumes (the polite region stays in place, so each
 *  change is announced, but not every second). */
export function AdvanceCountdown({ clock, totalMs }: { clock: Clock | null; totalMs: number }) {
  const now = useNow(!!clock && !clock.paused, 250);
  const left = remainingOf(clock, now);
  const heard = clock ? Math.ceil(clock.remainingMs / 1000) : 0;
  return (
    <div className="advance">
      {clock ? (
        <p className={`advance-countdown${clock.paused ? ' is-paused' : ''}`}>
          {clock.paused ? `Paused · ${Math.ceil(left / 1000)} s left` : `Next in ${Math.ceil(left / 1000)} s`}
          <span className="advance-bar" aria-hidden="true">
            <span className="advance-fill" style={{ transform: `scaleX(${Math.min(1, left / Math.max(1, totalMs))})` }} />
          </span>
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {!clock ? '' : clock.paused ? `Auto-advance paused, ${heard} seconds left.` : `Moving on by itself in ${heard} seconds.`}
      </p>
    </div>
  );
}
