// The write queue shared by all live games, against an in-memory store: batching across
// games, per-game order through failures, reveals waiting for their own game only, and
// shutdown. (The SQL itself is tested in game-store.test.ts, the whole path in
// rooms-persistence.test.ts.)
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { GameStore, GameWrite } from '../server/rooms/game-store.js';
import { GameWriter, type WriteOp } from '../server/rooms/game-writer.js';

const logger = pino({ level: 'silent' });

/** Records each write call; `fail` decides per call which games make it throw. */
function memoryStore(fail: (gameIds: string[]) => boolean = () => false) {
  const calls: GameWrite[][] = [];
  const stored: { gameId: string; index: number }[] = [];
  let release: (() => void) | null = null;
  const store = {
    calls,
    stored,
    hold() {
      let go = () => {};
      const held = new Promise<void>((r) => (go = r));
      release = go;
      return held;
    },
    held: null as Promise<void> | null,
    release: () => release?.(),
    async write(batches: readonly GameWrite[]) {
      calls.push([...batches]);
      if (store.held) await store.held;
      if (fail(batches.map((b) => b.gameId))) throw new Error('refused');
      for (const b of batches) for (const s of b.skipped) stored.push({ gameId: b.gameId, index: s });
    },
  };
  return store as typeof store & GameStore;
}

// 'skipped' ops carry a number and keep their order in a batch: handy sequence markers.
const op = (n: number): WriteOp => ({ kind: 'skipped', index: n });
const gamesOf = (call: GameWrite[]) => call.map((b) => b.gameId).sort();

describe('GameWriter', () => {
  it('puts the games whose reveals come in the same turn into one write', async () => {
    const store = memoryStore();
    const writer = new GameWriter(store, logger, { delayMs: 60_000 });
    const rooms = ['a', 'b', 'c'].map((id) => writer.forGame(id));
    rooms.forEach((room, i) => room.add(op(i)));
    expect(writer.pendingCount).toBe(3);
    expect(await Promise.all(rooms.map((room) => room.flushForReveal()))).toEqual([true, true, true]);
    expect(store.calls.map(gamesOf)).toEqual([['a', 'b', 'c']]);
    expect(writer.pendingCount).toBe(0);
  });

  it('writes after the delay without being asked, and a full queue at once', async () => {
    const store = memoryStore();
    const writer = new GameWriter(store, logger, { delayMs: 20, maxBatch: 4 });
    writer.add('a', op(1));
    await new Promise((r) => setTimeout(r, 60));
    expect(store.stored).toEqual([{ gameId: 'a', index: 1 }]);
    for (let i = 0; i < 4; i++) writer.add('b', op(i));
    // Four waiting ops reach maxBatch: written in the next turn, not after the delay.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(store.stored.filter((s) => s.gameId === 'b').map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('retries a failing game alone, in order, while the others are stored', async () => {
    let down = true;
    const store = memoryStore((games) => down && games.includes('bad'));
    const writer = new GameWriter(store, logger, { delayMs: 60_000, retryDelaysMs: [10], revealAttempts: 1 });
    writer.add('bad', op(1));
    writer.add('good', op(1));
    const [bad, good] = await Promise.all([writer.flushForReveal('bad'), writer.flushForReveal('good')]);
    expect([bad, good]).toEqual([false, true]);
    // One write with both games failed; then each game on its own.
    expect(store.calls.map(gamesOf)).toEqual([['bad', 'good'], ['bad'], ['good']]);
    // Later ops of the failed game queue behind its earlier ones.
    writer.add('bad', op(2));
    down = false;
    expect(await writer.forGame('bad').flush()).toBe(true);
    expect(store.stored.filter((s) => s.gameId === 'bad').map((s) => s.index)).toEqual([1, 2]);
  });

  it('makes a reveal wait for the write that carries its answers, and only for its own game', async () => {
    const store = memoryStore();
    const writer = new GameWriter(store, logger, { delayMs: 60_000 });
    writer.add('a', op(1));
    store.held = store.hold();
    const first = writer.flushGame('a');
    await new Promise((r) => setImmediate(r));
    // The write of a's op is in flight; a new op of a and one of b arrive meanwhile.
    writer.add('a', op(2));
    writer.add('b', op(1));
    let aDone = false;
    const second = writer.flushGame('a').then((v) => (aDone = v));
    expect(await writer.flushGame('c')).toBe(true); // nothing queued for c: no wait
    store.held = null;
    store.release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(aDone).toBe(true);
    expect(store.stored.filter((s) => s.gameId === 'a').map((s) => s.index)).toEqual([1, 2]);
  });

  it('gives a reveal up after the reveal wait when the database hangs, and keeps the ops', async () => {
    const store = memoryStore();
    const writer = new GameWriter(store, logger, { delayMs: 60_000, revealWaitMs: 50 });
    store.held = store.hold();
    writer.add('a', op(1));
    const started = performance.now();
    expect(await writer.flushForReveal('a')).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    store.held = null;
    store.release();
    expect(await writer.flushGame('a')).toBe(true);
    expect(store.stored).toEqual([{ gameId: 'a', index: 1 }]);
  });

  it('close makes a last attempt for every game, then stops retrying', async () => {
    let down = true;
    const store = memoryStore(() => down);
    const writer = new GameWriter(store, logger, { delayMs: 60_000, retryDelaysMs: [5], revealAttempts: 2 });
    writer.add('a', op(1));
    expect(await writer.close()).toBe(false);
    const calls = store.calls.length;
    // The last attempt and its one retry; a background retry already due may slip in first
    // on a loaded machine.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(3);
    down = false;
    await new Promise((r) => setTimeout(r, 50));
    // Stopped: no background retry once the database is closing.
    expect(store.calls.length).toBe(calls);
    expect(writer.pendingCount).toBe(1);
  });

  it('stores what an ack waits for at the next turn, with everything else waiting then (group commit)', async () => {
    const store = memoryStore();
    const writer = new GameWriter(store, logger, { delayMs: 60_000 });
    const a = writer.forGame('a');
    const b = writer.forGame('b');
    a.add(op(1));
    const first = a.whenStored();
    b.add(op(2));
    const second = b.whenStored();
    a.add(op(3));
    const third = a.whenStored();
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    // One write for the three acks, though the write delay is a minute.
    expect(store.calls.map(gamesOf)).toEqual([['a', 'b']]);
    expect(store.stored.map((s) => s.index)).toEqual([1, 3, 2]);
  });

  it('keeps an ack waiting through failures and resolves it once the write succeeds', async () => {
    let down = true;
    const store = memoryStore(() => down);
    const writer = new GameWriter(store, logger, { delayMs: 60_000, retryDelaysMs: [10, 20] });
    const a = writer.forGame('a');
    a.add(op(1));
    let settled: boolean | null = null;
    void a.whenStored().then((v) => (settled = v));
    await new Promise((r) => setTimeout(r, 80));
    expect(store.calls.length).toBeGreaterThanOrEqual(3);
    expect(settled).toBeNull();
    down = false;
    await new Promise((r) => setTimeout(r, 60));
    expect(settled).toBe(true);
    expect(store.stored).toEqual([{ gameId: 'a', index: 1 }]);
  });

  it('answers a waiting ack false when the writer closes with the write still failing', async () => {
    const store = memoryStore(() => true);
    const writer = new GameWriter(store, logger, { delayMs: 60_000, retryDelaysMs: [10], revealAttempts: 1, revealWaitMs: 50 });
    const a = writer.forGame('a');
    a.add(op(1));
    const waiting = a.whenStored();
    expect(await writer.close()).toBe(false);
    expect(await waiting).toBe(false);
  });
});
