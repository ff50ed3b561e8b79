// One answer button on the player's phone: coloured tile with shape, letter and (unless
// the host shows the options on the projector only) the option's text.
import { OptionShape } from './option-shape.js';
import { optionStyle } from './option-style.js';

interface Props {
  index: number;
  label: string | null;
  chosen: boolean;
  disabled: boolean;
  /** After the reveal: true for the right answer, false for the others, null before. */
  correct: boolean | null;
  onChoose(index: number): void;
}

export function OptionButton({ index, label, chosen, disabled, correct, onChoose }: Props) {
  const style = optionStyle(index);
  const state = correct === null ? '' : correct ? ' is-correct' : ' is-wrong';
  // The button's name is what it shows (the letter and the text), with the shape's name
  // said first for those who cannot see it.
  return (
    <button
      type="button"
      className={`option-button ${style.className}${chosen ? ' is-chosen' : ''}${state}${label ? '' : ' shape-only'}`}
      aria-pressed={chosen}
      disabled={disabled}
      onClick={() => onChoose(index)}
    >
      <span className="option-mark">
        <span className="visually-hidden">{style.name} </span>
        <OptionShape shape={style.shape} />
        <span className="opt-letter">{style.letter}</span>
      </span>
      {label ? <span className="option-text">{label}</span> : null}
      {chosen ? <span className="option-tick" aria-hidden="true">✓</span> : null}
    </button>
  );
}
