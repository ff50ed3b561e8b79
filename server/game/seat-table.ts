// Per-seat values of a round (each player's answer), immutable like the rest of the game
// state, with updates that do not copy the whole room. Seats live in chunks of CHUNK; setting
// one seat copies that chunk and the list of chunks, so recording an answer in a room of
// 2,000 costs about 100 slots instead of a 2,000-slot copy (2,000 answers a question made
// 32 MB of garbage that way; see docs/performance.md).
const CHUNK = 64;

export interface SeatTable<T> {
  readonly size: number;
  readonly chunks: readonly (readonly T[])[];
}

export function seatTable<T>(size: number, fill: T): SeatTable<T> {
  const chunks: T[][] = [];
  for (let start = 0; start < size; start += CHUNK) chunks.push(new Array<T>(Math.min(CHUNK, size - start)).fill(fill));
  return { size, chunks };
}

export function seatGet<T>(table: SeatTable<T>, seat: number): T | undefined {
  if (seat < 0 || seat >= table.size) return undefined;
  return table.chunks[Math.floor(seat / CHUNK)]![seat % CHUNK];
}

export function seatSet<T>(table: SeatTable<T>, seat: number, value: T): SeatTable<T> {
  if (!Number.isInteger(seat) || seat < 0 || seat >= table.size) throw new RangeError(`no seat ${seat} in a table of ${table.size}`);
  const at = Math.floor(seat / CHUNK);
  const chunk = table.chunks[at]!.slice();
  chunk[seat % CHUNK] = value;
  const chunks = table.chunks.slice();
  chunks[at] = chunk;
  return { size: table.size, chunks };
}

/** One more seat at the end (a late joiner). */
export function seatPush<T>(table: SeatTable<T>, value: T): SeatTable<T> {
  const chunks = table.chunks.slice();
  const last = chunks.length - 1;
  if (last >= 0 && chunks[last]!.length < CHUNK) chunks[last] = [...chunks[last]!, value];
  else chunks.push([value]);
  return { size: table.size + 1, chunks };
}

/** Every seat's value in seat order. */
export function seatValues<T>(table: SeatTable<T>): T[] {
  return table.chunks.flat() as T[];
}
