// Answer options are told apart by colour AND shape AND letter, never colour alone, so
// colour-blind players and black-and-white projectors lose nothing. Text colours are
// chosen per background to keep at least 4.5:1 contrast (WCAG AA).
export type ShapeName = 'triangle' | 'diamond' | 'circle' | 'square' | 'star' | 'hexagon';

export interface OptionStyle {
  letter: string;
  shape: ShapeName;
  /** Spoken name for screen readers, e.g. "A, red triangle". */
  name: string;
  className: string;
}

export const OPTION_STYLES: readonly OptionStyle[] = [
  { letter: 'A', shape: 'triangle', name: 'red triangle', className: 'opt-a' },
  { letter: 'B', shape: 'diamond', name: 'blue diamond', className: 'opt-b' },
  { letter: 'C', shape: 'circle', name: 'yellow circle', className: 'opt-c' },
  { letter: 'D', shape: 'square', name: 'green square', className: 'opt-d' },
  { letter: 'E', shape: 'star', name: 'purple star', className: 'opt-e' },
  { letter: 'F', shape: 'hexagon', name: 'teal hexagon', className: 'opt-f' },
];

export function optionStyle(index: number): OptionStyle {
  return OPTION_STYLES[index % OPTION_STYLES.length];
}
