// Games one after another on the same server, each with fresh connections, as a venue that
// plays all evening: memory after the last game must be back near memory after the first
// (a finished room, its players and sockets must all be released or bounded). The next
// game is created over REST while the current one plays, as a host preparing it would.
import { createGame, type CreatedGame } from '../setup.js';
import { fmtErrors } from './big-room.js';
import { nickname, nowMs, playerIds, serverMem, sleep, type Ctx, type Mem } from './context.js';

export interface SoakOptions {
  games: number;
  players: number;
  questions: number;
  seconds: number;
  spreadMs: number;
  pauseMs: number;
}

export interface SoakResult {
  games: number;
  played: number;
  finished: number;
  players: number;
  /** Server memory after each game (players gone, forced GC); settled after first and last. */
  after: Mem[];
  rssGrowthPct: number;
  heapGrowthPct: number;
  ms: number;
  /** Set when the run's time budget ran out before all games were played. */
  cutShort: boolean;
  errors: Record<string, number>;
}

/** Time kept in reserve at the end of the run for reports and cleanup. */
const RESERVE_MS = 15_000;

export async function soak(ctx: Ctx, o: SoakOptions): Promise<SoakResult> {
  const { fleet, server, serverUrl } = ctx;
  const after: Mem[] = [];
  const errors: Record<string, number> = {};
  const add = (from: Record<string, number>) => {
    for (const [k, v] of Object.entries(from)) errors[k] = (errors[k] ?? 0) + v;
  };
  let finished = 0;
  let cutShort = false;
  let longestMs = 0;
  const t0 = nowMs();
  const create = () => createGame(ctx.api, ctx.deckId, { questionCount: o.questions, secondsPerQuestion: o.seconds, playerCap: o.players });
  await fleet.plan({ byIndex: {}, fallback: { spreadMs: o.spreadMs, abstain: 0 } });
  let nextGame: Promise<CreatedGame> | null = create();
  for (let g = 0; g < o.games; g++) {
    // Stop early rather than overrun the run's budget; the last game must still be measured.
    if (g >= 2 && nowMs() + longestMs * 1.5 + RESERVE_MS > ctx.deadline) {
      cutShort = true;
      ctx.log(`soak: stopping after ${g} games (time budget)`);
      break;
    }
    const gameStart = nowMs();
    const game = await nextGame!;
    nextGame = null;
    const hosts = await fleet.hosts(serverUrl, [{ id: `soak-${g}-host`, ...game }], o.pauseMs);
    if (hosts.attached !== 1) throw new Error(`soak game ${g + 1}: host could not attach: ${JSON.stringify(hosts.errors)}`);
    const ids = playerIds(`soak-${g}`, o.players);
    await fleet.connect(serverUrl, ids, game.code);
    const join = await fleet.join(ids.map((id, i) => ({ id, code: game.code, nickname: nickname(i) })));
    add(join.errors);
    await fleet.start();
    if (g + 1 < o.games) {
      nextGame = create();
      nextGame.catch(() => {}); // awaited in the next round
    }
    const done = await hosts.allDone(o.questions * (o.seconds * 1000 + 3000 + 3 * o.pauseMs + 2000) + 15_000);
    if (!done.timedOut) finished++;
    const samples = await fleet.collect();
    add(samples.ackErrors);
    add(samples.hostErrors);
    await fleet.closeAll();
    await sleep(100);
    // The first and the last reading wait for RSS to settle; the ones between only collect.
    const last = g === o.games - 1 || nowMs() + (nowMs() - gameStart) * 2.5 + RESERVE_MS > ctx.deadline;
    after.push(g === 0 || last ? await serverMem(server) : await server.call<Mem>('mem', { gc: true, settle: false }));
    longestMs = Math.max(longestMs, nowMs() - gameStart);
    if (g === 0 || last || (g + 1) % 5 === 0) {
      ctx.log(`soak game ${g + 1}/${o.games}: rss ${mb(after[g].rss)} MB, heap ${mb(after[g].heapUsed)} MB ${fmtErrors(join.errors)}`);
    }
    if (last && g + 1 < o.games) {
      cutShort = true;
      ctx.log(`soak: stopping after ${g + 1} games (time budget)`);
      break;
    }
  }
  if (nextGame) await nextGame.catch(() => {});
  const first = after[0];
  const lastMem = after[after.length - 1];
  return {
    games: o.games,
    played: after.length,
    finished,
    players: o.players,
    after,
    rssGrowthPct: ((lastMem.rss - first.rss) / first.rss) * 100,
    heapGrowthPct: ((lastMem.heapUsed - first.heapUsed) / first.heapUsed) * 100,
    ms: nowMs() - t0,
    cutShort,
    errors,
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
