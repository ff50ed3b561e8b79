// The group's memory in a real browser, over three short quiz nights three weeks apart: two phones
// keep their own keys from night to night. Bob misses a question on the first night; on the
// second both miss one. For the third night the host plans tonight's review on the new-game
// form: what both missed comes first and says why, and the game asks what the preview showed. After it, Bob's phone leads to his own study plan (due facts, his topics
// night by night, an Anki file), and the host's progress page charts each topic per night.
// "Three weeks apart": after each night is recorded, its dates and the memory written from it
// are moved three weeks back, as if the nights had been played then (long enough for quick
// right answers, rated Easy, to be due again).
import { describe, expect, it } from 'vitest';
import { bumpMemoryVersion } from '../server/memory/memory-index.js';
import { TEST_HOST_TOKEN } from './support/app.js';
import { Screenshots } from './support/browser.js';
import { BIOLOGY_NOTES, browserEvening } from './support/browser-evening.js';

const WAIT = { timeout: 15_000 };
const QUESTIONS = 3;

// The browser tests' cells, and a second topic so that the progress page has two charts.
const NOTES = `${BIOLOGY_NOTES}
## Genetics
- Allele: one of the variant forms of a gene
- Genotype: the set of alleles an organism carries
- Phenotype: the traits an organism shows
- Locus: the position of a gene on a chromosome
`;

const ev = browserEvening();
const { errors, hostApi } = ev;
const shots = new Screenshots('e2e-memory');

interface Night {
  gameId: string;
  code: string;
}

describe('the group’s memory across three quiz nights', () => {
  it('plans the third night from what was missed, and shows the progress and a player’s own plan', { timeout: 240_000 }, async () => {
    const prisma = ev.tdb.db.prisma;
    const deck = await hostApi<{ id: string }>('/api/decks', { name: 'Biology' });
    await hostApi(`/api/decks/${deck.id}/files`, { name: 'biology.md', text: NOTES });
    const host = await ev.open('laptop', 'host');
    const [ann, bob] = await Promise.all([ev.open('phone', 'Ann'), ev.open('phone', 'Bob')]);
    const missedByBoth = new Set<string>();

    /** Plays one night; `wrong` says who answers question `index` wrong. */
    const play = async (night: Night, wrong: (index: number) => { ann: boolean; bob: boolean }) => {
      const stored = await prisma.gameQuestion.findMany({ where: { gameId: night.gameId }, orderBy: { index: 'asc' } });
      await host.goto(`${ev.app.baseUrl}/host/game/${night.gameId}#host=${TEST_HOST_TOKEN}`);
      await host.locator('.lobby-code').waitFor(WAIT);
      for (const [page, nickname] of [
        [ann, 'Ann'],
        [bob, 'Bob'],
      ] as const) {
        await page.goto(`${ev.app.baseUrl}/?code=${night.code}`);
        await page.getByLabel('Your nickname').fill(nickname);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByRole('heading', { name: "You're in!" }).waitFor(WAIT);
      }
      await expect.poll(() => host.locator('.player-chip').count(), WAIT).toBe(2);
      await host.keyboard.press('Space');
      for (let q = 0; q < stored.length; q++) {
        const right = stored[q].answerIndex;
        const other = (right + 1) % stored[q].options.length;
        const who = wrong(q);
        await Promise.all([ann, bob].map((p) => p.locator('.option-button').first().waitFor(WAIT)));
        await ann.locator('.option-button').nth(who.ann ? other : right).click();
        await bob.locator('.option-button').nth(who.bob ? other : right).click();
        const factId = stored[q].factId;
        if (who.ann && who.bob && factId) missedByBoth.add(factId);
        await host.locator('.live-reveal').waitFor(WAIT);
        await host.keyboard.press('ArrowRight');
        if (q < stored.length - 1) {
          await host.getByRole('heading', { name: 'Leaderboard' }).waitFor(WAIT);
          await host.keyboard.press('ArrowRight');
        }
      }
      await host.locator('.podium').waitFor(WAIT);
      await bob.locator('.play-final').waitFor(WAIT);
      // The memory is written once the end is stored, away from the game.
      await expect.poll(async () => (await prisma.game.findUnique({ where: { id: night.gameId } }))?.memoryAt ?? null, WAIT).not.toBeNull();
    };

    /** Moves everything the nights wrote three weeks back, and says the deck's memory changed. */
    const earlier = async () => {
      const week = `interval '21 days'`;
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`UPDATE "Game" SET "createdAt" = "createdAt" - ${week}, "startedAt" = "startedAt" - ${week}, "endedAt" = "endedAt" - ${week}, "memoryAt" = "memoryAt" - ${week} WHERE "deckId" = $1`, deck.id);
        await tx.$executeRawUnsafe(`UPDATE "ReviewLog" SET "reviewedAt" = "reviewedAt" - ${week}, "due" = "due" - ${week} WHERE "deckId" = $1`, deck.id);
        await tx.$executeRawUnsafe(`UPDATE "FactMemory" SET "due" = "due" - ${week}, "lastReview" = "lastReview" - ${week} WHERE "deckId" = $1`, deck.id);
        await bumpMemoryVersion(tx, [deck.id]);
      });
    };

    const create = () => hostApi<Night>('/api/games', { deckId: deck.id, questionCount: QUESTIONS, secondsPerQuestion: 10, scoring: 'accuracy', kinds: ['def-to-term'] });

    // ---- nights 1 and 2 --------------------------------------------------------------------
    await play(await create(), (q) => ({ ann: false, bob: q === 0 }));
    await earlier();
    await play(await create(), (q) => ({ ann: q === 0, bob: q === 0 }));
    await earlier();
    expect(missedByBoth.size).toBe(1);
    const [both] = missedByBoth;
    const bothTerm = (await prisma.fact.findUniqueOrThrow({ where: { id: both } })).term;
    const keys = await prisma.memberDevice.count();
    expect(keys).toBe(2);

    // ---- night 3, planned as tonight's review -----------------------------------------------
    await host.goto(`${ev.app.baseUrl}/host/progress?deck=${deck.id}`);
    await host.getByRole('heading', { name: 'The group’s progress' }).waitFor(WAIT);
    await host.getByRole('link', { name: 'Plan tonight’s review' }).click();
    await host.getByRole('radio', { name: /Tonight’s review/ }).waitFor(WAIT);
    expect(await host.getByRole('radio', { name: /Tonight’s review/ }).isChecked()).toBe(true);
    await host.getByLabel('Number of questions').fill(String(QUESTIONS));
    // One kind: the preview is made again with it (the server makes the questions to show).
    for (const box of await host.locator('.check-grid input[type=checkbox]').all()) await box.setChecked(false);
    const previewed = host.waitForResponse((r) => /\/review\?.*kinds=def-to-term(&|$)/.test(r.url()), WAIT);
    await host.getByRole('checkbox', { name: 'Definition → term' }).check();
    expect((await previewed).ok()).toBe(true);
    const picks = host.locator('.review-picks li');
    await expect.poll(() => picks.count(), WAIT).toBe(QUESTIONS);
    // Every pick says why; what both missed comes first.
    const why = await picks.locator('.tag').allTextContents();
    expect(why.every((w) => /due for \d of 2|missed|recall \d+%|new to the group/.test(w))).toBe(true);
    expect(await picks.first().locator('strong').textContent()).toBe(bothTerm);
    expect(why[0]).toMatch(/^due for 2 of 2 · missed (twice|3 times)/);
    expect(await host.locator('.review-preview').textContent()).toContain('For Ann and Bob');
    await shots.take(host, 'host-tonight-review', { fullPage: true });
    const shown = await picks.locator('strong').allTextContents();
    await host.getByRole('button', { name: 'Open the live room' }).click();
    await host.waitForURL(/\/host\/game\//, WAIT);
    const gameId = decodeURIComponent(new URL(host.url()).pathname.split('/').pop()!);
    const night3 = await prisma.game.findUniqueOrThrow({ where: { id: gameId }, select: { id: true, code: true } });
    const asked = await prisma.gameQuestion.findMany({ where: { gameId }, select: { factId: true } });
    // The questions are the preview's facts, in its order: what both missed is asked first.
    expect(asked[0].factId).toBe(both);
    const askedTerms = await prisma.fact.findMany({ where: { id: { in: asked.map((q) => q.factId!) } }, select: { term: true } });
    expect(askedTerms.map((t) => t.term).sort()).toEqual([...shown].sort());
    await play({ gameId: night3.id, code: night3.code }, () => ({ ann: false, bob: false }));

    // ---- Bob's own page, from his phone --------------------------------------------------------
    await bob.getByRole('link', { name: 'Your study plan across quiz nights' }).click();
    await bob.getByRole('heading', { name: 'Bob' }).waitFor(WAIT);
    await bob.getByRole('heading', { name: 'Your topics, night by night' }).waitFor(WAIT);
    await expect.poll(() => bob.locator('.accuracy-chart svg.recharts-surface').count(), WAIT).toBeGreaterThan(0);
    // Each chart says its trend in words; Bob's topics were asked on two or three nights.
    const captions = await bob.locator('.accuracy-chart-caption').allTextContents();
    expect(captions.length).toBe(2);
    for (const c of captions) expect(c).toMatch(/^((Rose|Fell) from \d+% to \d+%|Stayed at \d+%) over [23] nights$|^\d+% on the one night it was asked$/);
    expect(captions.some((c) => c.endsWith('3 nights'))).toBe(true);
    await bob.mouse.move(0, 0);
    await shots.take(bob, 'phone-study-plan', { fullPage: true });
    // The facts not asked tonight are due again: the Anki file holds them.
    const due = await bob.locator('.due-list li').count();
    if (due > 0) {
      const [download] = await Promise.all([bob.waitForEvent('download'), bob.getByRole('button', { name: 'Download due facts for Anki' }).click()]);
      const text = await readDownload(download);
      expect(text.split('\n').filter(Boolean).length).toBe(due);
    }
    expect(due, 'facts due for Bob three weeks after the second night').toBeGreaterThan(0);

    // ---- the host's progress page ------------------------------------------------------------
    await host.goto(`${ev.app.baseUrl}/host/progress?deck=${deck.id}`);
    await host.getByRole('heading', { name: 'By topic' }).waitFor(WAIT);
    expect(await host.locator('.lead-line').textContent()).toMatch(/^3 nights counted/);
    await expect.poll(() => host.locator('.topic-progress svg.recharts-surface').count(), WAIT).toBe(2);
    expect(await host.locator('.topic-progress h3').allTextContents()).toEqual(['Cells', 'Genetics']);
    // Each chart is a labelled image of its trend, with the figures in a table for screen readers.
    const table = host.locator('.topic-progress').first().locator('table.visually-hidden tbody tr');
    expect(await table.count()).toBe(3);
    const missed = host.locator('.missed-list li');
    expect(await missed.count()).toBeGreaterThanOrEqual(1);
    // What both missed leads, with where it is in the notes.
    expect(await missed.first().textContent()).toMatch(new RegExp(`^${bothTerm} — .+Missed [23] times by 2 members · (Cells|Genetics) · biology\\.md:\\d+$`));
    expect(await host.locator('.members-table tbody tr').count()).toBe(2);
    await shots.takeScrolling(host, 'host-progress');

    // ---- merging and forgetting members ------------------------------------------------------
    const members = await hostApi<{ id: string; name: string }[]>('/api/members');
    expect(members.map((m) => m.name).sort()).toEqual(['Ann', 'Bob']);
    await host.getByRole('button', { name: 'Forget…' }).last().click();
    const forgetName = (await host.locator('.members-table tbody tr').last().locator('th').textContent())!;
    await host.getByRole('button', { name: `Forget ${forgetName} for good` }).click();
    await expect.poll(() => host.locator('.members-table tbody tr').count(), WAIT).toBe(1);
    expect(await host.getByRole('status').filter({ hasText: 'is forgotten' }).count()).toBe(1);
    expect(await prisma.member.count()).toBe(1);

    expect(errors).toEqual([]);
    expect(shots.problems, 'axe-core: serious or critical findings').toEqual([]);
  });
});

async function readDownload(download: { path(): Promise<string | null> }): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const file = await download.path();
  return file ? readFile(file, 'utf8') : '';
}
