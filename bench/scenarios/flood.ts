// Embedded database under a resume flood. The real server (`server/main.ts`) on a fresh PGlite
// DATA_DIR, as a newcomer runs it: its idle RSS once settled; then a game of `players` whose
// answers are timed while `flooders` sockets from the same address send room:resume with
// random tokens as fast as their acks come back. The flood's lookups that need the database
// are limited per address; the figure is the players' answer ack p99 meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { nowMs } from '../clock.js';
import { summarize, type Summary } from '../metrics.js';
import { Api, importSeedDeck } from '../setup.js';

export interface FloodConfig {
  players: number;
  flooders: number;
  questions: number;
  seconds: number;
  /** Answers of a question are spread over this long. */
  spreadMs: number;
}

export interface FloodResult {
  idleRssMb: number;
  ack: Summary;
  floodAcks: Record<string, number>;
  floodPerSecond: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return NaN;
  }
}

function startServer(dataDir: string, hostToken: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, HOST_TOKEN: hostToken, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /Players join at:\s+http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (port && /Host screen:/.test(out)) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`embedded server exited (${code})`)));
  });
}

const connect = (url: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

type AckShape = { ok: boolean; data?: any; error?: { code: string } };
const call = (s: Socket, event: string, payload: unknown, timeoutMs = 30_000) =>
  (s.timeout(timeoutMs).emitWithAck as (e: string, p: unknown) => Promise<AckShape>)(event, payload);

export async function floodScenario(log: (m: string) => void, config: FloodConfig): Promise<FloodResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-embedded-'));
  const hostToken = crypto.randomBytes(24).toString('base64url');
  const { child, url } = await startServer(dataDir, hostToken);
  const sockets: Socket[] = [];
  try {
    // Idle memory once settled: V8 gives back the start-up's garbage some 20–30 s after it,
    // in steps with flat stretches between, so sample for 45 s and take the last 5 s.
    const samples: number[] = [];
    for (let t = 0; t < 45; t++) {
      await new Promise((r) => setTimeout(r, 1000));
      samples.push(rssMb(child.pid!));
    }
    const idle = Math.max(...samples.slice(-5));
    log(`embedded server idle RSS ${Math.round(idle)} MB`);

    const api = new Api(url, hostToken);
    const deck = await importSeedDeck(api);
    const game = await api.request<{ gameId: string; code: string; hostToken: string }>('POST', '/api/games', {
      deckId: deck.deckId,
      questionCount: config.questions,
      secondsPerQuestion: config.seconds,
    });
    const host = await connect(url);
    sockets.push(host);
    const attached = await call(host, 'host:attach', { gameId: game.gameId, hostToken: game.hostToken });
    if (!attached.ok) throw new Error(`host:attach: ${attached.error?.code}`);
    const players: Socket[] = [];
    for (let i = 0; i < config.players; i++) {
      const s = await connect(url);
      sockets.push(s);
      const joined = await call(s, 'room:join', { code: game.code, nickname: `Player ${i + 1}` });
      if (!joined.ok) throw new Error(`room:join: ${joined.error?.code}`);
      players.push(s);
    }
    const flooders = await Promise.all(Array.from({ length: config.flooders }, () => connect(url)));
    sockets.push(...flooders);

    const floodAcks: Record<string, number> = {};
    let flooding = true;
    let floodCount = 0;
    const floodStart = nowMs();
    const flood = Promise.all(
      flooders.map(async (s) => {
        while (flooding && s.connected) {
          const ack = await call(s, 'room:resume', { token: crypto.randomBytes(32).toString('base64url') }, 10_000).catch(() => ({ ok: false, error: { code: 'TIMEOUT' } }));
          const code = ack.ok ? 'ok' : (ack.error?.code ?? '?');
          floodAcks[code] = (floodAcks[code] ?? 0) + 1;
          floodCount++;
          // The socket budget (30 per 3 s) answers RATE_LIMITED from memory; keep knocking.
        }
      }),
    );

    const acks: number[] = [];
    host.on('question:open', (p: { question: { id: string; options: string[] } }) => {
      void (async () => {
        await Promise.all(
          players.map(async (s, i) => {
            await new Promise((r) => setTimeout(r, (config.spreadMs * i) / players.length));
            const sent = nowMs();
            const ack = await call(s, 'answer:submit', { questionId: p.question.id, optionIndex: i % p.question.options.length });
            if (ack.ok) acks.push(nowMs() - sent);
          }),
        );
      })();
    });
    const revealed = () => new Promise<void>((resolve) => host.once('question:reveal', () => resolve()));
    await call(host, 'game:start', {});
    for (let q = 0; q < config.questions; q++) {
      await revealed();
      if (q + 1 < config.questions) {
        await call(host, 'game:next', {});
        await call(host, 'game:next', {});
      }
    }
    flooding = false;
    const floodSeconds = (nowMs() - floodStart) / 1000;
    await flood;
    const result: FloodResult = { idleRssMb: idle, ack: summarize(acks), floodAcks, floodPerSecond: floodCount / floodSeconds };
    log(`flood on the embedded database: ${Math.round(result.floodPerSecond)} resumes/s (${JSON.stringify(floodAcks)}), answer ack p50 ${result.ack.p50.toFixed(1)} / p99 ${result.ack.p99.toFixed(1)} ms over ${acks.length} answers`);
    return result;
  } finally {
    for (const s of sockets) s.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
