// One browser test file's world: a real database, the app serving the built client, Debian's
// chromium, and the pages the test opens as phones or the host's laptop, with their uncaught
// errors and console errors collected. Set up before the file's tests, torn down after.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startApp, type RunningApp } from './app.js';
import { closeAll, ensureClientBuilt, LAPTOP, launchBrowser, PHONE, watchErrors } from './browser.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Short biology notes: five organelle-like terms in one topic, for small games. */
export const BIOLOGY_NOTES = `# Biology

## Cells
- Mitochondria: the organelle that produces most of the cell's ATP
- Ribosome: the site where proteins are assembled from amino acids
- Nucleus: the organelle that holds the cell's chromosomes
- Lysosome: the organelle that digests waste with enzymes
- Chloroplast: the organelle where photosynthesis takes place
`;

export interface BrowserEvening {
  readonly app: RunningApp;
  readonly tdb: TestDatabase;
  /** Errors of the pages opened so far; a test clears it when it starts and expects it empty. */
  readonly errors: string[];
  /** A new phone (390×844, touch) or laptop (1366×768) page; `console: false` leaves out its
   *  console errors (a page refused on purpose logs one). */
  open(kind: 'phone' | 'laptop', label: string, options?: { console?: boolean }): Promise<Page>;
  /** A host REST call (GET without a body, POST with one); fails the test on an error envelope. */
  hostApi<T>(url: string, body?: unknown): Promise<T>;
}

export function browserEvening(): BrowserEvening {
  let tdb: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const clientDir = ensureClientBuilt();
    tdb = await createTestDatabase();
    app = await startApp(tdb.db, { clientDir });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await closeAll(contexts);
    await browser?.close();
    await app?.close();
    await tdb?.drop();
  });

  return {
    get app() {
      return app;
    },
    get tdb() {
      return tdb;
    },
    errors,
    async open(kind, label, options = {}) {
      const context = await browser.newContext(kind === 'phone' ? PHONE : LAPTOP);
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, label, errors, options);
      return page;
    },
    async hostApi<T>(url: string, body?: unknown): Promise<T> {
      const init: RequestInit =
        body === undefined ? { headers: app.hostHeaders } : { method: 'POST', headers: { ...app.hostHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) };
      const json = (await (await fetch(`${app.baseUrl}${url}`, init)).json()) as { ok: boolean; data: T };
      expect(json.ok, `${url}: ${JSON.stringify(json)}`).toBe(true);
      return json.data;
    },
  };
}
