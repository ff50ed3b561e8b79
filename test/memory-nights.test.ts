// Three quiz nights from one deck with the same phones: the answers become each member's FSRS
// memory when a game ends, the due list follows it, and the third night's questions, picked by
// tonight's review, go back to what was missed. Real sockets, a real database, the notes bank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { inlineGenerator } from '../server/questions/generator-thread.js';
import { bankQuestionSource } from '../server/rooms/question-source.js';
import { hashToken } from '../server/rooms/secrets.js';
import { dueFacts, memberPage } from '../server/memory/progress.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { attachHost, client, eventually, ManualClock, okData, startRoomsServer, type RoomsServer, type TestClient } from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
let deckId: string;
const clock = new ManualClock();
const ANN_KEY = 'ann-phone-key-0123456789abcdef';
const BOB_KEY = 'bob-phone-key-0123456789abcdef';

const NOTES = `# Biology

## Cells
- Mitochondria: the organelle that produces most of the cell's ATP
- Ribosome: the site where proteins are assembled from amino acids
- Nucleus: the organelle that holds the cell's chromosomes
- Lysosome: the organelle that digests waste with enzymes
- Chloroplast: the organelle where photosynthesis takes place
- Vacuole: the organelle that stores water in plant cells

## Genetics
- Allele: one of several versions of the same gene
- Genotype: the set of alleles an organism carries
- Phenotype: the traits of an organism that can be observed
- Mutation: a permanent change in a DNA sequence
- Codon: a sequence of three nucleotides that codes for an amino acid
- Chromosome: a long DNA molecule carrying many genes
`;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock, questionSource: bankQuestionSource(tdb.db.prisma, inlineGenerator()) });
  deckId = (await api('POST', '/api/decks', { name: 'Biology' })).data.id;
  await api('POST', `/api/decks/${deckId}/files`, { name: 'biology.md', text: NOTES });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = server.hostHeaders) {
  const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

interface Seat {
  nickname: string;
  deviceKey?: string;
  studyName?: string;
  /** Whether this player answers the question about that fact right. */
  right(factId: string): boolean;
}

/** One night: the players join, answer every question (right ones after 2 s of 20), and the
 *  host ends the game after the last reveal. Resolves once its memory is recorded. */
async function playNight(review: boolean, seats: Seat[]): Promise<{ gameId: string; factIds: string[] }> {
  const created = await api('POST', '/api/games', {
    deckId,
    questionCount: 5,
    secondsPerQuestion: 20,
    kinds: ['def-to-term'],
    scoring: 'accuracy',
    ...(review ? { review: { newShare: 0.2, seed: 'night' } } : {}),
  });
  const game = created.data;
  const rows = await tdb.db.prisma.gameQuestion.findMany({ where: { gameId: game.gameId }, orderBy: { index: 'asc' } });
  const host = await attachHost(server, game);
  const players: TestClient[] = [];
  for (const seat of seats) {
    const c = await client(server);
    const { right: _, ...join } = seat;
    okData(await c.call('room:join', { code: game.code, ...join }));
    players.push(c);
  }
  okData(await host.call('game:start', {}));
  for (const [i, q] of rows.entries()) {
    await host.take('question:show');
    clock.advance(3_000);
    await host.take('question:open');
    clock.advance(2_000);
    for (const [p, seat] of seats.entries()) {
      const option = seat.right(q.factId!) ? q.answerIndex : (q.answerIndex + 1) % q.options.length;
      okData(await players[p]!.call('answer:submit', { questionId: q.qid, optionIndex: option }));
    }
    await host.take('question:reveal');
    if (i < rows.length - 1) {
      okData(await host.call('game:next', {}));
      okData(await host.call('game:next', {}));
    }
  }
  okData(await host.call('game:end', {}));
  await eventually(async () => {
    const g = await tdb.db.prisma.game.findUniqueOrThrow({ where: { id: game.gameId } });
    expect(g.memoryAt).not.toBeNull();
  });
  for (const c of [host, ...players]) c.close();
  return { gameId: game.gameId, factIds: rows.map((r) => r.factId!) };
}

describe('three quiz nights with the same phones', () => {
  it('records memory per member, lists due facts, and aims the third night at what was missed', async () => {
    // Night 1: Ann knows everything, Bob nothing; Cy sends no key.
    const night1 = await playNight(false, [
      { nickname: 'Ann', deviceKey: ANN_KEY, right: () => true },
      { nickname: 'Bob', deviceKey: BOB_KEY, right: () => false },
      { nickname: 'Cy', right: () => true },
    ]);
    const prisma = tdb.db.prisma;
    const ann = await prisma.memberDevice.findUniqueOrThrow({ where: { keyHash: hashToken(ANN_KEY) } });
    const bob = await prisma.memberDevice.findUniqueOrThrow({ where: { keyHash: hashToken(BOB_KEY) } });
    expect(await prisma.member.count()).toBe(2);
    const annLogs = await prisma.reviewLog.findMany({ where: { memberId: ann.memberId } });
    const bobLogs = await prisma.reviewLog.findMany({ where: { memberId: bob.memberId } });
    expect(annLogs.map((l) => l.rating)).toEqual(Array(5).fill(Rating.Easy));
    expect(bobLogs.map((l) => l.rating)).toEqual(Array(5).fill(Rating.Again));
    const annMemory = await prisma.factMemory.findMany({ where: { memberId: ann.memberId } });
    const bobMemory = await prisma.factMemory.findMany({ where: { memberId: bob.memberId } });
    expect(annMemory.map((m) => m.factId).sort()).toEqual([...night1.factIds].sort());
    expect(Math.min(...annMemory.map((m) => m.stability))).toBeGreaterThan(Math.max(...bobMemory.map((m) => m.stability)));
    expect(bobMemory.every((m) => m.misses === 1 && m.reps === 1)).toBe(true);

    // Due list: in two days Bob has all five facts due, Ann none.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    expect((await dueFacts(prisma, bob.memberId, deckId, inTwoDays)).map((f) => f.factId).sort()).toEqual([...night1.factIds].sort());
    expect(await dueFacts(prisma, ann.memberId, deckId, inTwoDays)).toEqual([]);

    // Night 2 (tonight's review for Ann and Bob): Bob now gets the Cells facts right.
    const cells = new Set((await prisma.fact.findMany({ where: { deckId, topic: { name: 'Cells' } } })).map((f) => f.id));
    const night2 = await playNight(true, [
      { nickname: 'Ann', deviceKey: ANN_KEY, right: () => true },
      { nickname: 'Bobby', deviceKey: BOB_KEY, right: (id) => cells.has(id) },
    ]);
    // What Bob missed on night 1 comes back first.
    const missed1 = night1.factIds;
    expect(night2.factIds.filter((id) => missed1.includes(id)).length).toBeGreaterThanOrEqual(4);
    expect((await prisma.member.findUniqueOrThrow({ where: { id: bob.memberId } })).nicknames).toEqual(['Bob', 'Bobby']);

    // Night 3: again tonight's review; its questions favour the facts missed before.
    const stillMissed = new Set(
      (await prisma.factMemory.findMany({ where: { memberId: bob.memberId, misses: { gt: 0 } } })).map((m) => m.factId),
    );
    const preview = await api('GET', `/api/decks/${deckId}/review?count=5&newShare=0.2&seed=night`);
    expect(preview.ok).toBe(true);
    expect(preview.data.members.map((m: { id: string }) => m.id).sort()).toEqual([ann.memberId, bob.memberId].sort());
    // The preview lists the facts of the questions the game would make (a fact that makes no
    // question gives its place to the next one): most of them on what was missed, at most one new.
    const picks: { factId: string; why: string }[] = preview.data.picks;
    expect(picks).toHaveLength(5);
    // (A missed fact the generator cannot turn into a question with the seed's kinds gives its
    // place to the next fact of the ranking, which need not be a missed one: at least three.)
    expect(picks.filter((p) => stillMissed.has(p.factId)).length).toBeGreaterThanOrEqual(3);
    expect(picks[0].why).toMatch(/missed (once|twice)/);
    expect(picks.filter((p) => p.why === 'new to the group').length).toBeLessThanOrEqual(1);
    const night3 = await playNight(true, [
      { nickname: 'Ann', deviceKey: ANN_KEY, right: () => true },
      { nickname: 'Bob', deviceKey: BOB_KEY, right: () => true },
    ]);
    const favoured = night3.factIds.filter((id) => stillMissed.has(id));
    expect(favoured.length).toBeGreaterThanOrEqual(Math.min(3, stillMissed.size));

    // Bob's page from his phone (his device key), and his Anki file.
    const me = await api('GET', '/api/me', undefined, { 'x-device-key': BOB_KEY });
    expect(me.data.member).toMatchObject({ id: bob.memberId, name: 'Bob' });
    const mine: { topic: string; nights: { gameId: string }[] }[] = me.data.decks[0].topics;
    expect(mine.map((t) => t.topic)).toEqual(['Cells', 'Genetics']);
    expect(new Set(mine.flatMap((t) => t.nights.map((n) => n.gameId))).size).toBe(3);
    const page = await memberPage(prisma, bob.memberId, new Date(Date.now() + 30 * 86_400_000));
    expect(page.decks[0]!.due.length).toBeGreaterThan(0);
    const tsv = await fetch(`${server.baseUrl}/api/me/due.tsv?deckId=${deckId}`, { headers: { 'x-device-key': BOB_KEY } });
    expect(tsv.status).toBe(200);
    // A key nobody played with sees nothing; a malformed one is refused.
    expect((await api('GET', '/api/me', undefined, { 'x-device-key': 'made-up-key-0123456789abcdef' })).error.code).toBe('NOT_FOUND');
    expect((await api('GET', '/api/me', undefined, { 'x-device-key': 'x' })).error.code).toBe('BAD_PAYLOAD');

    // The deck's progress: one point per night, mastery and the facts the group keeps missing.
    const progress = await api('GET', `/api/decks/${deckId}/progress`);
    expect(progress.data.nights).toHaveLength(3);
    expect(progress.data.topics.map((t: { topic: string }) => t.topic)).toEqual(['Cells', 'Genetics']);
    expect(progress.data.topics.reduce((n: number, t: { facts: number }) => n + t.facts, 0)).toBe(12);
    expect(progress.data.missed.length).toBeGreaterThan(0);
    expect(progress.data.missed[0].source.file).toBe('biology.md');

    // A stop between a game's end and its recording: start-up records it, once.
    const logs = await prisma.reviewLog.count({ where: { gameId: night3.gameId } });
    await prisma.reviewLog.deleteMany({ where: { gameId: night3.gameId } });
    await prisma.game.update({ where: { id: night3.gameId }, data: { memoryAt: null } });
    expect(await server.app.memory.catchUp()).toBe(1);
    expect(await prisma.reviewLog.count({ where: { gameId: night3.gameId } })).toBe(logs);
    expect(await server.app.memory.catchUp()).toBe(0);
  });

  it('keeps one player from counting as another, and lets the host merge and forget members', async () => {
    const prisma = tdb.db.prisma;
    const before = await prisma.reviewLog.count();
    // Eve joins with Ann's key in the same game as Ann: only the first to join counts.
    const night = await playNight(false, [
      { nickname: 'Ann', deviceKey: ANN_KEY, right: () => true },
      { nickname: 'Eve', deviceKey: ANN_KEY, right: () => false },
      { nickname: 'Dan', deviceKey: 'dan-phone-key-0123456789abcdef', studyName: 'Dan biology', right: () => false },
    ]);
    const ann = await prisma.memberDevice.findUniqueOrThrow({ where: { keyHash: hashToken(ANN_KEY) } });
    const logs = await prisma.reviewLog.findMany({ where: { gameId: night.gameId, memberId: ann.memberId } });
    expect(logs.every((l) => l.rating === Rating.Easy)).toBe(true);
    expect(await prisma.reviewLog.count()).toBe(before + 10);
    // A malformed key is refused at the join and changes nothing.
    const game = (await api('POST', '/api/games', { deckId, questionCount: 2, kinds: ['def-to-term'] })).data;
    const bad = await client(server);
    expect(await bad.call('room:join', { code: game.code, nickname: 'Mal', deviceKey: 'not a key!' })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    bad.close();

    // Dan's study name links a new device to him.
    const dan = (await api('GET', '/api/members')).data.find((m: { studyName: string | null }) => m.studyName === 'Dan biology');
    await playNight(false, [{ nickname: 'Danny', deviceKey: 'dan-laptop-key-0123456789abcde', studyName: 'dan  BIOLOGY', right: () => true }]);
    const danLaptop = await prisma.memberDevice.findUniqueOrThrow({ where: { keyHash: hashToken('dan-laptop-key-0123456789abcde') } });
    expect(danLaptop.memberId).toBe(dan.id);

    // Merge Dan into Ann: reviews replayed, Dan gone; then forget Ann entirely.
    expect((await api('POST', '/api/members/merge', { from: dan.id, into: ann.memberId })).ok).toBe(true);
    expect(await prisma.member.findUnique({ where: { id: dan.id } })).toBeNull();
    const merged = await prisma.factMemory.findMany({ where: { memberId: ann.memberId } });
    const reps = await prisma.reviewLog.groupBy({ by: ['factId'], where: { memberId: ann.memberId }, _count: true });
    expect(merged.map((m) => m.reps).sort()).toEqual(reps.map((r) => r._count).sort());
    expect((await api('DELETE', `/api/members/${ann.memberId}`)).ok).toBe(true);
    expect(await prisma.factMemory.count({ where: { memberId: ann.memberId } })).toBe(0);
    expect(await prisma.player.count({ where: { deviceKeyHash: hashToken(ANN_KEY) } })).toBe(0);
    expect((await api('DELETE', `/api/members/${ann.memberId}`)).error.code).toBe('NOT_FOUND');
  });
});
