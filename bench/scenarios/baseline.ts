// The bare Socket.IO floor: the same number of connections (same load workers, same client
// options) to baseline-server.ts, which broadcasts the very question:open payloads our
// server sent (each twice, 600 ms apart). Fan-out is timed exactly like the real game's.
import { fanout, fanoutOfRounds, type FanoutResult } from '../analyze.js';
import { spawn, stopChild } from '../fleet.js';
import type { Peer } from '../ipc.js';
import type { EmitRecord } from '../probes.js';
import { closeWindow, openWindow, playerIds, serverMem, sleep, type Ctx, type Mem, type WindowResult } from './context.js';

export interface BaselineResult {
  connections: number;
  broadcasts: number;
  open: FanoutResult;
  rssPerConnectionKb: number;
  heapPerConnectionKb: number;
  memBefore: Mem;
  memAfter: Mem;
  window: Omit<WindowResult, 'emits' | 'timers'>;
  /** Only with --sliced: the same broadcasts as 4 emits of a quarter of the sockets each. */
  sliced?: { open: FanoutResult; loop: WindowResult['loop']; revealLoop: Record<string, WindowResult['loop']> };
}

const LABEL = 'baseline';

export async function baseline(ctx: Ctx, o: { connections: number; payloads: unknown[]; rounds: number; gapMs: number; execArgv: string[]; sliced: boolean; reveal?: unknown }): Promise<BaselineResult> {
  const { peer, ready } = await spawn<{ port: number }>('baseline-server', 'baseline-server.ts', { execArgv: o.execArgv });
  try {
    const url = `http://127.0.0.1:${ready.port}`;
    const sub: Ctx = { ...ctx, server: peer, serverUrl: url };
    await sleep(200);
    const memBefore = await serverMem(peer);
    const conn = await ctx.fleet.connect(url, playerIds('base', o.connections), LABEL);
    ctx.log(`baseline: ${conn.connected} connections in ${Math.round(conn.ms)} ms`);
    await sleep(500);
    const memAfter = await serverMem(peer);
    // Every payload more than once, one measuring window per round: the floor is then a
    // median over more broadcasts than the game's questions, so one quick or slow moment
    // of the machine moves it less.
    const rounds: { emits: EmitRecord[]; arrivals: Map<string, number[]> }[] = [];
    let w: WindowResult | undefined;
    for (let round = 0; round < o.rounds; round++) {
      const start = await openWindow(sub, peer);
      for (const payload of o.payloads) {
        await broadcast(peer, payload);
        await sleep(o.gapMs);
      }
      const closed = await closeWindow(sub, start, peer);
      rounds.push({ emits: closed.emits, arrivals: (await ctx.fleet.collect()).arrivals });
      // The window figures (event-loop delay, CPU) reported are the round with the worse loop.
      if (!w || closed.loop.max > w.loop.max) w = closed;
    }
    let sliced: BaselineResult['sliced'];
    if (o.sliced) {
      // The experiment behind the server's sliced broadcasts: the same broadcasts, each split
      // into 4 emits of 500 sockets with a macrotask between them.
      const start2 = await openWindow(sub, peer);
      for (const payload of o.payloads) {
        await peer.call('broadcastSliced', { event: 'question:open', payload });
        await sleep(o.gapMs);
      }
      const w2 = await closeWindow(sub, start2, peer);
      const samples2 = await ctx.fleet.collect();
      // A reveal (room broadcast + one player:result per socket), per-socket sends in the same
      // tick as now, then with a macrotask before them and after every 200.
      const reveal = o.reveal ?? { questionId: 'q', index: 0, correctIndex: 0, counts: [0, 0, 0, 0], answered: 0, players: 0, noAnswer: 0, explanation: '', source: { file: '', line: 0, topic: [] }, skipped: false };
      const result = { questionId: 'q', optionIndex: 1, correct: true, points: 950, bonus: 100, skipped: false, score: 5000, streak: 3, rank: 120, tied: false, moved: 2, gapToAbove: 40, aboveNickname: 'Brave Otter' };
      const revealLoop: Record<string, WindowResult['loop']> = {};
      const modes = [
        { name: 'same tick (as now)', yieldEvery: 0, sliced: false },
        { name: 'yield every 200', yieldEvery: 200, sliced: false },
        { name: 'sliced + yield every 200', yieldEvery: 200, sliced: true },
      ];
      for (const mode of modes) {
        const s3 = await openWindow(sub, peer);
        for (let i = 0; i < 4; i++) {
          await peer.call('revealLike', { payload: reveal, perSocket: result, yieldEvery: mode.yieldEvery, sliced: mode.sliced });
          await sleep(o.gapMs);
        }
        revealLoop[mode.name] = (await closeWindow(sub, s3, peer)).loop;
      }
      await ctx.fleet.collect();
      sliced = { open: fanout(w2.emits, samples2.arrivals, () => LABEL, 'question:open'), loop: w2.loop, revealLoop };
    }
    await ctx.fleet.closeAll();
    const { emits: _e, timers: _t, ...window } = w!;
    return {
      sliced,
      connections: conn.connected,
      broadcasts: o.payloads.length * o.rounds,
      open: fanoutOfRounds(rounds, () => LABEL, 'question:open'),
      rssPerConnectionKb: (memAfter.rss - memBefore.rss) / 1024 / Math.max(1, conn.connected),
      heapPerConnectionKb: (memAfter.heapUsed - memBefore.heapUsed) / 1024 / Math.max(1, conn.connected),
      memBefore,
      memAfter,
      window,
    };
  } finally {
    await stopChild(peer);
  }
}

function broadcast(peer: Peer, payload: unknown) {
  return peer.call<{ t: number; recipients: number }>('broadcast', { event: 'question:open', payload });
}
