import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

describe('loadConfig', () => {
  it('uses the documented defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('data'));
    expect(c.hostToken).toBeUndefined();
  });

  it('reads PORT, DATABASE_URL, DATA_DIR and HOST_TOKEN', () => {
    const c = loadConfig({
      PORT: '4123',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/quiz',
      DATA_DIR: '/tmp/quiz-data',
      HOST_TOKEN: 'a-long-enough-host-secret',
    });
    expect(c).toMatchObject({ port: 4123, databaseUrl: 'postgresql://postgres@127.0.0.1:5432/quiz', dataDir: '/tmp/quiz-data' });
    expect(c.hostToken).toBe('a-long-enough-host-secret');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'postgresql://'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['HOST_TOKEN', 'short'],
    ['HOST_TOKEN', 'has spaces and is long enough'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'nope'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`Invalid ${name}`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads REDIS_URL with a PostgreSQL database, and refuses it with the embedded one', () => {
    const db = 'postgresql://postgres@127.0.0.1:5432/quiz';
    expect(loadConfig({ DATABASE_URL: db, REDIS_URL: 'redis://127.0.0.1:6379/3' }).redisUrl).toBe('redis://127.0.0.1:6379/3');
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/3' })).toThrow(/REDIS_URL needs DATABASE_URL/);
  });
});
