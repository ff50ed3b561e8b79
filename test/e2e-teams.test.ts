// Team play in a real browser: the host sets up two teams with team talk on the new-game form,
// moves a player between teams in the lobby, and three phones play two questions: the options
// show during team talk with no way to answer, the phones show their team's points, rank and
// gap, the projector shows team bars and a podium of teams with each team's best scorer.
import { describe, expect, it } from 'vitest';
import { TEST_HOST_TOKEN } from './support/app.js';
import { Screenshots } from './support/browser.js';
import { BIOLOGY_NOTES as NOTES, browserEvening } from './support/browser-evening.js';

const WAIT = { timeout: 15_000 };

const ev = browserEvening();
const { errors, hostApi, open } = ev;
const shots = new Screenshots('e2e-teams');

describe('team play in the browser', () => {
  it('plays a two-team game with team talk on three phones and the projector', { timeout: 150_000 }, async () => {
    const deck = await hostApi<{ id: string }>('/api/decks', { name: 'Biology' });
    await hostApi(`/api/decks/${deck.id}/files`, { name: 'biology.md', text: NOTES });

    // ---- the host picks team play on the new-game form ----------------------------------------
    const host = await open('laptop', 'host');
    await host.goto(`${ev.app.baseUrl}/host/new?deck=${deck.id}#host=${TEST_HOST_TOKEN}`);
    await host.getByLabel('Number of questions').fill('2');
    await host.getByLabel('Time per question').selectOption('10');
    await host.getByLabel('In teams: a number of teams').check();
    await host.getByLabel('Teams', { exact: true }).selectOption('2');
    await host.getByLabel('Team talk').selectOption('5');
    await shots.take(host, 'host-new-game-teams');
    await host.getByRole('button', { name: 'Open the live room' }).click();
    await host.locator('.lobby-code').waitFor(WAIT);
    const gameId = new URL(host.url()).pathname.split('/').pop()!;
    const row = await ev.tdb.db.prisma.game.findUniqueOrThrow({ where: { id: gameId }, include: { questions: { orderBy: { index: 'asc' } } } });
    expect(row.settings).toMatchObject({ teams: { by: 'count', count: 2 }, teamTalkSeconds: 5 });
    const right = (q: number) => row.questions[q].answerIndex;
    const wrong = (q: number) => (row.questions[q].answerIndex + 1) % row.questions[q].options.length;

    // ---- three phones join: Ann and Cy land on the Red Foxes, Bob on the Blue Owls ------------
    const [ann, bob, cy] = await Promise.all(['Ann', 'Bob', 'Cy'].map((n) => open('phone', n)));
    for (const [page, nickname] of [[ann, 'Ann'], [bob, 'Bob'], [cy, 'Cy']] as const) {
      await page.goto(`${ev.app.baseUrl}/?code=${row.code}`);
      await page.getByLabel('Your nickname').fill(nickname);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: "You're in!" }).waitFor(WAIT);
    }
    expect(await cy.locator('.lobby-team').textContent()).toBe('You play for Red Foxes');
    await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(3);
    // The host moves Cy to the Blue Owls; Cy's phone follows.
    await host.getByLabel('Team of Cy').selectOption({ label: 'Blue Owls' });
    await expect.poll(() => host.getByRole('region', { name: 'Blue Owls' }).locator('.player-chip').count(), WAIT).toBe(2);
    await expect.poll(() => cy.locator('.lobby-team').textContent(), WAIT).toBe('You play for Blue Owls');
    await shots.take(host, 'host-lobby-teams');
    await shots.take(cy, 'phone-lobby-team');
    await host.keyboard.press('Space');

    // ---- Q1 with team talk: options on the phones, nothing to press, no answer anywhere ----------
    await ann.locator('.talk-options').waitFor(WAIT);
    expect(await ann.locator('.option-button').count()).toBe(0);
    expect(await ann.locator('.talk-now').textContent()).toContain('Talk it over with Red Foxes');
    expect(await ann.locator('.talk-option').count()).toBe(row.questions[0].options.length);
    await host.locator('.live-options').waitFor(WAIT);
    expect(await host.locator('.answer-count').textContent()).toContain('Team talk');
    await shots.take(ann, 'phone-team-talk');
    await shots.take(host, 'host-team-talk');

    // Answers open: Ann right (Red: 1 of 1), Bob right and Cy wrong (Blue: 1 of 2, no majority).
    await Promise.all([ann, bob, cy].map((p) => p.locator('.option-button').first().waitFor(WAIT)));
    await ann.locator('.option-button').nth(right(0)).click();
    await bob.locator('.option-button').nth(right(0)).click();
    await cy.locator('.option-button').nth(wrong(0)).click();
    await host.locator('.live-reveal').waitFor(WAIT);
    await cy.locator('.team-card').waitFor(WAIT);
    expect(await ann.locator('.team-card-rank').textContent()).toBe('1st of 2');
    expect(await cy.locator('.team-card-rank').textContent()).toBe('2nd of 2');
    expect(await cy.locator('.team-card').textContent()).toMatch(/points behind Red Foxes/);
    await shots.take(cy, 'phone-team-result');
    await host.keyboard.press('ArrowRight');
    await host.getByRole('heading', { name: 'Teams' }).waitFor(WAIT);
    expect(await host.locator('.team-board .team-name').allTextContents()).toEqual(['Red Foxes', 'Blue Owls']);
    await bob.locator('.mini-board[aria-label="Teams"]').waitFor(WAIT);
    await shots.take(host, 'host-team-board');
    await shots.take(bob, 'phone-team-board');
    await host.keyboard.press('ArrowRight');

    // ---- Q2: everyone right; the podium lists teams with their best scorers ------------------------
    await Promise.all([ann, bob, cy].map((p) => p.locator('.option-button').first().waitFor(WAIT)));
    for (const p of [ann, bob, cy]) await p.locator('.option-button').nth(right(1)).click();
    await host.locator('.live-reveal').waitFor(WAIT);
    await host.keyboard.press('ArrowRight');
    await host.locator('.podium').waitFor(WAIT);
    expect(await host.locator('.podium-step.place-1 .team-name').textContent()).toBe('Red Foxes');
    expect(await host.locator('.podium-step.place-1 .podium-best').textContent()).toMatch(/^Best: Ann \(/);
    expect(await host.locator('.podium-step.place-2 .podium-best').textContent()).toMatch(/^Best: Bob \(/);
    await cy.locator('.play-final').waitFor(WAIT);
    expect(await cy.locator('.play-final h1').textContent()).toBe('Blue Owls finished 2nd');
    await shots.take(host, 'host-team-podium');
    await shots.take(cy, 'phone-team-final');

    // The stored teams, as the report reads them.
    const players = await ev.tdb.db.prisma.player.findMany({ where: { gameId }, orderBy: { nickname: 'asc' } });
    expect(players.map((p) => [p.nickname, p.team])).toEqual([['Ann', 0], ['Bob', 1], ['Cy', 1]]);

    // The results: a row per team next to the players' rows (Red 2 of 2 right, Blue 3 of 4).
    await host.getByRole('button', { name: /Finish/ }).click();
    await host.getByRole('link', { name: 'Open the results' }).click();
    await host.getByRole('heading', { name: 'Teams by topic' }).waitFor(WAIT);
    const teamRows = host.getByRole('region', { name: 'Teams by topic' }).locator('tbody tr');
    expect(await teamRows.count()).toBe(2);
    expect(await teamRows.first().locator('th').textContent()).toContain('Red Foxes');
    expect(await teamRows.first().locator('.heat-cell').first().textContent()).toBe('100%');
    expect(await teamRows.nth(1).locator('.heat-cell').first().textContent()).toBe('75%');
    expect(await host.getByRole('region', { name: 'Players by topic' }).locator('tbody tr', { hasText: 'Cy' }).textContent()).toContain('Blue Owls');
    await host.getByRole('heading', { name: 'Teams by topic' }).scrollIntoViewIfNeeded();
    await shots.take(host, 'host-results-teams');
    expect(errors).toEqual([]);
    expect(shots.problems, 'axe-core: serious or critical findings').toEqual([]);
  });
});
