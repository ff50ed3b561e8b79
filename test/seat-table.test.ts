// The per-seat table of a round: reads and updates by seat, late joiners appended, and no
// update ever changes a table that was already handed out.
import { describe, expect, it } from 'vitest';
import { seatGet, seatPush, seatSet, seatTable, seatValues } from '../server/game/seat-table.js';

describe('SeatTable', () => {
  it('sets and reads seats across chunk borders without touching the old table', () => {
    const empty = seatTable<string | null>(130, null);
    expect(empty.size).toBe(130);
    expect(seatValues(empty)).toEqual(new Array(130).fill(null));
    let t = empty;
    for (const seat of [0, 63, 64, 127, 129]) t = seatSet(t, seat, `s${seat}`);
    expect([0, 1, 63, 64, 65, 127, 128, 129].map((s) => seatGet(t, s))).toEqual(['s0', null, 's63', 's64', null, 's127', null, 's129']);
    // Every earlier version is unchanged.
    expect(seatValues(empty).every((v) => v === null)).toBe(true);
    const before = seatSet(empty, 5, 'a');
    const after = seatSet(before, 5, 'b');
    expect([seatGet(before, 5), seatGet(after, 5)]).toEqual(['a', 'b']);
    // An update copies one chunk; the others are shared.
    expect(after.chunks[1]).toBe(before.chunks[1]);
    expect(after.chunks[0]).not.toBe(before.chunks[0]);
  });

  it('appends late joiners, filling the last chunk first', () => {
    let t = seatTable<number>(63, 0);
    t = seatPush(t, 1);
    t = seatPush(t, 2);
    expect(t.size).toBe(65);
    expect(t.chunks.map((c) => c.length)).toEqual([64, 1]);
    expect([seatGet(t, 63), seatGet(t, 64)]).toEqual([1, 2]);
    expect(seatPush(seatTable<number>(0, 0), 7)).toEqual({ size: 1, chunks: [[7]] });
  });

  it('has nothing outside its seats', () => {
    const t = seatTable(3, 'x');
    expect([seatGet(t, -1), seatGet(t, 3)]).toEqual([undefined, undefined]);
    expect(() => seatSet(t, 3, 'y')).toThrow(RangeError);
    expect(() => seatSet(t, 1.5, 'y')).toThrow(RangeError);
  });
});
