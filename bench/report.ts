// Figures vs targets: the table printed at the end, the summary object (last line of output)
// and the full JSON written under bench/results/.
import { fmtMs, median, round } from './metrics.js';
import type { SeedParse } from './seed-parse.js';
import type { BaselineResult } from './scenarios/baseline.js';
import type { BigRoomResult } from './scenarios/big-room.js';
import type { ImportScenarioResult } from './scenarios/import.js';
import type { ManyRoomsResult } from './scenarios/many-rooms.js';
import type { SoakResult } from './scenarios/soak.js';
import type { FloodResult } from './scenarios/flood.js';
import type { TonightResult } from './scenarios/tonight.js';

export interface Results {
  big?: BigRoomResult;
  baseline?: BaselineResult;
  many?: ManyRoomsResult;
  soak?: SoakResult;
  import?: ImportScenarioResult;
  seedParse?: SeedParse;
  flood?: FloodResult;
  tonight?: TonightResult;
}

export interface Summary {
  players: number;
  fanoutP99Ms: number | null;
  baselineFanoutP99Ms: number | null;
  fanoutRatio: number | null;
  ackP99Ms: number | null;
  loopDelayMaxMs: number | null;
  timerLateP99Ms: number | null;
  rssPerPlayerKb: number | null;
  manyRoomsTimerLateP99Ms: number | null;
  soakRssGrowthPct: number | null;
  importLoopDelayMaxMs: number | null;
  bigImportMs: number | null;
  bigImportRssMb: number | null;
  [extra: string]: unknown;
}

const num = (x: number | undefined | null): number | null => (x === undefined || x === null || !Number.isFinite(x) ? null : round(x));

export function summarize(r: Results, players: number, extra: Record<string, unknown>): Summary {
  // Per question: the time until 99 % of the players had it; over the questions: the median,
  // so one question disturbed by something else on the machine does not decide the figure.
  const fan = r.big?.open.p99s.p50;
  const base = r.baseline?.open.p99s.p50;
  return {
    players,
    fanoutP99Ms: num(fan),
    baselineFanoutP99Ms: num(base),
    fanoutRatio: fan !== undefined && base !== undefined && base > 0 ? num(fan / base) : null,
    ackP99Ms: num(r.big?.ackFirst.p99),
    loopDelayMaxMs: num(r.big?.play.loop.max),
    timerLateP99Ms: num(r.big?.timerLate.p99),
    rssPerPlayerKb: num(r.big?.rssPerPlayerKb),
    manyRoomsTimerLateP99Ms: num(r.many?.timerLate.p99),
    soakRssGrowthPct: num(r.soak?.rssGrowthPct),
    importLoopDelayMaxMs: num(r.import?.during.window.loop.max),
    bigImportMs: num(r.import?.big.ms),
    bigImportRssMb: num(r.import?.big.extraRssMb),
    seedParseMs: num(r.seedParse?.coldMs),
    importDuringPlayMs: num(r.import?.during.ms),
    manyRoomsFanoutP99Ms: num(r.many?.open.pooled.p99),
    deadlineLateP99Ms: num(r.big?.deadlineLate.p99),
    manyRoomsDeadlineLateP99Ms: num(r.many?.deadlineLate.p99),
    fanoutP99PooledMs: num(r.big?.open.pooled.p99),
    baselineFanoutP99PooledMs: num(r.baseline?.open.pooled.p99),
    ackP99AllMs: num(r.big?.ack.p99),
    manyRoomsLoopDelayMaxMs: num(r.many?.play.loop.max),
    heapPerPlayerKb: num(r.big?.heapPerPlayerKb),
    joinAllMs: num(r.big ? r.big.connectMs + r.big.joinMs : undefined),
    soakGames: r.soak?.played ?? null,
    embeddedIdleRssMb: num(r.flood?.idleRssMb),
    floodAckP99Ms: num(r.flood?.ack.p99),
    tonightSelectMs: num(r.tonight?.ms.max),
    tonightColdMs: num(r.tonight?.coldMs),
    ...extra,
  };
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  result: string;
}

function check(value: number | null | undefined, limit: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value <= limit ? 'pass' : 'FAIL';
}

export interface Targets {
  fanoutRatio: number;
  ackP99Ms: number;
  loopDelayMaxMs: number;
  timerLateP99Ms: number;
  rssPerPlayerKb: number;
  soakRssGrowthPct: number;
  importLoopDelayMaxMs: number;
  bigImportMs: number;
  bigImportRssMb: number;
  seedParseMs: number;
  embeddedIdleRssMb: number;
  floodAckP99Ms: number;
  tonightSelectMs: number;
}

export const TARGETS: Targets = {
  fanoutRatio: 1.25,
  ackP99Ms: 50,
  loopDelayMaxMs: 60,
  timerLateP99Ms: 25,
  rssPerPlayerKb: 40,
  soakRssGrowthPct: 10,
  importLoopDelayMaxMs: 60,
  bigImportMs: 5_000,
  bigImportRssMb: 400,
  seedParseMs: 1_000,
  embeddedIdleRssMb: 300,
  floodAckP99Ms: 100,
  tonightSelectMs: 200,
};

export function rows(r: Results, s: Summary, o: { firstSpreadS: number; restSpreadS: number }): Row[] {
  const big = r.big;
  const many = r.many;
  const out: Row[] = [];
  const info = (figure: string, value: string) => out.push({ figure, value, target: '', result: '' });
  const target = (figure: string, value: string, t: string, v: number | null | undefined, limit: number) =>
    out.push({ figure, value, target: t, result: check(v, limit) });
  const n = s.players;
  if (big) {
    info(`join: ${big.joined}/${big.players} players connected + joined`, fmtMs(big.connectMs + big.joinMs));
    info('join latency per player (check + join) p50 / p99', `${fmtMs(big.joinLatency.p50)} / ${fmtMs(big.joinLatency.p99)}`);
    info('question:open fan-out p50, all players × questions', fmtMs(big.open.pooled.p50));
    info('question:open fan-out p99: median / worst question', `${fmtMs(big.open.p99s.p50)} / ${fmtMs(big.open.p99s.max)}`);
    info('question:open last player: median / worst question', `${fmtMs(big.open.lasts.p50)} / ${fmtMs(big.open.lasts.max)}`);
    info(
      `question:open broadcast: emit calls (${median(big.open.perEmit.map((e) => e.emits))}) summed / first to last, median`,
      `${fmtMs(median(big.open.perEmit.map((e) => e.syncMs)))} / ${fmtMs(median(big.open.perEmit.map((e) => e.spanMs)))}`,
    );
  }
  if (r.baseline) {
    const b = r.baseline.open;
    info(`bare Socket.IO (${r.baseline.connections} conns): fan-out p50, p99 median / worst`, `${fmtMs(b.pooled.p50)}, ${fmtMs(b.p99s.p50)} / ${fmtMs(b.p99s.max)}`);
    info('bare Socket.IO broadcast call, median / event-loop delay max', `${fmtMs(median(b.perEmit.map((e) => e.syncMs)))} / ${fmtMs(r.baseline.window.loop.max)}`);
    const sl = r.baseline.sliced;
    if (sl) {
      info('bare, sliced 4×500 (--sliced): fan-out p99 median / worst', `${fmtMs(sl.open.p99s.p50)} / ${fmtMs(sl.open.p99s.max)}`);
      info('bare, sliced 4×500 (--sliced): event-loop delay max', fmtMs(sl.loop.max));
      for (const [mode, loop] of Object.entries(sl.revealLoop)) info(`bare reveal + player:result each, ${mode}: loop max`, fmtMs(loop.max));
    }
  }
  target(`fan-out ratio p99 ours / bare (${n} players)`, s.fanoutRatio === null ? '—' : String(s.fanoutRatio), `≤ ${TARGETS.fanoutRatio}`, s.fanoutRatio, TARGETS.fanoutRatio);
  if (big) {
    target(`answer ack p99 (answers spread over ${o.firstSpreadS} s)`, fmtMs(big.ackFirst.p99), `≤ ${TARGETS.ackP99Ms} ms`, big.ackFirst.p99, TARGETS.ackP99Ms);
    info(`answer ack p50 / p99 (answers spread over ${o.restSpreadS} s)`, `${fmtMs(big.ackRest.p50)} / ${fmtMs(big.ackRest.p99)}`);
    target('event-loop delay max during play', fmtMs(big.play.loop.max), `≤ ${TARGETS.loopDelayMaxMs} ms`, big.play.loop.max, TARGETS.loopDelayMaxMs);
    info('event-loop delay p99 during play', fmtMs(big.play.loop.p99));
    info('event-loop delay max / p99 while players join', `${fmtMs(big.joinWindow.loop.max)} / ${fmtMs(big.joinWindow.loop.p99)}`);
    target(`room timer lateness p99 (${big.timerLate.n} question timers)`, fmtMs(s.timerLateP99Ms), `≤ ${TARGETS.timerLateP99Ms} ms`, s.timerLateP99Ms, TARGETS.timerLateP99Ms);
    info(`  of which answer deadlines (${big.deadlineLate.n}): p99`, fmtMs(big.deadlineLate.p99));
    target('RSS per connected player', `${round(big.rssPerPlayerKb)} KB`, `≤ ${TARGETS.rssPerPlayerKb} KB`, big.rssPerPlayerKb, TARGETS.rssPerPlayerKb);
    info('heap per connected player', `${round(big.heapPerPlayerKb)} KB`);
    info('server CPU time: join / play', `${fmtMs(big.joinWindow.cpuMs)} / ${fmtMs(big.play.cpuMs)} (play ${Math.round(big.play.ms / 1000)} s)`);
  }
  if (many) {
    info(`many rooms: ${many.finishedRooms}/${many.rooms} rooms of ${many.players / many.rooms} finished`, fmtMs(many.play.ms));
    target(`many rooms: timer lateness p99 (${many.timerLate.n} question timers)`, fmtMs(s.manyRoomsTimerLateP99Ms), `≤ ${TARGETS.timerLateP99Ms} ms`, s.manyRoomsTimerLateP99Ms, TARGETS.timerLateP99Ms);
    info(`  of which answer deadlines (${many.deadlineLate.n}): p99`, fmtMs(many.deadlineLate.p99));
    info('many rooms: question:open fan-out p99', fmtMs(many.open.pooled.p99));
    info('many rooms: event-loop delay max / ack p99', `${fmtMs(many.play.loop.max)} / ${fmtMs(many.ack.p99)}`);
    info(`many rooms: ${many.createDuringPlay.n} games created during play, p50 / max`, `${fmtMs(many.createDuringPlay.p50)} / ${fmtMs(many.createDuringPlay.max)}`);
  }
  if (r.seedParse) {
    const p = r.seedParse;
    target(`seed notes: ${p.files} files parse (${p.facts} facts), first call`, fmtMs(p.coldMs), `< ${TARGETS.seedParseMs} ms`, p.coldMs, TARGETS.seedParseMs);
    info('seed notes parse, median of the next calls', fmtMs(p.warmMs));
  }
  const imp = r.import;
  if (imp) {
    const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
    target(`big import: ${kb(imp.big.bytes)} markdown, ${imp.big.facts} facts, request time`, fmtMs(imp.big.ms), `< ${TARGETS.bigImportMs} ms`, imp.big.ms, TARGETS.bigImportMs);
    target('big import: server RSS rise at peak', `${imp.big.extraRssMb} MB`, `< ${TARGETS.bigImportRssMb} MB`, imp.big.extraRssMb, TARGETS.bigImportRssMb);
    const d = imp.during;
    target(
      `event-loop delay max while a ${kb(d.bytes)} import runs (${d.joined}-player game)`,
      fmtMs(d.window.loop.max),
      `≤ ${TARGETS.importLoopDelayMaxMs} ms`,
      d.window.loop.max,
      TARGETS.importLoopDelayMaxMs,
    );
    info(`  the same game without an import (${Math.round(d.control.ms / 1000)} s before it): loop max / p99`, `${fmtMs(d.control.loop.max)} / ${fmtMs(d.control.loop.p99)}`);
    info('  import during play: request time / loop p99 / timers p99, max', `${fmtMs(d.ms)} / ${fmtMs(d.window.loop.p99)} / ${fmtMs(d.timerLate.p99)}, ${fmtMs(d.timerLate.max)}`);
    info('  import during play: answer ack p99 / longest stall (GC in it)', `${fmtMs(d.ack.p99)} / ${d.window.stalls[0] ? `${d.window.stalls[0].ms} ms (${d.window.stalls[0].gcMs} ms)` : 'none over 30 ms'}`);
  }
  const tonight = r.tonight;
  if (tonight) {
    target(
      `tonight's review: ${tonight.facts} facts, ${tonight.members} members (${tonight.states} memory states), p50 / max of ${tonight.ms.n}`,
      `${fmtMs(tonight.ms.p50)} / ${fmtMs(tonight.ms.max)}`,
      `max < ${TARGETS.tonightSelectMs} ms`,
      tonight.ms.max,
      TARGETS.tonightSelectMs,
    );
    info('  tonight\'s review: first run, reading the deck\'s memory into the index', fmtMs(tonight.coldMs));
  }
  const flood = r.flood;
  if (flood) {
    target('embedded database: server idle RSS after a first start', `${round(flood.idleRssMb)} MB`, `≤ ${TARGETS.embeddedIdleRssMb} MB`, flood.idleRssMb, TARGETS.embeddedIdleRssMb);
    target(
      `embedded database: answer ack p99 during a room:resume flood (${Math.round(flood.floodPerSecond)}/s)`,
      fmtMs(flood.ack.p99),
      `≤ ${TARGETS.floodAckP99Ms} ms`,
      flood.ack.p99,
      TARGETS.floodAckP99Ms,
    );
    info('  flood answers', Object.entries(flood.floodAcks).map(([code, n]) => `${code} ${n}`).join(', '));
  }
  if (r.soak) {
    const soak = r.soak;
    target(
      `soak: RSS growth, game 1 -> ${soak.played} of ${soak.games} (${soak.finished} finished)`,
      `${round(soak.rssGrowthPct)} %`,
      `≤ ${TARGETS.soakRssGrowthPct} %`,
      soak.rssGrowthPct,
      TARGETS.soakRssGrowthPct,
    );
    info('soak: heap growth', `${round(soak.heapGrowthPct)} %`);
  }
  return out;
}

export function table(list: Row[]): string {
  const w0 = Math.max(...list.map((r) => r.figure.length), 6);
  const w1 = Math.max(...list.map((r) => r.value.length), 8);
  const w2 = Math.max(...list.map((r) => r.target.length), 6);
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)}  ${d}`;
  return [line('figure', 'measured', 'target', 'result'), line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '------'), ...list.map((r) => line(r.figure, r.value, r.target, r.result))].join('\n');
}
