// Small formatting helpers shared by the screens.

export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "2nd", or "tied 2nd" when someone else has the same score. */
export function place(rank: number, tied: boolean): string {
  return tied ? `tied ${ordinal(rank)}` : ordinal(rank);
}

/** "You moved up 2 places" / "You moved down 1 place"; null when the place did not change. */
export function movedText(moved: number | null): string | null {
  if (!moved) return null;
  return `You moved ${moved > 0 ? 'up' : 'down'} ${plural(Math.abs(moved), 'place')}`;
}

export function percent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${Math.round(fraction * 100)}%`;
}

export function topicLabel(path: readonly string[] | null | undefined): string {
  return path && path.length ? path.join(' › ') : 'Whole deck';
}

export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "ABC234" → "ABC 234": easier to read off a projector. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
