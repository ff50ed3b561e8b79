// Many small rooms at once (a school running a quiz night in every class): every room's
// deadline timer comes due at about the same moment, so timer lateness and fan-out show how
// the rooms share one event loop.
import { fanout, roomResolver, type FanoutResult } from '../analyze.js';
import { summarize, type Summary } from '../metrics.js';
import { isDeadlineTimer } from '../probes.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGame, type CreatedGame } from '../setup.js';
import { fmtErrors } from './big-room.js';
import { closeWindow, nickname, nowMs, openWindow, type Ctx, type WindowResult } from './context.js';

export interface ManyRoomsOptions {
  rooms: number;
  playersPerRoom: number;
  questions: number;
  seconds: number;
  /** Share of players who skip a question, so most rooms wait for their deadline timer. */
  abstain: number;
  pauseMs: number;
  /** Games created while the rooms play (other hosts preparing theirs), spread over the play. */
  createDuringPlay: number;
}

export interface ManyRoomsResult {
  rooms: number;
  players: number;
  createMs: number;
  joined: number;
  joinErrors: Record<string, number>;
  finishedRooms: number;
  /** POST /api/games while the rooms played: how long each took. */
  createDuringPlay: Summary;
  play: Omit<WindowResult, 'emits' | 'timers'>;
  open: FanoutResult;
  reveal: FanoutResult;
  ack: Summary;
  ackErrors: Record<string, number>;
  /** Every room timer that fired during play (end of reading and answer deadlines). */
  timerLate: Summary;
  /** Answer-deadline timers only (a question everyone answered cancels its deadline). */
  deadlineLate: Summary;
  hostErrors: Record<string, number>;
}

export async function manyRooms(ctx: Ctx, o: ManyRoomsOptions): Promise<ManyRoomsResult> {
  const { fleet, serverUrl } = ctx;
  const t0 = nowMs();
  const games: CreatedGame[] = [];
  // Several at a time, like hosts preparing their rooms (creation is not what is measured).
  for (let i = 0; i < o.rooms; i += 8) {
    const batch = Array.from({ length: Math.min(8, o.rooms - i) }, () =>
      createGame(ctx.api, ctx.deckId, { questionCount: o.questions, secondsPerQuestion: o.seconds, playerCap: o.playersPerRoom }),
    );
    games.push(...(await Promise.all(batch)));
  }
  const createMs = nowMs() - t0;
  ctx.log(`many rooms: ${o.rooms} games created in ${Math.round(createMs)} ms`);
  const hosts = await fleet.hosts(
    serverUrl,
    games.map((g, r) => ({ id: `room-${r}-host`, ...g })),
    o.pauseMs,
  );
  if (hosts.attached !== o.rooms) throw new Error(`hosts attached ${hosts.attached}/${o.rooms}: ${JSON.stringify(hosts.errors)}`);
  const slots = games.flatMap((g, r) =>
    Array.from({ length: o.playersPerRoom }, (_, i) => ({ id: `room-${r}-p${i}`, code: g.code, nickname: nickname(i) })),
  );
  const conn = await fleet.connect(serverUrl, slots.map((s) => s.id), 'lobby');
  const join = await fleet.join(slots);
  ctx.log(`  ${conn.connected} connected, ${join.joined} joined in ${Math.round(conn.ms + join.ms)} ms ${fmtErrors(join.errors)}`);

  const spreadMs = o.seconds * 1000;
  await fleet.plan({ byIndex: {}, fallback: { spreadMs, abstain: o.abstain } });
  const start = await openWindow(ctx);
  await fleet.start();
  // Meanwhile other hosts create their games: making questions must not stall the rooms.
  const creating = Array.from({ length: o.createDuringPlay }, async (_, i) => {
    await sleep(((i + 0.5) * o.questions * (3000 + spreadMs)) / o.createDuringPlay);
    const t = nowMs();
    await createGame(ctx.api, ctx.deckId, { questionCount: 10, secondsPerQuestion: o.seconds, playerCap: o.playersPerRoom });
    return nowMs() - t;
  });
  const done = await hosts.allDone(o.questions * (spreadMs + 3000 + 3 * o.pauseMs + 3000) + 30_000);
  const createTimes = await Promise.all(creating);
  const play = await closeWindow(ctx, start);
  const samples = await fleet.collect();
  ctx.log(`  ${done.finished}/${o.rooms} rooms finished in ${Math.round(play.ms)} ms${done.timedOut ? ' (TIMED OUT)' : ''}, ${createTimes.length} games created meanwhile`);
  await fleet.closeAll();

  const resolve = roomResolver(games);
  const { emits, timers, ...playFigures } = play;
  return {
    rooms: o.rooms,
    players: slots.length,
    createMs,
    joined: join.joined,
    joinErrors: { ...conn.failures, ...join.errors },
    finishedRooms: done.finished,
    createDuringPlay: summarize(createTimes),
    play: playFigures,
    open: fanout(emits, samples.arrivals, resolve, 'question:open'),
    reveal: fanout(emits, samples.arrivals, resolve, 'question:reveal'),
    ack: summarize(samples.acks),
    ackErrors: samples.ackErrors,
    timerLate: summarize(timers.map((t) => t.late)),
    deadlineLate: summarize(timers.filter(isDeadlineTimer).map((t) => t.late)),
    hostErrors: { ...hosts.errors, ...samples.hostErrors },
  };
}
