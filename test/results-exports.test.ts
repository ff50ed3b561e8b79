// The CSV and missed-facts (Anki/Quizlet) exports over real HTTP, byte for byte, against the
// game of results-fixture.ts.
import Papa from 'papaparse';
import { tsvLine } from '../server/results/anki.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { seedGame, type Fixture } from './results-fixture.js';

let tdb: TestDatabase;
let app: RunningApp;
let fx: Fixture;

beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await seedGame(tdb.db.prisma);
  app = await startApp(tdb.db);
});
afterAll(async () => {
  await app?.close();
  await tdb?.drop();
});

const get = (path: string) => fetch(`${app.baseUrl}/api/games/${fx.gameId}${path}`);

describe('export.csv', () => {
  it('writes one row per counted player and question, quoted and neutralised for Excel', async () => {
    const res = await get('/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="quiz-night-science-night-bio-chem-2026-03-05.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const q1 = 'Which organelle makes ATP?,Biology > Cells';
    const q2 = 'Which particle has no charge?,Chemistry > Atoms';
    const q3 = 'What carries genetic information?,Biology > Genetics';
    // Question 5's prompt holds a line break, so it is quoted; the break itself stays inside.
    const q5 = '"which particle\nhas  no charge?",Chemistry > Atoms';
    const expected = [
      'Nickname,Question #,Question,Topic,Chosen option,Correct,Time (s),Points',
      `Ada,1,${q1},Mitochondria,yes,1.2,940`,
      `Ada,2,${q2},Neutron,yes,2.5,880`,
      `Ada,3,${q3},DNA,yes,0.8,960`,
      `Ada,5,${q5},Neutron,yes,1.5,925`,
      `"Ben ""B"", Jr",3,${q3},RNA,no,6,0`,
      `"Ben ""B"", Jr",5,${q5},Neutron,yes,2,900`,
      `Fay,1,${q1},Ribosome,no,5,0`,
      `Fay,2,${q2},Electron,no,4,0`,
      `Fay,3,${q3},RNA,no,7,0`,
      `Fay,5,${q5},Neutron,yes,3,850`,
      `"'=2+3",1,${q1},,no answer,,0`,
      `"'=2+3",2,${q2},,no answer,,0`,
      `"'=2+3",3,${q3},,no answer,,0`,
      `"'=2+3",5,${q5},,no answer,,0`,
    ];
    expect(text).toBe(`\uFEFF${expected.join('\r\n')}\r\n`);
    // Every record ends in CRLF; the only bare LF is the one inside the quoted prompt.
    expect(text.match(/\r\n/g)).toHaveLength(expected.length);
    expect(text.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(4);

    // A CSV reader gets the fields back exactly (skipped, unreached and kicked rows absent).
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r[0])).toEqual(['Nickname', 'Ada', 'Ada', 'Ada', 'Ada', 'Ben "B", Jr', 'Ben "B", Jr', 'Fay', 'Fay', 'Fay', 'Fay', "'=2+3", "'=2+3", "'=2+3", "'=2+3"]);
    expect(parsed.data[4][2]).toBe('which particle\nhas  no charge?');
    expect(parsed.data.some((r) => r[0] === 'Cat')).toBe(false);
  });

  it('answers 404 UNKNOWN_GAME for an unknown game', async () => {
    const res = await fetch(`${app.baseUrl}/api/games/cnotarealgame000000000000/export.csv`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_GAME', message: expect.any(String) } });
  });
});

describe('missed.tsv', () => {
  const mito = 'Mitochondria\tpowerhouse of the cell\n';
  const neutral = 'Which particle has no charge?\tNeutron\n';
  const dna = 'DNA (role)\tcarries genetic information\n';

  it("lists the group's missed facts once each, flattened to one line, fallback to prompt and answer", async () => {
    const res = await get('/missed.tsv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="quiz-night-science-night-bio-chem-missed-2026-03-05.tsv"');
    // Q0 (fact, tab and newline flattened), Q1 (fact gone: prompt -> answer), Q2 (fact with
    // attribute); Q4 is the same card as Q1; Q3 was skipped and Q5 never reached.
    expect(await res.text()).toBe(mito + neutral + dna);
  });

  it("lists one player's missed facts with ?player=", async () => {
    const ben = await get(`/missed.tsv?player=${fx.players.ben}`);
    expect(ben.headers.get('content-disposition')).toBe(
      'attachment; filename="quiz-night-science-night-bio-chem-missed-ben-b-jr-2026-03-05.tsv"',
    );
    expect(await ben.text()).toBe(dna);
    expect(await (await get(`/missed.tsv?player=${fx.players.ada}`)).text()).toBe('');
    // Kicked: only what Cat was asked before the kick (Q0 wrong, Q1 no answer).
    expect(await (await get(`/missed.tsv?player=${fx.players.cat}`)).text()).toBe(mito + neutral);
    expect(await (await get(`/missed.tsv?player=${fx.players.dan}`)).text()).toBe(mito + neutral + dna);
  });

  it('answers 404 for an unknown game or player', async () => {
    const game = await fetch(`${app.baseUrl}/api/games/cnotarealgame000000000000/missed.tsv`);
    expect(game.status).toBe(404);
    expect(((await game.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_GAME');
    const player = await get('/missed.tsv?player=someone-else');
    expect(player.status).toBe(404);
    expect(((await player.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_PLAYER');
  });
});

describe('missed.tsv lines', () => {
  it('keep a field that starts like a formula as text, as the CSV does', () => {
    expect(tsvLine('=HYPERLINK("http://x","y")', '+1 for you')).toBe(`'=HYPERLINK("http://x","y")\t'+1 for you\n`);
    expect(tsvLine('@SUM(A1)', '-2')).toBe(`'@SUM(A1)\t'-2\n`);
    expect(tsvLine('Osmosis', 'Water moves across a membrane')).toBe('Osmosis\tWater moves across a membrane\n');
  });
});
