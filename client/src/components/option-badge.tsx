// Shape plus letter, the compact marker used in buttons, bars and answer lists.
import { OptionShape } from './option-shape.js';
import { optionStyle } from './option-style.js';

export function OptionBadge({ index, size = 'md' }: { index: number; size?: 'sm' | 'md' | 'lg' }) {
  const style = optionStyle(index);
  return (
    <span className={`opt-badge opt-badge-${size} ${style.className}`} title={`${style.letter}, ${style.name}`}>
      <OptionShape shape={style.shape} />
      <span className="opt-letter">{style.letter}</span>
    </span>
  );
}
