// The real entry point as a child process (tsx server/main.ts), for tests of what only a
// whole process shows: a crash, a restart, a lost database connection.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TestClient } from './socket-clients.js';

const root = path.resolve(import.meta.dirname, '../..');
const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(root, '../shared/seeds');
const SEED_NAME = '001_ab718a6ec3ad9267.txt';
export const HOST_TOKEN = 'process-test-host-secret-0123456789';

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
  /** Everything the process printed so far (banner and logs). */
  output(): string;
}

export function startServer(env: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', HOST_TOKEN, ...env },
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /Players join at:\s+http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (port && /Host screen:/.test(out)) resolve({ child, baseUrl: `http://127.0.0.1:${port}`, exited, output: () => out + err });
    });
    child.stderr!.on('data', (d) => (err += d));
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready: ${err}`)));
  });
}

export async function api<T>(server: Server, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + url, {
    method,
    headers: { authorization: `Bearer ${HOST_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!res.ok || !json.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json.error)}`);
  return json.data;
}

export const connect = (server: Server) => new TestClient(server.baseUrl).ready();


export interface ProcessGame {
  gameId: string;
  code: string;
  hostToken: string;
}

/** A deck of one seed notes file, imported over REST, and a game made from it. */
export async function gameFromSeedNotes(server: Server, deckName: string, settings: { questionCount: number; secondsPerQuestion: number }): Promise<ProcessGame> {
  const deck = await api<{ id: string }>(server, 'POST', '/api/decks', { name: deckName });
  const text = fs.readFileSync(path.join(SEEDS_DIR, SEED_NAME), 'utf8');
  await api(server, 'POST', `/api/decks/${deck.id}/files`, { name: SEED_NAME, text });
  return api<ProcessGame>(server, 'POST', '/api/games', { deckId: deck.id, ...settings });
}
