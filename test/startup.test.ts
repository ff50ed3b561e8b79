// The real entry point, started as a process: expected failures print one clear line and
// exit with code 1, without a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db.js';

const root = path.resolve(import.meta.dirname, '..');

function runServer(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (untilOutput?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

function expectOneLineFailure(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('server start-up', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it('refuses a malformed DATABASE_URL', async () => {
    expectOneLineFailure(await runServer({ DATABASE_URL: 'mysql://root@localhost/x' }), /Invalid DATABASE_URL/);
  });

  it('refuses an unreachable database', async () => {
    expectOneLineFailure(
      await runServer({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' }),
      /Cannot connect to PostgreSQL at 127\.0\.0\.1:1.*connection refused/,
    );
  });

  it('refuses an unwritable DATA_DIR', async () => {
    expectOneLineFailure(await runServer({ DATA_DIR: '/proc/quiz-night' }), /DATA_DIR .* is not writable/);
  });

  it('refuses a port that is already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runServer({ DATABASE_URL: test.url, PORT: String(port), HOST: '127.0.0.1', HOST_TOKEN: 'x'.repeat(20) });
      expectOneLineFailure(result, new RegExp(`Port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('starts on PostgreSQL, prints the join and host URLs, and stops cleanly on SIGTERM', async () => {
    const result = await runServer(
      { DATABASE_URL: test.url, PORT: '0', HOST: '127.0.0.1', HOST_TOKEN: 'banner-secret-0123456789' },
      /Host screen:/,
    );
    expect(result.stdout).toContain('database: postgres');
    expect(result.stdout).toMatch(/Players join at:\s+http:\/\/localhost:\d+/);
    expect(result.stdout).toMatch(/\/host#host=banner-secret-0123456789/);
    expect(result.code).toBe(0);
  });

  it('starts on the embedded database in DATA_DIR with no DATABASE_URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-start-'));
    try {
      const result = await runServer({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, /Host screen:/);
      expect(result.stdout).toContain('database: pglite');
      expect(result.code).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'server.pid'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
