// Browser tests drive Debian's chromium through playwright-core (never a downloaded
// browser). Helpers for phone-sized contexts and screenshots under test-artifacts/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ROOT_DIR = path.resolve(import.meta.dirname, '../..');
export const CLIENT_DIR = path.join(ROOT_DIR, 'dist/client');
export const ARTIFACTS_DIR = path.join(ROOT_DIR, 'test-artifacts');

/** A phone like the one most players hold: 390×844 CSS pixels, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** The laptop that drives the projector. */
export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };

/** CI builds the client before the tests; a bare `npm test` in a fresh checkout builds it once here. */
export function ensureClientBuilt(): string {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT_DIR,
      stdio: 'inherit',
    });
  }
  return CLIENT_DIR;
}

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page, label: string, into: string[], options: { console?: boolean } = {}): void {
  page.on('pageerror', (error) => into.push(`${label}: ${error.message}`));
  // A page that is refused on purpose (a wrong secret: 403) logs a console error; skip those.
  if (options.console === false) return;
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${label} console: ${message.text()}`);
  });
}

export class Screenshots {
  private n = 0;
  readonly dir: string;

  constructor(name: string) {
    this.dir = path.join(ARTIFACTS_DIR, name);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Saves `NN-name.png`; full page for long screens, the viewport otherwise. */
  async take(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    const file = path.join(this.dir, `${String(++this.n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
    return file;
  }

  /** A long page as screen-sized pieces (`NN-name-1.png`, …), each readable on its own. */
  async takeScrolling(page: Page, name: string, maxPieces = 6): Promise<void> {
    const n = String(++this.n).padStart(2, '0');
    const viewport = page.viewportSize() ?? { width: 390, height: 844 };
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0, y = 0; y < height && i < maxPieces; i++, y += viewport.height) {
      const clip = { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) };
      await page.screenshot({ path: path.join(this.dir, `${n}-${name}-${i + 1}.png`), fullPage: true, clip, animations: 'disabled' });
    }
  }
}

/** Horizontal overflow is the most common phone layout bug: nothing may be wider than the screen. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) offenders.push(`document ${document.documentElement.scrollWidth}px > ${width}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      // Scroll containers may hold wide content on purpose (tables).
      if (el.closest('.table-scroll')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.right > width + 1) {
        offenders.push(`${el.tagName.toLowerCase()}.${el.className || ''} right=${Math.round(rect.right)}`);
        if (offenders.length > 5) break;
      }
    }
    return offenders;
  });
}

export async function closeAll(contexts: BrowserContext[]): Promise<void> {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
}
