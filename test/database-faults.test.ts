// A running server loses its database: its backends are terminated mid-game, then the
// database is unreachable for 10 s (a TCP proxy between the server and PostgreSQL is cut).
// The process stays up, the game goes on, reads fail fast with a clear status, acks wait for
// the database and come once it is back, and nothing acknowledged is lost.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, gameFromSeedNotes, HOST_TOKEN, startServer, type Server } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { okData, type TestClient } from './support/socket-clients.js';


/** Forwards a local port to PostgreSQL; `cut` drops every connection and refuses new ones. */
class Proxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((inbound) => {
      const outbound = net.connect(this.target.port, this.target.host);
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe('database faults', () => {
  let tdb: TestDatabase;
  let proxy: Proxy;
  let server: Server | null = null;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    const url = new URL(tdb.url);
    proxy = new Proxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.open();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await proxy?.cut();
    await tdb?.drop();
  });

  it('survives killed backends and a 10 s outage without losing an acknowledged answer', { timeout: 120_000 }, async () => {
    const viaProxy = new URL(tdb.url);
    viaProxy.port = String(proxy.port);
    server = await startServer({ DATABASE_URL: viaProxy.toString() });
    const running = server;
    let exitCode: number | null | undefined;
    void running.exited.then((code) => (exitCode = code));

    const game = await gameFromSeedNotes(running, 'Fault deck', { questionCount: 2, secondsPerQuestion: 60 });
    const host = await connect(running);
    okData(await host.call('host:attach', { gameId: game.gameId, hostToken: game.hostToken }));
    const players: TestClient[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await connect(running);
      okData(await c.call('room:join', { code: game.code, nickname: `P${i}` }));
      players.push(c);
    }
    okData(await host.call('game:start', {}));
    const { question } = await host.take('question:open', 10_000);
    // Acks may wait for the database to come back: a longer patience than the usual 5 s.
    const submit = (i: number) => players[i]!.call('answer:submit', { questionId: question.id, optionIndex: i % question.options.length }, 30_000);
    okData(await submit(0));
    okData(await submit(1));

    // 1. Every backend of the database is terminated (a restart or failover looks the same).
    const admin = new pg.Client({ connectionString: tdb.url });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    okData(await submit(2));
    expect(exitCode).toBeUndefined();

    // 2. Ten seconds without a database: reads fail fast, acks wait, the process stays up.
    await proxy.cut();
    const held = [submit(3), submit(4)];
    const asked = Date.now();
    const health = await fetch(`${running.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(Date.now() - asked).toBeLessThan(7_000);
    const decks = await fetch(`${running.baseUrl}/api/decks`, { headers: { authorization: `Bearer ${HOST_TOKEN}` } });
    expect(decks.status).toBeGreaterThanOrEqual(500);
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - asked))));
    expect(exitCode).toBeUndefined();
    await proxy.open();
    for (const ack of await Promise.all(held)) okData(ack);
    okData(await submit(5));
    const reveal = await host.take('question:reveal', 10_000);
    expect(reveal.answered).toBe(6);

    okData(await host.call('game:next', {}));
    okData(await host.call('game:end', {}));
    await host.take('room:closed');
    const rows = await tdb.db.prisma.answer.findMany({ where: { gameId: game.gameId } });
    expect(rows).toHaveLength(6);
    await expect
      .poll(async () => (await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } })).status, { timeout: 10_000 })
      .toBe('ended-by-host');
    expect(exitCode).toBeUndefined();
    expect(running.output()).toMatch(/database connection lost|game write failed/);
    for (const c of [host, ...players]) c.close();
  });
});
