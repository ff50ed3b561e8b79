// What a run needs around the server: its own PostgreSQL database (created for the run,
// dropped after), the deck imported from the seed notes, and games created over REST with
// the host secret, exactly as the host screen does it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../shared/seeds');

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `qn_bench_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`The benchmark needs a PostgreSQL server at ${adminUrl} (set BENCH_DATABASE_URL): ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export class Api {
  constructor(
    readonly baseUrl: string,
    private hostToken: string,
  ) {}

  async request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + route, {
      method,
      headers: { authorization: `Bearer ${this.hostToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: { ok?: boolean; data?: T; error?: { code: string; message: string } };
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${route}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok || json.ok === false) {
      throw new Error(`${method} ${route}: HTTP ${res.status} ${json.error ? `${json.error.code}: ${json.error.message}` : text.slice(0, 200)}`);
    }
    return json.data as T;
  }
}

export interface DeckInfo {
  deckId: string;
  files: number;
  facts: number;
}

/** Imports the five seed files into a new deck through the real import route. */
export async function importSeedDeck(api: Api, seedsDir = SEEDS_DIR): Promise<DeckInfo> {
  const names = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new Error(`no seed files in ${seedsDir}`);
  const deck = await api.request<{ id: string }>('POST', '/api/decks', { name: `bench ${new Date().toISOString()}` });
  const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(seedsDir, name), 'utf8') }));
  const report = await api.request<{ totals: { facts: number } }>('POST', `/api/decks/${deck.id}/files`, { files });
  return { deckId: deck.id, files: names.length, facts: report.totals.facts };
}

export interface CreatedGame {
  gameId: string;
  code: string;
  hostToken: string;
}

export interface GameOptions {
  questionCount: number;
  secondsPerQuestion: number;
  playerCap: number;
}

export function createGame(api: Api, deckId: string, o: GameOptions): Promise<CreatedGame> {
  return api.request<CreatedGame>('POST', '/api/games', {
    deckId,
    questionCount: o.questionCount,
    secondsPerQuestion: o.secondsPerQuestion,
    playerCap: o.playerCap,
    scoring: 'speed',
    display: 'devices',
    allowLateJoin: true,
  });
}
