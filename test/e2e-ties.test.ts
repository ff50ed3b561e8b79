// Ties and taken names in a real browser: the notes bank answers a taken deck name next to
// the field; in a game on accuracy scoring (so equal answers mean equal scores) the projector
// counts the player who did not answer, the phones say "tied" and how far they moved, and
// two players on the same score both stand on the podium's 2nd step.
import { describe, expect, it } from 'vitest';
import { TEST_HOST_TOKEN } from './support/app.js';
import { Screenshots } from './support/browser.js';
import { BIOLOGY_NOTES as NOTES, browserEvening } from './support/browser-evening.js';

const WAIT = { timeout: 15_000 };

const ev = browserEvening();
const { errors, hostApi } = ev;
// The taken deck name is a 409 on purpose: the host's browser logs it as a failed request.
const open = (kind: 'phone' | 'laptop', label: string) => ev.open(kind, label, { console: kind === 'phone' });
const shots = new Screenshots('e2e-ties');

describe('ties and taken names in the browser', () => {
  it('says a deck name is taken next to the field, and shows shared ranks on every screen', { timeout: 120_000 }, async () => {
    // ---- a taken deck name ----------------------------------------------------------------
    const host = await open('laptop', 'host');
    await host.goto(`${ev.app.baseUrl}/host#host=${TEST_HOST_TOKEN}`);
    await host.getByRole('heading', { name: 'Decks' }).waitFor(WAIT);
    await host.getByLabel('New deck').fill('Biology');
    await host.getByRole('button', { name: 'Create' }).click();
    // The first one is made (the form clears itself): the same name again is refused.
    await host.getByRole('heading', { name: 'Biology' }).waitFor(WAIT);
    await expect.poll(() => host.getByLabel('New deck').inputValue(), WAIT).toBe('');
    await host.getByLabel('New deck').fill('Biology');
    await host.getByRole('button', { name: 'Create' }).click();
    const taken = host.locator('.new-deck').getByRole('alert');
    await taken.waitFor(WAIT);
    expect(await taken.textContent()).toBe('A deck named "Biology" already exists.');
    expect(await host.getByLabel('New deck').getAttribute('aria-describedby')).toBe(await taken.getAttribute('id'));
    await shots.take(host, 'host-deck-name-taken');

    // ---- a game where scores tie ----------------------------------------------------------
    const decks = await hostApi<{ id: string; name: string }[]>('/api/decks');
    const deckId = decks.find((d) => d.name === 'Biology')!.id;
    await hostApi(`/api/decks/${deckId}/files`, { name: 'biology.md', text: NOTES });
    const game = await hostApi<{ gameId: string; code: string }>('/api/games', {
      deckId,
      questionCount: 2,
      secondsPerQuestion: 5,
      scoring: 'accuracy',
      kinds: ['def-to-term'],
    });
    const stored = await ev.tdb.db.prisma.gameQuestion.findMany({ where: { gameId: game.gameId }, orderBy: { index: 'asc' } });
    const right = (q: number) => stored[q].answerIndex;
    const wrong = (q: number) => (stored[q].answerIndex + 1) % stored[q].options.length;

    await host.goto(`${ev.app.baseUrl}/host/game/${game.gameId}#host=${TEST_HOST_TOKEN}`);
    await host.locator('.lobby-code').waitFor(WAIT);
    const [ann, bob, cy] = await Promise.all(['Ann', 'Bob', 'Cy'].map((n) => open('phone', n)));
    for (const [page, nickname] of [[ann, 'Ann'], [bob, 'Bob'], [cy, 'Cy']] as const) {
      await page.goto(`${ev.app.baseUrl}/?code=${game.code}`);
      await page.getByLabel('Your nickname').fill(nickname);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: "You're in!" }).waitFor(WAIT);
    }
    await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(3);
    await host.keyboard.press('Space');

    // Q1: Ann and Bob wrong, Cy silent: nobody scores, all three share 1st.
    await Promise.all([ann, bob].map((p) => p.locator('.option-button').first().waitFor(WAIT)));
    await ann.locator('.option-button').nth(wrong(0)).click();
    await bob.locator('.option-button').nth(wrong(0)).click();
    await host.locator('.live-reveal').waitFor(WAIT);
    expect(await host.locator('.live-reveal .live-q-meta').textContent()).toContain('0 of 3 right · 1 no answer');
    await ann.locator('.play-result').waitFor(WAIT);
    expect(await ann.locator('.result-gap').textContent()).toBe('You are tied 1st');
    expect(await ann.locator('.stat-grid dd').first().textContent()).toBe('tied 1st');
    await shots.take(host, 'host-reveal');
    await shots.take(ann, 'phone-tied-first');
    await host.keyboard.press('ArrowRight');
    await host.getByRole('heading', { name: 'Leaderboard' }).waitFor(WAIT);
    expect(await host.locator('.board-rank').allTextContents()).toEqual(['1', '1', '1']);
    await host.keyboard.press('ArrowRight');

    // Q2: only Ann right: she leads alone; Bob and Cy share 2nd, one place down.
    await Promise.all([ann, bob, cy].map((p) => p.locator('.option-button').first().waitFor(WAIT)));
    await ann.locator('.option-button').nth(right(1)).click();
    await bob.locator('.option-button').nth(wrong(1)).click();
    await cy.locator('.option-button').nth(wrong(1)).click();
    await host.locator('.live-reveal').waitFor(WAIT);
    expect(await host.locator('.live-reveal .live-q-meta').textContent()).toContain('1 of 3 right');
    await bob.locator('.play-result').waitFor(WAIT);
    expect(await ann.locator('.result-gap').textContent()).toBe('You are in the lead!');
    expect(await bob.locator('.stat-grid dd').first().textContent()).toBe('tied 2nd');
    expect(await bob.locator('.result-gap').textContent()).toBe('1 point behind Ann');
    expect(await bob.locator('.result-moved').textContent()).toBe('You moved down 1 place');
    await shots.take(bob, 'phone-tied-second-moved');

    await host.keyboard.press('ArrowRight');
    await host.locator('.podium').waitFor(WAIT);
    expect(await host.locator('.podium-step.place-2').count()).toBe(2);
    await cy.locator('.play-final').waitFor(WAIT);
    expect(await cy.locator('.play-final h1').textContent()).toBe('You finished tied 2nd');
    expect(await ann.locator('.play-final h1').textContent()).toBe('You finished 1st');
    expect(await host.locator('.podium-step.place-1 .podium-score').textContent()).toBe('1 point');
    await shots.take(host, 'host-podium-two-silver');
    expect(errors).toEqual([]);
    expect(shots.problems, 'axe-core: serious or critical findings').toEqual([]);
  });
});
