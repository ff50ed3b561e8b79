// `--processes 2`: one room of 4,000 players split across two server processes that share
// the game through Redis (the first owns it; the second forwards its players' commands and
// relays the owner's broadcasts). Measures the fan-out of each question from the owner's
// emit to every player on both processes, answer acks (half of them forwarded), then in a
// second game kills the owner with SIGKILL mid-question and times how long until the
// killed process's players are back (reconnected to the survivor and resumed with their
// tokens) and the survivor's own players are seated again.
import { fanout, roomResolver, type FanoutResult } from '../analyze.js';
import type { Behavior } from '../load-worker.js';
import type { Peer } from '../ipc.js';
import { summarize, type Summary } from '../metrics.js';
import { createGame } from '../setup.js';
import { closeWindow, nickname, nowMs, openWindow, playerIds, sleep, type Ctx, type WindowResult } from './context.js';
import { fmtErrors } from './big-room.js';

export interface TwoProcessOptions {
  players: number;
  questions: number;
  seconds: number;
  first: Behavior;
  rest: Behavior;
  pauseMs: number;
}

export interface TwoProcessResult {
  players: number;
  joined: number;
  joinErrors: Record<string, number>;
  joinMs: number;
  play: Omit<WindowResult, 'emits' | 'timers'>;
  open: FanoutResult;
  reveal: FanoutResult;
  ack: Summary;
  ackFirst: Summary;
  ackErrors: Record<string, number>;
  finished: boolean;
  hostErrors: Record<string, number>;
  /** Payloads the owner sent, for the one-process floor. */
  openPayloads: unknown[];
  takeover: {
    killedPlayers: number;
    /** From the SIGKILL to each killed process's player resumed on the survivor. */
    back: Summary;
    notBack: number;
    /** From the SIGKILL to each survivor player's new game state. */
    seatedAgain: Summary;
    notSeated: number;
    errors: Record<string, number>;
  };
}

export interface TwoProcessCtx extends Ctx {
  /** The second process (the survivor). */
  other: Peer;
  otherUrl: string;
}

export async function twoProcesses(ctx: TwoProcessCtx, o: TwoProcessOptions): Promise<TwoProcessResult> {
  const { fleet, serverUrl: ownerUrl, otherUrl } = ctx;
  const ids = playerIds('two', o.players);
  const half = Math.ceil(ids.length / 2);
  const onOwner = ids.slice(0, half);
  const onOther = ids.slice(half);

  // ---- game 1: measured play --------------------------------------------------------
  const game = await createGame(ctx.api, ctx.deckId, { questionCount: o.questions, secondsPerQuestion: o.seconds, playerCap: o.players });
  ctx.log(`two processes, room ${game.code}: ${o.players} players (${onOwner.length} on the owner, ${onOther.length} on the other), ${o.questions} questions of ${o.seconds} s`);
  const hosts = await fleet.hosts(ownerUrl, [{ id: 'two-host-1', ...game }], o.pauseMs);
  if (hosts.attached !== 1) throw new Error(`host could not attach: ${JSON.stringify(hosts.errors)}`);
  const t0 = nowMs();
  const [connA, connB] = await Promise.all([fleet.connect(ownerUrl, onOwner, game.code), fleet.connect(otherUrl, onOther, game.code)]);
  const join = await fleet.join(ids.map((id, i) => ({ id, code: game.code, nickname: nickname(i) })));
  const joinMs = nowMs() - t0;
  ctx.log(`  connected ${connA.connected} + ${connB.connected}, joined ${join.joined} in ${Math.round(joinMs)} ms ${fmtErrors(join.errors)}`);
  await sleep(500);

  await fleet.plan({ byIndex: { 0: o.first }, fallback: o.rest });
  const start = await openWindow(ctx);
  const started = await fleet.start(['two-host-1']);
  if (started.started !== 1) throw new Error(`game:start failed: ${JSON.stringify(started.errors)}`);
  const budget = o.questions * (o.seconds * 1000 + 3000 + 3 * o.pauseMs + 3000) + 30_000;
  const done = await hosts.allDone(budget);
  const play = await closeWindow(ctx, start);
  const samples = await fleet.collect();
  const payloads = await ctx.server.call<Record<string, unknown>>('payloads');
  ctx.log(`  played in ${Math.round(play.ms)} ms${done.timedOut ? ' (TIMED OUT)' : ''}`);
  const resolve = roomResolver([game]);
  const { emits, timers: _timers, ...playFigures } = play;
  const openPayloads = Array.from({ length: o.questions }, (_, i) => payloads[`question:open#${i}`]).filter(Boolean);

  // ---- game 2: the owner dies mid-question ------------------------------------------------
  const game2 = await createGame(ctx.api, ctx.deckId, { questionCount: 2, secondsPerQuestion: 60, playerCap: o.players });
  const hosts2 = await fleet.hosts(ownerUrl, [{ id: 'two-host-2', ...game2 }], o.pauseMs);
  if (hosts2.attached !== 1) throw new Error(`host 2 could not attach: ${JSON.stringify(hosts2.errors)}`);
  const join2 = await fleet.join(ids.map((id, i) => ({ id, code: game2.code, nickname: nickname(i) })));
  ctx.log(`  takeover game ${game2.code}: ${join2.joined} joined ${fmtErrors(join2.errors)}`);
  // Half the players answer during the first 20 s, so answers are on their way at the kill.
  await fleet.plan({ byIndex: { 0: { spreadMs: 20_000, abstain: 0.5 } }, fallback: o.rest });
  const started2 = await fleet.start(['two-host-2']);
  if (started2.started !== 1) throw new Error(`game 2 start failed: ${JSON.stringify(started2.errors)}`);
  await sleep(3_000 + 3_000); // reading time, then 3 s of answering
  await fleet.mark();
  const killAt = nowMs();
  ctx.server.child.kill('SIGKILL');
  ctx.log('  owner killed (SIGKILL); its players reconnect to the other process');
  const reconnect = await fleet.reconnect(otherUrl, onOwner, killAt + 30_000);
  const back = reconnect.times.filter((t): t is number => t !== null).map((t) => t - killAt);
  let seated: (number | null)[] = [];
  for (const until = nowMs() + 20_000; nowMs() < until; await sleep(200)) {
    seated = await fleet.seated(onOther);
    if (seated.every((t) => t !== null)) break;
  }
  const seatedMs = seated.filter((t): t is number => t !== null).map((t) => t - killAt);
  const takeover = {
    killedPlayers: onOwner.length,
    back: summarize(back),
    notBack: onOwner.length - back.length,
    seatedAgain: summarize(seatedMs),
    notSeated: onOther.length - seatedMs.length,
    errors: reconnect.errors,
  };
  ctx.log(`  back after the kill: ${back.length}/${onOwner.length} players, last at ${Math.round(takeover.back.max)} ms; survivor's players seated again by ${Math.round(takeover.seatedAgain.max)} ms ${fmtErrors(reconnect.errors)}`);
  await fleet.closeAll();

  return {
    players: o.players,
    joined: join.joined,
    joinErrors: { ...connA.failures, ...connB.failures, ...join.errors },
    joinMs,
    play: playFigures,
    open: fanout(emits, samples.arrivals, resolve, 'question:open'),
    reveal: fanout(emits, samples.arrivals, resolve, 'question:reveal'),
    ack: summarize(samples.acks),
    ackFirst: summarize(samples.ackByIndex.get(0) ?? []),
    ackErrors: samples.ackErrors,
    finished: !done.timedOut,
    hostErrors: { ...hosts.errors, ...samples.hostErrors },
    openPayloads,
    takeover,
  };
}
