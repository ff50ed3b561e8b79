// Host curation over real HTTP on a real PostgreSQL database: a struck question is never asked
// again in its kind, a "not a term" term is neither tested nor offered, an edited fact keeps its
// file and line while the preview and the canonical layer follow the new text (and a re-import
// does not undo it), a question flagged in a game keeps its fact out of the next games.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { CURATION_NOTES, call, type Question } from './support/curation.js';

let tdb: TestDatabase;
let server: RunningApp;
let deckId: string;

const api = <T = any>(method: string, url: string, body?: unknown) => call<T>(server, method, url, body);

interface FactRow {
  id: string;
  term: string;
  termKey: string | null;
  fact: string;
  file: string;
  line: number;
  curation: { flagged: boolean; edited: boolean; struckKinds: string[]; notATerm: boolean };
}

async function facts(): Promise<FactRow[]> {
  return (await api<{ items: FactRow[] }>('GET', `/api/decks/${deckId}/facts?limit=500`)).data.items;
}
const factNamed = async (term: string) => (await facts()).find((f) => f.term === term)!;

/** Everything the preview makes from the whole deck over a few seeds. */
async function previews(seeds = ['a', 'b', 'c', 'd', 'e', 'f']): Promise<Question[]> {
  const out: Question[] = [];
  for (const seed of seeds) {
    const res = await api<Question[]>('GET', `/api/decks/${deckId}/questions/preview?count=50&seed=${seed}`);
    expect(res.status).toBe(200);
    out.push(...res.data);
  }
  return out;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startApp(tdb.db);
  deckId = (await api('POST', '/api/decks', { name: 'Curation' })).data.id;
  const imported = await api('POST', `/api/decks/${deckId}/files`, { name: 'notes.md', text: CURATION_NOTES });
  expect(imported.status).toBe(200);
  expect(imported.data.totals.facts).toBeGreaterThanOrEqual(12);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

describe('strike a question', () => {
  it('never asks that fact in that kind again, but still in other kinds; undo brings it back', async () => {
    const before = await previews();
    const target = before.find((q) => q.kind === 'def-to-term' && before.some((o) => o.factId === q.factId && o.kind !== 'def-to-term'))!;
    expect(target, 'a fact asked in two kinds').toBeTruthy();

    const first = await api('POST', `/api/decks/${deckId}/curation/strikes`, { factId: target.factId, kind: target.kind, prompt: target.prompt });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ factId: target.factId, kind: 'def-to-term', prompt: target.prompt, inBank: true });
    const again = await api('POST', `/api/decks/${deckId}/curation/strikes`, { factId: target.factId, kind: target.kind });
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);

    const after = await previews();
    expect(after.filter((q) => q.factId === target.factId && q.kind === 'def-to-term')).toEqual([]);
    expect(after.some((q) => q.factId === target.factId && q.kind !== 'def-to-term')).toBe(true);

    const listed = (await api('GET', `/api/decks/${deckId}/curation`)).data;
    expect(listed.struck).toHaveLength(1);
    expect(listed.struck[0]).toMatchObject({ id: first.data.id, factId: target.factId, file: 'notes.md', inBank: true });
    const fact = (await facts()).find((f) => f.id === target.factId)!;
    expect(fact.curation.struckKinds).toEqual(['def-to-term']);

    expect((await api('DELETE', `/api/decks/${deckId}/curation/strikes/${first.data.id}`)).status).toBe(200);
    expect((await api('GET', `/api/decks/${deckId}/curation`)).data.struck).toEqual([]);
    const back = await previews();
    expect(back.some((q) => q.factId === target.factId && q.kind === 'def-to-term')).toBe(true);
  });
});

describe('not a term', () => {
  it('leaves every fact of the term out: never tested, never an option, never in a statement', async () => {
    const cname = await factNamed('CNAME record');
    expect(cname.termKey).toBeTruthy();
    const before = await previews();
    expect(before.some((q) => q.termKey === cname.termKey)).toBe(true);
    // The preview names the term each question is about, and carries the fact behind it.
    for (const q of before) {
      expect(q.bankFact?.term.length).toBeGreaterThan(0);
      if (q.termKey === cname.termKey) expect(q.termDisplay).toBe('CNAME record');
    }

    const marked = await api('POST', `/api/decks/${deckId}/curation/not-terms`, { termKey: cname.termKey });
    expect(marked.status).toBe(201);
    expect(marked.data).toMatchObject({ termKey: cname.termKey, display: 'CNAME record', facts: 1 });
    expect((await api('POST', `/api/decks/${deckId}/curation/not-terms`, { termKey: cname.termKey })).status).toBe(200);
    expect((await factNamed('CNAME record')).curation.notATerm).toBe(true);

    for (const q of await previews()) {
      expect(q.termKey).not.toBe(cname.termKey);
      expect(q.sources.filter((s) => s?.factId === cname.id)).toEqual([]);
      expect(`${q.prompt} ${q.options.join(' ')}`).not.toMatch(/CNAME|canonical host name/);
    }

    expect((await api('DELETE', `/api/decks/${deckId}/curation/not-terms/${marked.data.id}`)).status).toBe(200);
    expect((await previews()).some((q) => q.termKey === cname.termKey)).toBe(true);
  });
});

describe('edit a fact', () => {
  it('keeps file and line, the preview asks the new text, and the term moves to its new Term', async () => {
    const tcp = await factNamed('TCP');
    const deckBefore = await tdb.db.prisma.deck.findUniqueOrThrow({ where: { id: deckId } });
    const res = await api('PATCH', `/api/decks/${deckId}/facts/${tcp.id}`, {
      term: '  Transmission   Control Protocol ',
      fact: 'a connection-oriented protocol that delivers a byte stream reliably and in order',
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      id: tcp.id,
      file: tcp.file,
      line: tcp.line,
      term: 'Transmission Control Protocol',
      fact: 'a connection-oriented protocol that delivers a byte stream reliably and in order',
      curation: { edited: true },
    });
    expect(res.data.termKey).not.toBe(tcp.termKey);

    // The canonical layer follows: a Term for the new name, none left for the old one.
    const terms = await tdb.db.prisma.term.findMany({ where: { deckId }, select: { key: true, display: true } });
    expect(terms.find((t) => t.key === res.data.termKey)?.display).toBe('Transmission Control Protocol');
    expect(terms.some((t) => t.key === tcp.termKey)).toBe(false);
    const deckAfter = await tdb.db.prisma.deck.findUniqueOrThrow({ where: { id: deckId } });
    expect(deckAfter.updatedAt.getTime()).toBeGreaterThan(deckBefore.updatedAt.getTime());

    const qs = await previews();
    const text = (q: Question) => `${q.prompt} ${q.options.join(' ')} ${q.explanation}`;
    expect(qs.some((q) => q.factId === tcp.id && /byte stream reliably/.test(text(q)))).toBe(true);
    expect(qs.filter((q) => /ordered, reliable delivery/.test(text(q)))).toEqual([]);

    const listed = (await api('GET', `/api/decks/${deckId}/curation`)).data.edited;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ factId: tcp.id, originalTerm: 'TCP', term: 'Transmission Control Protocol', applied: true, line: tcp.line });
  });

  it('comes back after a re-import of the changed file, on the same line or a moved one', async () => {
    const changed = CURATION_NOTES.replace('- Tape:', '- Blu-ray: optical discs written once by a laser\n- Tape:');
    expect((await api('POST', `/api/decks/${deckId}/files`, { name: 'notes.md', text: changed })).data.files[0].status).toBe('replaced');
    let tcp = (await facts()).find((f) => f.term === 'Transmission Control Protocol');
    expect(tcp?.fact).toMatch(/byte stream reliably/);
    const sameLineId = tcp!.id;

    // Two lines inserted above: the original comes back two lines lower, with another id.
    const shifted = changed.replace('# Networking\n', '# Networking\n\nIntro line one.\n');
    await api('POST', `/api/decks/${deckId}/files`, { name: 'notes.md', text: shifted });
    tcp = (await facts()).find((f) => f.term === 'Transmission Control Protocol');
    expect(tcp?.fact).toMatch(/byte stream reliably/);
    expect(tcp!.id).not.toBe(sameLineId);
    expect((await facts()).some((f) => f.term === 'TCP')).toBe(false);
    const listed = (await api('GET', `/api/decks/${deckId}/curation`)).data.edited;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ factId: tcp!.id, line: tcp!.line, applied: true });
  });

  it('editing back to the original removes the edit and restores the parser’s view', async () => {
    const tcp = await factNamed('Transmission Control Protocol');
    const res = await api('PATCH', `/api/decks/${deckId}/facts/${tcp.id}`, { term: 'TCP', fact: 'a connection-oriented protocol with ordered, reliable delivery of bytes' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ term: 'TCP', curation: { edited: false } });
    expect((await api('GET', `/api/decks/${deckId}/curation`)).data.edited).toEqual([]);
  });
});

describe('flag a question from a game', () => {
  it('keeps the fact out of the next games until the host edits it; flagging is idempotent', async () => {
    const game = await api('POST', '/api/games', { deckId, questionCount: 8, kinds: ['def-to-term', 'term-to-def'] });
    expect(game.status).toBe(201);
    const gameId = game.data.gameId;
    const rows = await tdb.db.prisma.gameQuestion.findMany({ where: { gameId }, orderBy: { index: 'asc' } });
    const q = rows[1];
    expect(q.factId).toBeTruthy();
    // A finished game can be flagged as well as a running one.
    await tdb.db.prisma.game.update({ where: { id: gameId }, data: { status: 'finished' } });

    const flag = await api('POST', `/api/games/${gameId}/questions/1/flag`);
    expect(flag.status).toBe(201);
    expect(flag.data).toMatchObject({ factId: q.factId, questionIndex: 1, prompt: q.prompt, game: { id: gameId, code: game.data.code }, inBank: true });
    expect((await api('POST', `/api/games/${gameId}/questions/1/flag`)).status).toBe(200);
    expect(await tdb.db.prisma.flaggedFact.count({ where: { deckId } })).toBe(1);

    const needsFixing = (await api('GET', `/api/decks/${deckId}/curation`)).data.flagged;
    expect(needsFixing).toHaveLength(1);
    expect(needsFixing[0].current).toMatchObject({ term: expect.any(String), fact: expect.any(String) });

    for (let i = 0; i < 3; i++) {
      const next = await api('POST', '/api/games', { deckId, questionCount: 100 });
      expect(next.status).toBe(201);
      const asked = await tdb.db.prisma.gameQuestion.findMany({ where: { gameId: next.data.gameId }, select: { factId: true } });
      expect(asked.length).toBeGreaterThan(5);
      expect(asked.filter((a) => a.factId === q.factId)).toEqual([]);
    }
    for (const p of await previews(['x', 'y'])) expect(p.sources.some((s) => s?.factId === q.factId)).toBe(false);

    // Fixing it (an edit) resolves the flag: the fact is asked again.
    const fact = (await facts()).find((f) => f.id === q.factId)!;
    expect(fact.curation.flagged).toBe(true);
    await api('PATCH', `/api/decks/${deckId}/facts/${q.factId}`, { fact: `${fact.fact} in practice` });
    expect((await api('GET', `/api/decks/${deckId}/curation`)).data.flagged).toEqual([]);
    expect((await previews()).some((p) => p.factId === q.factId)).toBe(true);

    // Unflagging is the other way out.
    await api('POST', `/api/games/${gameId}/questions/2/flag`);
    expect((await api('DELETE', `/api/decks/${deckId}/curation/flags/${rows[2].factId}`)).status).toBe(200);
    expect((await api('GET', `/api/decks/${deckId}/curation`)).data.flagged).toEqual([]);
  });
});
