// The whole quiz night in a real browser: a host imports notes and opens a game, three
// players join on phones through the join link, everyone answers, one player reloads in
// the middle of a question and carries on, the leaderboard and the podium appear, and the
// results page opens with real figures. On the way the host strikes a previewed question and
// flags one at a reveal; the next games leave both out, and the notes bank lists the flag.
// Screenshots of every screen go to test-artifacts/e2e-quiz-night/ for a human (or a reviewer)
// to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_HOST_TOKEN } from './support/app.js';
import { horizontalOverflow, Screenshots } from './support/browser.js';
import { browserEvening } from './support/browser-evening.js';

const SEEDS = path.resolve(import.meta.dirname, '../../shared/seeds');
// Markdown notes with five top-level topics and sub-topics: a good topic breakdown.
const SEED_FILE = path.join(SEEDS, '001_ab718a6ec3ad9267.txt');
const QUESTIONS = 3;
const WAIT = { timeout: 15_000 };

// Uncaught page errors and console errors of the current test: each test ends with none.
const ev = browserEvening();
const { errors, hostApi, open } = ev;
const shots = new Screenshots('e2e-quiz-night');

async function expectFits(page: Page, what: string): Promise<void> {
  expect(await horizontalOverflow(page), `${what} overflows the phone screen`).toEqual([]);
}

/** On the projector, everything on the stage is visible between the top bar and the controls
 *  (the stage never needs scrolling), at both projector sizes. */
async function expectStageFits(page: Page, what: string): Promise<void> {
  const own = page.viewportSize();
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const fit = await page.evaluate(() => {
      const stage = document.querySelector<HTMLElement>('.live-stage')!;
      const controls = document.querySelector<HTMLElement>('.live-controls')!.getBoundingClientRect();
      const lowest = Math.max(...Array.from(stage.querySelectorAll<HTMLElement>('*')).map((el) => el.getBoundingClientRect().bottom));
      return { scrolls: stage.scrollHeight > stage.clientHeight + 1, lowest, controlsTop: controls.top };
    });
    expect(fit.scrolls, `${what} at ${size.width}x${size.height}: the stage scrolls`).toBe(false);
    expect(fit.lowest, `${what} at ${size.width}x${size.height}: content under the controls`).toBeLessThanOrEqual(fit.controlsTop + 1);
  }
  if (own) await page.setViewportSize(own);
}

describe('quiz night in the browser', () => {
  beforeEach(() => {
    errors.length = 0;
    shots.problems.length = 0;
  });

  it('runs from importing notes to the results page', { timeout: 150_000 }, async () => {
    // ---- host: notes bank ---------------------------------------------------------------
    const host = await open('laptop', 'host');
    await host.goto(`${ev.app.baseUrl}/host#host=${TEST_HOST_TOKEN}`);
    await host.getByRole('heading', { name: 'Decks' }).waitFor(WAIT);
    expect(new URL(host.url()).hash, 'the host secret is wiped from the address bar').toBe('');
    await shots.take(host, 'host-bank-empty');

    await host.getByLabel('New deck').fill('AWS ML specialty');
    await host.getByRole('button', { name: 'Create' }).click();
    await host.getByRole('heading', { name: 'AWS ML specialty' }).waitFor(WAIT);
    await host.setInputFiles('input[type=file]', SEED_FILE);
    const reportTitle = host.getByRole('heading', { name: /^Import report: \d+ facts/ });
    await reportTitle.waitFor(WAIT);
    expect(Number(/(\d+) facts/.exec((await reportTitle.textContent()) ?? '')?.[1])).toBeGreaterThan(20);
    await host.locator('.report-file summary', { hasText: 'Skipped lines' }).first().click();
    await reportTitle.scrollIntoViewIfNeeded();
    await shots.take(host, 'host-import-report');

    // Browse a topic: its facts carry file:line.
    await host.locator('.fact-topics .topic-name', { hasText: 'Amazon SageMaker' }).first().click();
    await expect.poll(() => host.locator('.fact-list .hint').first().textContent(), WAIT).toContain('Amazon SageMaker');
    await expect.poll(() => host.locator('.fact-source button').first().textContent(), WAIT).toMatch(/001_ab718a6ec3ad9267\.txt:\d+/);
    await host.locator('.fact-source button').first().click();
    await host.locator('.source-lines .is-hit').first().waitFor(WAIT);
    await host.getByRole('heading', { name: 'Topics and facts' }).scrollIntoViewIfNeeded();
    await shots.take(host, 'host-topic-facts');

    // ---- host: new game -----------------------------------------------------------------
    await host.getByRole('link', { name: 'New game from this deck' }).click();
    await host.getByRole('heading', { name: 'What to ask' }).waitFor(WAIT);
    await host.locator('.topic-pick', { hasText: 'Data Engineering' }).locator('input').check();
    await host.locator('.topic-pick', { hasText: 'Amazon SageMaker' }).locator('input').check();
    await host.getByLabel('Number of questions').fill(String(QUESTIONS));
    await host.getByLabel('Time per question').selectOption('20');
    await host.getByRole('button', { name: 'Preview 5 questions' }).click();
    await host.locator('.preview-list > li').first().waitFor(WAIT);
    expect(await host.locator('.preview-options .is-answer').count()).toBeGreaterThan(0);
    await shots.take(host, 'host-new-game', { fullPage: true });

    // Curation: "Never ask this" on the first previewed question.
    const firstPreview = host.locator('.preview-list > li').first();
    await firstPreview.getByRole('button', { name: 'Never ask this: question 1' }).click();
    await firstPreview.getByText('Never asked like this again').waitFor(WAIT);
    await firstPreview.scrollIntoViewIfNeeded();
    await shots.take(host, 'host-preview-struck');
    const deckId = decodeURIComponent(new URL(host.url()).searchParams.get('deck') ?? '');
    const struck = (await hostApi<{ struck: { factId: string; kind: string }[] }>(`/api/decks/${deckId}/curation`)).struck;
    expect(struck).toHaveLength(1);
    await host.getByRole('button', { name: 'Open the live room' }).click();
    await host.waitForURL(/\/host\/game\/[^/]+$/, WAIT);
    const gameId = decodeURIComponent(new URL(host.url()).pathname.split('/').pop()!);

    // ---- lobby: three players join through the join link --------------------------------
    const codeText = await host.locator('.lobby-code').textContent(WAIT);
    const code = (codeText ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const joinUrl = `${ev.app.baseUrl}/?code=${code}`;
    expect(await host.locator('.lobby-url').textContent()).toContain(`?code=${code}`);
    await host.locator('img.qr-code').waitFor(WAIT);

    const names = ['Ann', 'Bob', null];
    const players: Page[] = [];
    for (const [i, name] of names.entries()) {
      const page = await open('phone', name ?? 'suggested');
      await page.goto(joinUrl);
      // The code from the link is checked at once: the player lands on the nickname step.
      await page.getByLabel('Your nickname').waitFor(WAIT);
      if (i === 0) await shots.take(page, 'phone-join-nickname');
      if (name) await page.getByLabel('Your nickname').fill(name);
      else {
        await page.getByLabel('Your nickname').fill('');
        await page.getByRole('button', { name: 'Suggest a name' }).click();
        await expect.poll(() => page.getByLabel('Your nickname').inputValue(), WAIT).not.toBe('');
      }
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: "You're in!" }).waitFor(WAIT);
      players.push(page);
    }
    const [ann, bob, cy] = players;
    // The phones' lobby follows who is in, by name (at most a second behind).
    await ann.getByRole('heading', { name: '3 players in' }).waitFor(WAIT);
    expect(await ann.locator('.roster-names li').allTextContents()).toEqual(expect.arrayContaining(['Ann', 'Bob']));
    expect(await ann.locator('.roster-names li.is-me').textContent()).toBe('Ann');
    await shots.take(ann, 'phone-lobby');
    await expectFits(ann, 'phone lobby');

    // A taken nickname gets a clear message.
    const dup = await open('phone', 'dup');
    await dup.goto(joinUrl);
    await dup.getByLabel('Your nickname').fill('ann');
    await dup.getByRole('button', { name: 'Join' }).click();
    await dup.getByRole('alert').filter({ hasText: 'already taken' }).waitFor(WAIT);
    await shots.take(dup, 'phone-join-name-taken');
    await expectFits(dup, 'join screen');
    await dup.context().close();

    await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(3);
    await shots.take(host, 'host-lobby');

    // The test peeks at the stored answers (players cannot) so the figures are known:
    // Ann is always right, Bob always wrong, the third player right on the first two.
    const stored = await ev.tdb.db.prisma.gameQuestion.findMany({ where: { gameId }, orderBy: { index: 'asc' } });
    // Each phone joined with its own device key (the group's memory follows the phone); the
    // server keeps only a hash of it.
    const joined = await ev.tdb.db.prisma.player.findMany({ where: { gameId }, select: { deviceKeyHash: true } });
    expect(joined.every((p) => /^[0-9a-f]{64}$/.test(p.deviceKeyHash ?? ''))).toBe(true);
    expect(new Set(joined.map((p) => p.deviceKeyHash)).size).toBe(3);
    expect(stored).toHaveLength(QUESTIONS);
    const right = (q: number) => stored[q].answerIndex;
    const wrong = (q: number) => (stored[q].answerIndex + 1) % stored[q].options.length;

    // ---- questions ----------------------------------------------------------------------
    await host.keyboard.press('Space');
    for (let q = 0; q < QUESTIONS; q++) {
      await host.locator('.live-question').waitFor(WAIT);
      await Promise.all(players.map((p) => p.locator('.option-button').first().waitFor(WAIT)));
      // The topic line above the question never names the answer.
      const answerText = stored[q].options[stored[q].answerIndex];
      expect((await host.locator('.question-topic').textContent()) ?? '').not.toContain(answerText);
      await expectStageFits(host, `question ${q + 1}`);
      if (q === 0) {
        // The countdown is announced politely to screen readers, not every second.
        expect(await bob.locator('.countdown [aria-live="polite"]').count()).toBe(1);
        await shots.take(host, 'host-question');
        await shots.take(bob, 'phone-question');
        await expectFits(bob, 'phone question');
      }

      if (q === 1) {
        // Mid-question reload: the player lands back on the same open question.
        await cy.reload();
        await cy.locator('.option-button').first().waitFor(WAIT);
        expect(await cy.locator('.question-meta').textContent()).toContain(`Question ${q + 1}/${QUESTIONS}`);
        await shots.take(cy, 'phone-after-reload');
      }

      await ann.locator('.option-button').nth(right(q)).click();
      // Locked in at once, before the server's acknowledgement.
      await ann.locator('.locked-in').waitFor({ timeout: 1_000 });
      if (q === 0) await shots.take(ann, 'phone-locked-in');
      await bob.locator('.option-button').nth(wrong(q)).click();
      await cy.locator('.option-button').nth(q < 2 ? right(q) : wrong(q)).click();

      // Everyone answered: the question closes without waiting for the timer.
      await host.locator('.live-reveal').waitFor(WAIT);
      await Promise.all(players.map((p) => p.locator('.play-result').waitFor(WAIT)));
      expect(await host.locator('.reveal-bar.is-correct').count()).toBe(1);
      expect(await host.locator('.reveal-source').textContent()).toMatch(/\.txt:\d+/);
      const counts = await host.locator('.reveal-count').allTextContents();
      expect(counts.reduce((sum, c) => sum + Number(c), 0)).toBe(3);
      expect(await ann.locator('.result-headline').textContent()).toBe('Correct!');
      expect(await bob.locator('.result-headline').textContent()).toBe('Not quite');
      // Phones show the note behind the answer, with its place, as the projector does.
      expect(await bob.locator('.result-source').textContent()).toBe(await host.locator('.reveal-source').textContent());
      expect((await bob.locator('.result-explanation').textContent()) ?? '').not.toBe('');
      await expectStageFits(host, `reveal ${q + 1}`);
      if (q === 0) {
        await shots.take(host, 'host-reveal');
        // Curation: the host flags this question with one key; players see nothing of it.
        await host.keyboard.press('f');
        await host.getByText('Flagged: fix it later in the notes bank').waitFor(WAIT);
        await shots.take(host, 'host-reveal-flagged');
        await shots.take(ann, 'phone-result-ann');
        await shots.take(bob, 'phone-result-bob');
        await expectFits(ann, 'phone result');
      }

      await host.keyboard.press('ArrowRight');
      if (q < QUESTIONS - 1) {
        await host.getByRole('heading', { name: 'Leaderboard' }).waitFor(WAIT);
        await ann.locator('.mini-board').waitFor(WAIT);
        expect(await host.locator('.board-row').count()).toBe(3);
        // Every bar starts and ends at the same x, whatever the score's width.
        const tracks = await host.locator('.board-track').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [Math.round(r.left), Math.round(r.right)]));
        expect(new Set(tracks.map((t) => t.join(','))).size).toBe(1);
        await expectStageFits(host, `leaderboard ${q + 1}`);
        if (q === 0) {
          await shots.take(host, 'host-leaderboard');
          await shots.take(ann, 'phone-leaderboard');
        }
        await host.keyboard.press('ArrowRight');
      }
    }

    // ---- podium -------------------------------------------------------------------------
    await host.locator('.podium').waitFor(WAIT);
    expect(await host.locator('.podium-step').count()).toBe(3);
    await Promise.all(players.map((p) => p.locator('.play-final').waitFor(WAIT)));
    expect(await ann.locator('.play-final h1').textContent()).toBe('You finished 1st');
    expect(await bob.locator('.play-final h1').textContent()).toBe('You finished 3rd');
    expect(await host.locator('.live-code').count(), 'no "Join at" on the podium').toBe(0);
    await expectStageFits(host, 'podium');
    await shots.take(host, 'host-podium');
    await shots.take(ann, 'phone-podium');
    await expectFits(ann, 'phone podium');

    await host.getByRole('button', { name: /Finish/ }).click();
    await host.getByRole('link', { name: 'Open the results' }).waitFor(WAIT);

    // ---- results ------------------------------------------------------------------------
    await ann.getByRole('link', { name: 'See what to re-read' }).click();
    await ann.getByRole('heading', { name: 'Group accuracy by topic' }).waitFor(WAIT);
    expect(ann.url()).toContain(`/results/${encodeURIComponent(gameId)}?player=`);
    await ann.locator('.you-card').waitFor(WAIT);
    expect(await ann.locator('.topic-bar').count()).toBeGreaterThan(0);
    expect(await ann.locator('.heat-map tbody tr').count()).toBe(3);
    // 3 + 0 + 2 right answers out of 9.
    expect(await ann.locator('.results-head').textContent()).toContain('group accuracy 56%');
    expect(await ann.locator('.you-card').textContent()).toContain('3/3 right (100%)');
    const bobRow = ann.locator('.heat-map tbody tr', { hasText: 'Bob' });
    expect(await bobRow.locator('.heat-cell').first().textContent()).toBe('0%');
    await shots.takeScrolling(ann, 'phone-results');
    await expectFits(ann, 'phone results');

    await host.getByRole('link', { name: 'Open the results' }).click();
    await host.getByRole('heading', { name: 'Who knows what' }).waitFor(WAIT);
    expect(await host.locator('a[href$="/export.csv"]').count()).toBe(1);
    await shots.takeScrolling(host, 'host-results');
    // The same dark screen as the rest of the evening; printed, a black-on-white handout.
    expect(await host.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(29, 27, 75)');
    await host.emulateMedia({ media: 'print' });
    expect(await host.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await host.locator('.results-downloads').isVisible()).toBe(false);
    await host.pdf({ path: path.join(shots.dir, 'results-handout.pdf'), format: 'A4' });
    await shots.take(host, 'host-results-print', { fullPage: true });
    await host.emulateMedia({ media: 'screen' });

    // One click for a rematch on the group's weakest topics: a new live room opens.
    await host.getByRole('button', { name: 'New game from our weakest topics' }).click();
    await host.waitForURL((url) => url.pathname.startsWith('/host/game/') && !url.pathname.endsWith(gameId), WAIT);
    await host.locator('.lobby-code').waitFor(WAIT);

    // ---- curation: the next games leave the struck question and the flagged fact out -----
    const flagged = (await hostApi<{ flagged: { factId: string; questionIndex: number; game: { id: string } }[] }>(`/api/decks/${deckId}/curation`)).flagged;
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ factId: stored[0].factId, questionIndex: 0, game: { id: gameId } });
    const rematchId = decodeURIComponent(new URL(host.url()).pathname.split('/').pop()!);
    const bigGame = await hostApi<{ gameId: string }>('/api/games', { deckId, questionCount: 100 });
    for (const id of [rematchId, bigGame.gameId]) {
      const asked = await ev.tdb.db.prisma.gameQuestion.findMany({ where: { gameId: id }, select: { factId: true, kind: true } });
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((a) => a.factId === flagged[0].factId)).toEqual([]);
      expect(asked.filter((a) => a.factId === struck[0].factId && a.kind === struck[0].kind)).toEqual([]);
    }

    // The notes bank lists the flagged question under "Needs fixing", ready to edit in place.
    await host.goto(`${ev.app.baseUrl}/host/bank?deck=${encodeURIComponent(deckId)}`);
    const fixing = host.locator('.curation');
    await fixing.locator('.flagged-fact').first().waitFor(WAIT);
    expect(await fixing.locator('.flagged-fact .hint').first().textContent()).toContain('Flagged at question 1 of game');
    await fixing.scrollIntoViewIfNeeded();
    await shots.take(host, 'host-needs-fixing');
    const factField = fixing.getByLabel('What the notes say').first();
    await factField.fill(`${await factField.inputValue()} (checked)`);
    await fixing.getByRole('button', { name: 'Save fix' }).click();
    await fixing.getByText('Nothing flagged.').waitFor(WAIT);
    // The fact browser: plain words, and "Fix" opens the host's tools on one fact.
    await host.locator('.fact-topics .topic-name', { hasText: 'Amazon SageMaker' }).first().click();
    await expect.poll(() => host.locator('.fact-list .hint').first().textContent(), WAIT).toContain('Amazon SageMaker');
    await host.locator('.fact .fact-fix').first().click();
    await host.locator('.fact-tools').waitFor(WAIT);
    await host.locator('.fact-tools').scrollIntoViewIfNeeded();
    await shots.take(host, 'host-fact-fix');

    expect(errors).toEqual([]);
    expect(shots.problems, 'axe-core: serious or critical findings').toEqual([]);
  });

  it('host-only display, kick, lock, a network drop, ending early, past games and the host gate', { timeout: 120_000 }, async () => {
    // Set up through the REST API: this test is about the live room, not the notes bank.
    const deck = await hostApi<{ id: string }>('/api/decks', { name: 'Flashcards' });
    await hostApi(`/api/decks/${deck.id}/files`, { name: 'flashcards.txt', text: fs.readFileSync(path.join(SEEDS, '002_0ed588c8464459f9.txt'), 'utf8') });
    const game = await hostApi<{ gameId: string; code: string }>('/api/games', {
      deckId: deck.id,
      questionCount: 2,
      // Long enough for the screenshots at three sizes while a question is open.
      secondsPerQuestion: 20,
      display: 'host-only',
      // No true/false: its buttons keep their words even in host-only display.
      kinds: ['def-to-term', 'term-to-def'],
    });
    const joinUrl = `${ev.app.baseUrl}/?code=${game.code}`;

    // The host screen takes the secret from the link and attaches with it.
    const host = await open('laptop', 'host2');
    await host.goto(`${ev.app.baseUrl}/host/game/${game.gameId}#host=${TEST_HOST_TOKEN}`);
    await host.locator('.lobby-code').waitFor(WAIT);
    host.on('dialog', (dialog) => void dialog.accept());

    // Unknown code.
    const stranger = await open('phone', 'stranger');
    await stranger.goto(`${ev.app.baseUrl}/?code=ZZZZZZ`);
    await stranger.getByRole('alert').filter({ hasText: 'No game is running with code ZZZZZZ' }).waitFor(WAIT);
    await shots.take(stranger, 'phone-join-unknown-code');

    const join = async (page: Page, nickname: string) => {
      await page.goto(joinUrl);
      await page.getByLabel('Your nickname').fill(nickname);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: "You're in!" }).waitFor(WAIT);
    };
    const dee = await open('phone', 'Dee');
    const eve = await open('phone', 'Eve');
    const mal = await open('phone', 'Mal');
    await join(dee, 'Dee');
    await join(eve, 'Eve');
    await join(mal, 'Mal');
    await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(3);

    // Kick: the player is told, and a reload does not bring them back in.
    await host.getByRole('button', { name: 'Remove Mal' }).click();
    await mal.getByRole('heading', { name: 'You are out of this game' }).waitFor(WAIT);
    await shots.take(mal, 'phone-kicked');
    await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(2);
    await mal.reload();
    await mal.getByLabel('Your nickname').waitFor(WAIT);

    // Locked room: a newcomer gets a clear message.
    await host.getByRole('button', { name: 'Lock room' }).click();
    await host.getByRole('button', { name: /Locked: unlock room/ }).waitFor(WAIT);
    await stranger.goto(joinUrl);
    await stranger.getByRole('alert').filter({ hasText: 'locked this room' }).waitFor(WAIT);
    await shots.take(stranger, 'phone-join-locked');
    // Keyboard: the kick buttons are reachable and show their focus.
    await host.getByRole('button', { name: 'Remove Eve' }).focus();
    await host.keyboard.press('Shift+Tab');
    expect(await host.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove Dee');
    // The focused control shows it: a visible outline, not the browser's default removed.
    const ring = await host.evaluate(() => getComputedStyle(document.activeElement!));
    expect(ring.outlineStyle).not.toBe('none');
    expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
    await shots.take(host, 'host-lobby-locked-focus');

    // A phone that asks for less motion gets no moving countdown bar.
    await dee.emulateMedia({ reducedMotion: 'reduce' });
    // Host-only display: phones show the shapes and letters only.
    await host.getByRole('button', { name: /Start the game/ }).click();
    await dee.locator('.option-button.shape-only').first().waitFor(WAIT);
    const motion = await dee.locator('.countdown-fill').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(motion).toBeLessThan(0.001);
    const eveMotion = await eve.locator('.countdown-fill').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(eveMotion).toBeGreaterThan(0.05);
    expect(await dee.locator('.question-prompt').count()).toBe(0);
    await shots.take(dee, 'phone-host-only-options');
    await shots.take(host, 'host-host-only-question');

    // P pauses and resumes the clock for everyone.
    await host.keyboard.press('p');
    await dee.getByText('Paused by the host').waitFor(WAIT);
    await shots.take(dee, 'phone-paused');
    await host.keyboard.press('p');
    await dee.getByText('Paused by the host').waitFor({ state: 'detached', timeout: 15_000 });

    // Network drop: Dee's connection dies and stays down for a moment.
    const session = await dee.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('qn.session.'))!)!));
    await dee.context().setOffline(true);
    for (const socket of ev.app.app.io.of('/').sockets.values()) {
      if ((socket.data as { session?: { playerId?: string } }).session?.playerId === session.playerId) socket.conn.close();
    }
    await dee.getByText('Reconnecting…').waitFor(WAIT);
    await shots.take(dee, 'phone-reconnecting');
    await dee.context().setOffline(false);
    await dee.getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 15_000 });

    // Answer if the question is still open after the drop, then end the game early.
    await eve.locator('.option-button').first().click();
    if (await dee.locator('.option-button').count()) await dee.locator('.option-button').last().click();
    await host.locator('.live-reveal').waitFor(WAIT);
    // Auto-advance, switched on from the toolbar: the reveal moves on to the leaderboard by itself.
    await host.getByLabel('Auto-advance').selectOption('5');
    await expect.poll(() => host.locator('.advance-countdown').textContent(), WAIT).toMatch(/^Next in \d+ s/);
    await shots.take(host, 'host-reveal-auto-advance');
    await host.getByRole('heading', { name: 'Leaderboard' }).waitFor(WAIT);
    await host.getByRole('button', { name: 'End game' }).click();
    await host.getByRole('link', { name: 'Open the results' }).waitFor(WAIT);
    await dee.locator('.play-final').waitFor(WAIT);
    await shots.take(dee, 'phone-ended-early');

    // Past games lists the game with a link to its results.
    await host.goto(`${ev.app.baseUrl}/host/history`);
    await host.getByRole('heading', { name: 'Past games' }).waitFor(WAIT);
    await expect.poll(() => host.locator('tbody tr').count(), WAIT).toBeGreaterThanOrEqual(1);
    expect(await host.locator(`a[href="/results/${game.gameId}"]`).count()).toBe(1);
    await shots.take(host, 'host-history');

    // Host gate: without the secret, a form; a wrong secret is refused; the host link works.
    const other = await open('laptop', 'gate', { console: false });
    await other.goto(`${ev.app.baseUrl}/host`);
    await other.getByLabel('Host link or secret').fill('not-the-right-secret-000');
    await other.getByRole('button', { name: 'Continue' }).click();
    await other.getByRole('alert').filter({ hasText: 'not right' }).waitFor(WAIT);
    await shots.take(other, 'host-gate-wrong');
    await other.getByLabel('Host link or secret').fill(`${ev.app.baseUrl}/host#host=${TEST_HOST_TOKEN}`);
    await other.getByRole('button', { name: 'Continue' }).click();
    await other.getByRole('heading', { name: 'Decks' }).waitFor(WAIT);

    expect(errors).toEqual([]);
    expect(shots.problems, 'axe-core: serious or critical findings').toEqual([]);
  });
});
