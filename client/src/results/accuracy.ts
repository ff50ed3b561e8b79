// Accuracy colours for bars and heat-map cells. The percentage is always printed too:
// colour is a hint, never the only carrier. Light cell backgrounds keep dark text at AA.

export function accuracyHue(accuracy: number): number {
  // 0% red (hue 0) → 50% amber (40) → 100% green (130).
  return Math.round(Math.max(0, Math.min(1, accuracy)) * 130);
}

export function cellStyle(accuracy: number | null): { background: string; color: string } {
  if (accuracy === null) return { background: 'transparent', color: 'var(--muted)' };
  return { background: `hsl(${accuracyHue(accuracy)} 65% 82%)`, color: '#14121f' };
}

export function barColor(accuracy: number | null): string {
  if (accuracy === null) return 'var(--line)';
  return `hsl(${accuracyHue(accuracy)} 60% 38%)`;
}
