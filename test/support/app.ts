// Starts a real server (createApp) on a random port over a test database.
import pino from 'pino';
import { createApp, type App } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';

export const TEST_HOST_TOKEN = 'test-host-secret-0123456789';

export interface RunningApp {
  app: App;
  baseUrl: string;
  hostHeaders: Record<string, string>;
  close(): Promise<void>;
}

export async function startApp(db: Database, opts: { hostToken?: string; clientDir?: string } = {}): Promise<RunningApp> {
  const hostToken = opts.hostToken ?? TEST_HOST_TOKEN;
  const app = createApp({ db, logger: pino({ level: 'silent' }), hostToken, clientDir: opts.clientDir });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    hostHeaders: { authorization: `Bearer ${hostToken}` },
    close: () => app.close(),
  };
}
