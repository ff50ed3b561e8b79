// Notes imports against the running server, through the real import route:
// 1. a big markdown file (1.5 MB) into a new deck on an idle server: how long the request
//    takes and how much the server's RSS rises at its peak (sampled every 20 ms);
// 2. a 1 MB file while a 2,000-player game plays: the server's event-loop delay, timer
//    lateness and stalls over the import's window, and the players' answer acks.
// The notes are generated (bench/big-notes.ts): the same bytes on every run.
import { bigNotes } from '../big-notes.js';
import { summarize, type Summary } from '../metrics.js';
import { createGame } from '../setup.js';
import { fmtErrors } from './big-room.js';
import { closeWindow, nickname, nowMs, openWindow, playerIds, serverMem, sleep, type Ctx, type WindowResult } from './context.js';

export interface ImportScenarioOptions {
  bigBytes: number;
  duringBytes: number;
  players: number;
  /** The game runs while the import does: long enough questions, answers spread over them. */
  seconds: number;
  spreadMs: number;
  pauseMs: number;
  /** Length of the window measured before the import, the game alone. */
  controlMs: number;
}

export interface BigImportResult {
  bytes: number;
  facts: number;
  ms: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  extraRssMb: number;
}

export interface ImportDuringPlayResult {
  bytes: number;
  facts: number;
  ms: number;
  players: number;
  joined: number;
  /** The server over the import's window (POST sent to response received). */
  window: Omit<WindowResult, 'emits' | 'timers'>;
  /** The same game just before, without an import, for comparison. */
  control: { ms: number; loop: WindowResult['loop']; stalls: WindowResult['stalls'] };
  timerLate: Summary;
  /** Answer acks over the whole game (the import's window is most of it). */
  ack: Summary;
  ackErrors: Record<string, number>;
  hostErrors: Record<string, number>;
}

export interface ImportScenarioResult {
  big: BigImportResult;
  during: ImportDuringPlayResult;
}

async function importFile(ctx: Ctx, deckName: string, name: string, text: string): Promise<{ facts: number; ms: number }> {
  const deck = await ctx.api.request<{ id: string }>('POST', '/api/decks', { name: deckName });
  const t = nowMs();
  const report = await ctx.api.request<{ totals: { facts: number } }>('POST', `/api/decks/${deck.id}/files`, { name, text });
  return { facts: report.totals.facts, ms: nowMs() - t };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function importScenario(ctx: Ctx, o: ImportScenarioOptions): Promise<ImportScenarioResult> {
  const { fleet, server, serverUrl } = ctx;
  const stamp = new Date().toISOString();

  // 1. Big file, idle server. RSS before is settled after a forced GC; the peak is sampled.
  const bigText = bigNotes(o.bigBytes);
  const before = await serverMem(server);
  await server.call('rss:watch', { everyMs: 20 });
  const big = await importFile(ctx, `bench big import ${stamp}`, 'big-notes.md', bigText);
  const peak = (await server.call<{ peak: number }>('rss:peak')).peak;
  const bigResult: BigImportResult = {
    bytes: bigText.length, facts: big.facts, ms: big.ms,
    rssBeforeMb: mb(before.rss), rssPeakMb: mb(peak), extraRssMb: mb(peak - before.rss),
  };
  ctx.log(`import: ${Math.round(bigText.length / 1000)} KB file, ${big.facts} facts in ${Math.round(big.ms)} ms, RSS +${bigResult.extraRssMb} MB at peak`);

  // 2. A game plays; once its first question is open, another file is imported.
  const game = await createGame(ctx.api, ctx.deckId, { questionCount: 30, secondsPerQuestion: o.seconds, playerCap: o.players });
  const hosts = await fleet.hosts(serverUrl, [{ id: 'import-host', ...game }], o.pauseMs);
  if (hosts.attached !== 1) throw new Error(`host could not attach: ${JSON.stringify(hosts.errors)}`);
  const ids = playerIds('import', o.players);
  await fleet.connect(serverUrl, ids, game.code);
  const join = await fleet.join(ids.map((id, i) => ({ id, code: game.code, nickname: nickname(i) })));
  ctx.log(`  ${join.joined} players joined ${fmtErrors(join.errors)}`);
  await fleet.plan({ byIndex: {}, fallback: { spreadMs: o.spreadMs, abstain: 0.01 } });
  const started = await fleet.start();
  if (started.started !== 1) throw new Error(`game:start failed: ${JSON.stringify(started.errors)}`);
  // Reading time (3 s) then answers: the import starts with answers arriving.
  await sleep(3_500);
  const duringText = bigNotes(o.duringBytes, 3);
  const alone = await openWindow(ctx);
  await sleep(o.controlMs);
  const control = await closeWindow(ctx, alone);
  const start = await openWindow(ctx);
  const during = await importFile(ctx, `bench import during play ${stamp}`, 'during-play.md', duringText);
  const window = await closeWindow(ctx, start);
  const done = hosts.allDone(30_000);
  await fleet.end();
  await done;
  const samples = await fleet.collect();
  await fleet.closeAll();
  const { emits: _e, timers, ...windowFigures } = window;
  ctx.log(`  ${Math.round(duringText.length / 1000)} KB imported during play in ${Math.round(during.ms)} ms: loop max ${Math.round(window.loop.max)} ms (game alone, ${Math.round(control.ms / 1000)} s before: ${Math.round(control.loop.max)} ms)`);
  return {
    big: bigResult,
    during: {
      bytes: duringText.length, facts: during.facts, ms: during.ms, players: o.players, joined: join.joined,
      window: windowFigures, control: { ms: control.ms, loop: control.loop, stalls: control.stalls }, timerLate: summarize(timers.map((t) => t.late)), ack: summarize(samples.acks),
      ackErrors: samples.ackErrors, hostErrors: { ...hosts.errors, ...samples.hostErrors },
    },
  };
}
