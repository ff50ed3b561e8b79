// One room, many players: the Kahoot!-style worst case for one server process. Measures the
// join, memory per connected player, and during play the fan-out of each question, answer
// acknowledgement latency, event-loop delay, deadline-timer lateness and CPU time.
import { fanout, roomResolver, type FanoutResult } from '../analyze.js';
import { summarize, type Summary } from '../metrics.js';
import { isDeadlineTimer } from '../probes.js';
import type { Behavior } from '../load-worker.js';
import { createGame } from '../setup.js';
import { closeWindow, nickname, openWindow, playerIds, serverMem, sleep, type Ctx, type Mem, type WindowResult } from './context.js';

export interface BigRoomOptions {
  players: number;
  questions: number;
  seconds: number;
  /** Answer behaviour of the first question: spread over the whole window, a few abstain so
   *  the deadline timer fires with answers still arriving. */
  first: Behavior;
  /** The other questions: a shorter spread, everyone answers, the question ends early. */
  rest: Behavior;
  pauseMs: number;
}

export interface BigRoomResult {
  players: number;
  joined: number;
  joinErrors: Record<string, number>;
  connectMs: number;
  joinMs: number;
  joinLatency: Summary;
  memBefore: Mem;
  memAfterJoin: Mem;
  rssPerPlayerKb: number;
  heapPerPlayerKb: number;
  joinWindow: Pick<WindowResult, 'cpuMs' | 'loop' | 'ms' | 'stalls' | 'gc'>;
  play: Omit<WindowResult, 'emits' | 'timers'>;
  open: FanoutResult;
  show: FanoutResult;
  reveal: FanoutResult;
  ack: Summary;
  ackFirst: Summary;
  ackRest: Summary;
  ackErrors: Record<string, number>;
  answers: number;
  /** Every room timer that fired during play (end of reading and answer deadlines). */
  timerLate: Summary;
  /** Answer-deadline timers only (a question everyone answered cancels its deadline). */
  deadlineLate: Summary;
  finished: boolean;
  hostErrors: Record<string, number>;
  disconnects: Record<string, number>;
  /** Payloads the server actually sent, reused by the baseline. */
  payloads: Record<string, unknown>;
}

export async function bigRoom(ctx: Ctx, o: BigRoomOptions): Promise<BigRoomResult> {
  const { fleet, server, serverUrl } = ctx;
  const game = await createGame(ctx.api, ctx.deckId, { questionCount: o.questions, secondsPerQuestion: o.seconds, playerCap: o.players });
  ctx.log(`big room ${game.code}: ${o.players} players, ${o.questions} questions of ${o.seconds} s`);
  const hosts = await fleet.hosts(serverUrl, [{ id: 'big-host', ...game }], o.pauseMs);
  if (hosts.attached !== 1) throw new Error(`host could not attach: ${JSON.stringify(hosts.errors)}`);

  await sleep(300);
  const memBefore = await serverMem(server);
  const joinStart = await openWindow(ctx);
  const ids = playerIds('big', o.players);
  const conn = await fleet.connect(serverUrl, ids, game.code);
  const join = await fleet.join(ids.map((id, i) => ({ id, code: game.code, nickname: nickname(i) })));
  const joinWindow = await closeWindow(ctx, joinStart);
  ctx.log(`  connected ${conn.connected} in ${Math.round(conn.ms)} ms, joined ${join.joined} in ${Math.round(join.ms)} ms ${fmtErrors(join.errors)}`);
  await sleep(500);
  const memAfterJoin = await serverMem(server);

  await fleet.plan({ byIndex: { 0: o.first }, fallback: o.rest });
  const start = await openWindow(ctx);
  const started = await fleet.start();
  if (started.started !== 1) throw new Error(`game:start failed: ${JSON.stringify(started.errors)}`);
  const budget = o.questions * (o.seconds * 1000 + 3000 + 3 * o.pauseMs + 3000) + 30_000;
  const done = await hosts.allDone(budget);
  const play = await closeWindow(ctx, start);
  const samples = await fleet.collect();
  const payloads = await server.call<Record<string, unknown>>('payloads');
  ctx.log(`  played in ${Math.round(play.ms)} ms${done.timedOut ? ' (TIMED OUT)' : ''}`);
  await fleet.closeAll();

  const resolve = roomResolver([game]);
  const ackByIndex = samples.ackByIndex;
  const rest: number[] = [];
  for (const [index, list] of ackByIndex) if (index !== 0) rest.push(...list);
  const { emits, timers, ...playFigures } = play;
  const joined = join.joined;
  return {
    players: o.players,
    joined,
    joinErrors: { ...conn.failures, ...join.errors },
    connectMs: conn.ms,
    joinMs: join.ms,
    joinLatency: summarize(join.latencies),
    memBefore,
    memAfterJoin,
    rssPerPlayerKb: (memAfterJoin.rss - memBefore.rss) / 1024 / Math.max(1, joined),
    heapPerPlayerKb: (memAfterJoin.heapUsed - memBefore.heapUsed) / 1024 / Math.max(1, joined),
    joinWindow: { cpuMs: joinWindow.cpuMs, loop: joinWindow.loop, ms: joinWindow.ms, stalls: joinWindow.stalls, gc: joinWindow.gc },
    play: playFigures,
    open: fanout(emits, samples.arrivals, resolve, 'question:open'),
    show: fanout(emits, samples.arrivals, resolve, 'question:show'),
    reveal: fanout(emits, samples.arrivals, resolve, 'question:reveal'),
    ack: summarize(samples.acks),
    ackFirst: summarize(ackByIndex.get(0) ?? []),
    ackRest: summarize(rest),
    ackErrors: samples.ackErrors,
    answers: samples.acks.length,
    timerLate: summarize(timers.map((t) => t.late)),
    deadlineLate: summarize(timers.filter(isDeadlineTimer).map((t) => t.late)),
    finished: !done.timedOut,
    hostErrors: { ...hosts.errors, ...samples.hostErrors },
    disconnects: samples.disconnects,
    payloads,
  };
}

export function fmtErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length ? `errors ${JSON.stringify(errors)}` : '';
}
