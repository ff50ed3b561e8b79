// The option's shape as inline SVG (fonts on some phones lack ▲ ◆ ● ■ glyphs).
import type { ShapeName } from './option-style.js';

const PATHS: Record<ShapeName, string> = {
  triangle: 'M12 3 L22 20 H2 Z',
  diamond: 'M12 2 L22 12 L12 22 L2 12 Z',
  circle: 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z',
  square: 'M3.5 3.5 H20.5 V20.5 H3.5 Z',
  star: 'M12 2 L14.9 8.6 L22 9.2 L16.6 13.9 L18.2 21 L12 17.3 L5.8 21 L7.4 13.9 L2 9.2 L9.1 8.6 Z',
  hexagon: 'M7 3 H17 L22 12 L17 21 H7 L2 12 Z',
};

export function OptionShape({ shape, className = 'opt-shape' }: { shape: ShapeName; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} fill="currentColor" />
    </svg>
  );
}
