// Creating a game from the notes bank (the production question source): the questions are
// generated from the deck's facts, frozen into GameQuestion rows, and limited to the topics
// the host picked; unknown decks and empty topic choices are clear errors.
import { joinBase } from '../server/rooms/routes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestionSource } from '../server/rooms/question-source.js';
import { inlineGenerator } from '../server/questions/generator-thread.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { ManualClock, startRoomsServer, type RoomsServer } from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
let deckId: string;

const NOTES = `# Biology

## Cells
- Mitochondria: the organelle that produces most of the cell's ATP
- Ribosome: the site where proteins are assembled from amino acids
- Nucleus: the organelle that holds the cell's chromosomes
- Lysosome: the organelle that digests waste with enzymes
- Chloroplast: the organelle where photosynthesis takes place

## Genetics
- Allele: one of several versions of the same gene
- Genotype: the set of alleles an organism carries
- Phenotype: the traits of an organism that can be observed
- Mutation: a permanent change in a DNA sequence
- Codon: a sequence of three nucleotides that codes for an amino acid
`;

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, {
    clock: new ManualClock(),
    questionSource: bankQuestionSource(tdb.db.prisma, inlineGenerator()),
  });
  const deck = await fetch(`${server.baseUrl}/api/decks`, {
    method: 'POST',
    headers: server.hostHeaders,
    body: JSON.stringify({ name: 'Biology' }),
  }).then((r) => r.json());
  deckId = deck.data.id;
  const imported = await fetch(`${server.baseUrl}/api/decks/${deckId}/files`, {
    method: 'POST',
    headers: server.hostHeaders,
    body: JSON.stringify({ name: 'biology.md', text: NOTES }),
  });
  expect(imported.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

function post(body: unknown) {
  return fetch(`${server.baseUrl}/api/games`, { method: 'POST', headers: server.hostHeaders, body: JSON.stringify(body) });
}

describe('POST /api/games from the notes bank', () => {
  it('generates, freezes and serves the questions', async () => {
    const res = await post({ deckId, questionCount: 4, kinds: ['def-to-term', 'term-to-def'], scoring: 'accuracy' });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    expect(data.questionCount).toBeGreaterThan(0);
    const game = await tdb.db.prisma.game.findUniqueOrThrow({
      where: { id: data.gameId },
      include: { questions: { orderBy: { index: 'asc' } } },
    });
    expect(game).toMatchObject({ deckId, deckName: 'Biology', status: 'lobby', code: data.code });
    expect(game.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(game.settings).toMatchObject({ scoring: 'accuracy', questionCount: data.questionCount });
    expect(game.questions).toHaveLength(data.questionCount);
    for (const q of game.questions) {
      expect(['def-to-term', 'term-to-def']).toContain(q.kind);
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(q.answerIndex).toBeLessThan(q.options.length);
      expect(q.file).toBe('biology.md');
      // The source fact is linked, for the post-game "re-read this" view.
      expect(await tdb.db.prisma.fact.count({ where: { id: q.factId! } })).toBe(1);
    }
  });

  it('keeps to the chosen topics', async () => {
    // "# Biology" heads the whole file: it is the file's title, not a topic level.
    const res = await post({ deckId, questionCount: 3, topics: [['Genetics']], kinds: ['def-to-term'] });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    const questions = await tdb.db.prisma.gameQuestion.findMany({ where: { gameId: data.gameId } });
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q.topic[0]).toBe('Genetics');
  });

  it('refuses unknown decks and topic choices without questions', async () => {
    const unknown = await post({ deckId: 'no-such-deck' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DECK' } });
    const empty = await post({ deckId, topics: [['Chemistry']] });
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ ok: false, error: { code: 'NOT_ENOUGH_QUESTIONS' } });
  });
});

describe('the join link', () => {
  it('is PUBLIC_URL, else the address the host used, but never loopback when a LAN address exists', () => {
    const lan = ['192.168.1.20'];
    expect(joinBase('https://quiz.example.org/', 'http', 'localhost:3000', lan)).toBe('https://quiz.example.org');
    expect(joinBase(undefined, 'http', 'localhost:3000', lan)).toBe('http://192.168.1.20:3000');
    expect(joinBase(undefined, 'http', '127.0.0.1:3000', lan)).toBe('http://192.168.1.20:3000');
    expect(joinBase(undefined, 'http', '[::1]:3000', lan)).toBe('http://192.168.1.20:3000');
    expect(joinBase(undefined, 'http', 'localhost', lan)).toBe('http://192.168.1.20');
    // Opened through the LAN or a name: that is what phones use too.
    expect(joinBase(undefined, 'http', '192.168.1.20:3000', lan)).toBe('http://192.168.1.20:3000');
    expect(joinBase(undefined, 'https', 'quiz.local', lan)).toBe('https://quiz.local');
    // No network at all: localhost is all there is.
    expect(joinBase(undefined, 'http', 'localhost:3000', [])).toBe('http://localhost:3000');
  });
});
