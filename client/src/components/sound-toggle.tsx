// Sound is off until someone turns it on (a quiet library is a common study spot).
import { setSoundEnabled, useSoundEnabled } from '../lib/sound.js';
import { SpeakerIcon } from './icons.js';

export function SoundToggle() {
  const on = useSoundEnabled();
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={on}
      aria-label={on ? 'Sound on: turn sound off' : 'Sound off: turn sound on'}
      title={on ? 'Sound on' : 'Sound off'}
      onClick={() => setSoundEnabled(!on)}
    >
      <SpeakerIcon on={on} />
      <span className="icon-button-text">{on ? 'Sound on' : 'Sound off'}</span>
    </button>
  );
}
