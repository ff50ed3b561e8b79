// The projector must show the whole question, its four options and the note at once, at any
// screen size: no option under the toolbar, nothing to scroll to. The stage's text is sized
// from `--fit` (1 = the design's size); when the content is taller than the stage, the
// largest scale that fits is found by halving the interval a few times, before the browser
// paints. A shorter question next time starts again from 1.
import { useLayoutEffect, type RefObject } from 'react';

const SMALLEST = 0.45;
const STEPS = 7;

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

export function fitToBox(el: HTMLElement): number {
  el.style.setProperty('--fit', '1');
  if (!overflows(el)) return 1;
  let fits = SMALLEST;
  let tooBig = 1;
  for (let i = 0; i < STEPS; i++) {
    const mid = (fits + tooBig) / 2;
    el.style.setProperty('--fit', String(mid));
    if (overflows(el)) tooBig = mid;
    else fits = mid;
  }
  el.style.setProperty('--fit', String(fits));
  return fits;
}

/** Fits the element's content after every render and whenever its size changes. */
export function useFitToBox(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!enabled) {
      el.style.removeProperty('--fit');
      return;
    }
    fitToBox(el);
  });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !enabled || typeof ResizeObserver === 'undefined') return;
    let last = { w: el.clientWidth, h: el.clientHeight };
    const observer = new ResizeObserver(() => {
      // Only the box's own size matters; changes of --fit resize the content, not the box.
      if (el.clientWidth === last.w && el.clientHeight === last.h) return;
      last = { w: el.clientWidth, h: el.clientHeight };
      fitToBox(el);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled]);
}
