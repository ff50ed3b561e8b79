// Browser tests drive Debian's chromium through playwright-core (never a downloaded
// browser). Helpers for phone-sized contexts, screenshots under test-artifacts/ at the three
// screen sizes a quiz night uses, and an accessibility check (axe-core) of every screen shot.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
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
    // A test that takes a phone offline on purpose sees its reconnection attempts fail.
    if (message.type() === 'error' && !message.text().includes('net::ERR_INTERNET_DISCONNECTED')) into.push(`${label} console: ${message.text()}`);
  });
}

/** The screens of a quiz night: a phone, the laptop driving the projector, a full-HD projector. */
export const SCREEN_SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page as it is (WCAG 2.1 A and AA rules). */
export async function accessibilityProblems(page: Page, screen: string): Promise<AxeProblem[]> {
  // Evaluated through the debugging protocol, so the app's Content-Security-Policy (no inline
  // scripts) does not stop it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact, help: v.help, targets: v.targets }));
}

const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

export class Screenshots {
  private n = 0;
  readonly dir: string;
  /** Every serious or critical accessibility finding on the screens shot so far. */
  readonly problems: AxeProblem[] = [];
  private readonly all: AxeProblem[] = [];

  constructor(name: string) {
    this.dir = path.join(ARTIFACTS_DIR, name);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Saves the screen at each of SCREEN_SIZES (`NN-name-390x844.png`, …; full page for long
   * screens), then puts the page back at its own size and checks it with axe-core. Returns the
   * files.
   */
  async take(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string[]> {
    const n = String(++this.n).padStart(2, '0');
    const own = page.viewportSize();
    const files: string[] = [];
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await nextFrames(page);
      const file = path.join(this.dir, `${n}-${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled', scale: 'css' });
      files.push(file);
    }
    if (own) await page.setViewportSize(own);
    await nextFrames(page);
    this.check(await accessibilityProblems(page, name));
    return files;
  }

  /** A long page as screen-sized pieces (`NN-name-1.png`, …), each readable on its own. */
  async takeScrolling(page: Page, name: string, maxPieces = 6): Promise<void> {
    const n = String(++this.n).padStart(2, '0');
    const own = page.viewportSize();
    for (const viewport of SCREEN_SIZES) {
      await page.setViewportSize(viewport);
      await nextFrames(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let i = 0, y = 0; y < height && i < maxPieces; i++, y += viewport.height) {
        const clip = { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) };
        const file = path.join(this.dir, `${n}-${name}-${viewport.width}x${viewport.height}-${i + 1}.png`);
        await page.screenshot({ path: file, fullPage: true, clip, animations: 'disabled', scale: 'css' });
      }
    }
    if (own) await page.setViewportSize(own);
    await nextFrames(page);
    this.check(await accessibilityProblems(page, name));
  }

  /** Keeps the findings, and writes them all next to the screenshots for a human to read. */
  private check(found: AxeProblem[]): void {
    this.problems.push(...found);
    this.all.push(...found);
    fs.writeFileSync(path.join(this.dir, 'axe-findings.json'), JSON.stringify(this.all, null, 2));
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
