// What leaves the server, and to whom: two games at once never see each other's traffic,
// and no packet a player receives before a question's reveal tells the answer. In
// 'host-only' display, players' devices never receive the prompt or the option text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent, ServerPayload } from '../shared/protocol.js';
import type { QuestionSource } from '../server/rooms/question-source.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import {
  attachHost,
  client,
  createGame,
  joinPlayer,
  makeQuestions,
  ManualClock,
  okData,
  startRoomsServer,
  type RoomsServer,
  type TestClient,
} from './support/socket-clients.js';

let tdb: TestDatabase;
let server: RoomsServer;
const clock = new ManualClock();

// Each deck id gets its own question texts, so traffic of one game is recognisable.
const source: QuestionSource = {
  async load(settings) {
    const tag = settings.deckId === 'deckB' ? 'b' : 'a';
    return {
      deckId: null,
      deckName: `Deck ${tag}`,
      questions: makeQuestions(settings.questionCount, tag).map((q) => ({ ...q, factId: null })),
    };
  },
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock, questionSource: source });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

async function everyone<E extends ServerEvent>(clients: TestClient[], event: E): Promise<ServerPayload<E>[]> {
  return Promise.all(clients.map((c) => c.take(event)));
}

describe('two games at once', () => {
  it('never deliver one game’s events to the other game’s sockets', async () => {
    const gameA = await createGame(server, { deckId: 'deckA', questionCount: 2 });
    const gameB = await createGame(server, { deckId: 'deckB', questionCount: 2 });
    const hostA = await attachHost(server, gameA);
    const hostB = await attachHost(server, gameB);
    const a = [await joinPlayer(server, gameA.code, 'Ann'), await joinPlayer(server, gameA.code, 'Al')];
    const b = [await joinPlayer(server, gameB.code, 'Bea'), await joinPlayer(server, gameB.code, 'Ben')];
    const roomA = [hostA, ...a.map((p) => p.client)];
    const roomB = [hostB, ...b.map((p) => p.client)];

    // Both games play their first question at the same time on the same server.
    okData(await hostA.call('game:start', {}));
    okData(await hostB.call('game:start', {}));
    await everyone([...roomA, ...roomB], 'question:show');
    clock.advance(3_000);
    const openA = await everyone(roomA, 'question:open');
    const openB = await everyone(roomB, 'question:open');
    expect(openA.every((o) => o.question.id === 'a1')).toBe(true);
    expect(openB.every((o) => o.question.id === 'b1')).toBe(true);
    for (const p of [...a, ...b]) {
      const id = a.includes(p) ? 'a1' : 'b1';
      okData(await p.client.call('answer:submit', { questionId: id, optionIndex: 0 }));
    }
    // An id of the other game is just a wrong question here.
    await everyone([...roomA, ...roomB], 'question:reveal');
    okData(await hostA.call('game:next', {}));
    await everyone(roomA, 'leaderboard:show');
    okData(await hostA.call('game:end', {}));
    await everyone(roomA, 'room:closed');
    // Pausing is only possible while a question runs; B is showing its reveal.
    expect(await hostB.call('game:pause', {})).toMatchObject({ ok: false, error: { code: 'WRONG_PHASE' } });
    okData(await hostB.call('game:end', {}));
    await everyone(roomB, 'room:closed');

    const foreignToA = [gameB.gameId, gameB.code, 'Bea', 'Ben', '-b-', '"b1"'];
    const foreignToB = [gameA.gameId, gameA.code, 'Ann', '"Al"', '-a-', '"a1"'];
    for (const c of roomA) for (const s of foreignToA) expect(c.packets.join('\n')).not.toContain(s);
    for (const c of roomB) for (const s of foreignToB) expect(c.packets.join('\n')).not.toContain(s);
    // And each side got exactly its own game's messages.
    for (const c of [...roomA, ...roomB]) expect(c.count('room:closed')).toBe(1);
    expect(hostA.count('player:joined')).toBe(2);
    expect(hostB.count('player:joined')).toBe(2);
    expect(a[0].client.count('leaderboard:show')).toBe(1);
    expect(b[0].client.count('leaderboard:show')).toBe(0);
    for (const c of [...roomA, ...roomB]) c.close();
  });
});

/** Packets a client got while `questionId` was being asked: from the previous question's
 *  results (or the very first packet) up to the arrival of this question's reveal. */
function beforeReveal(c: TestClient, questionId: string, first: boolean): string[] {
  const at = c.packets.findIndex((p) => p.includes('"question:reveal"') && p.includes(`"questionId":"${questionId}"`));
  const from = first ? 0 : c.packets.findIndex((p) => p.includes('"question:show"') && p.includes(`"id":"${questionId}"`));
  expect(at).toBeGreaterThan(from);
  expect(from).toBeGreaterThanOrEqual(0);
  return c.packets.slice(from, at);
}

describe('the answer stays on the server until the reveal', () => {
  it('is absent from every packet a player receives before the reveal (devices display)', async () => {
    const game = await createGame(server, { deckId: 'deckA', questionCount: 2 });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    const bob = await joinPlayer(server, game.code, 'Bob');
    okData(await host.call('game:start', {}));
    await ann.client.take('question:show');
    clock.advance(3_000);
    await ann.client.take('question:open');
    // A late joiner and a refreshed player get full views mid-question: they must not leak either.
    const late = await joinPlayer(server, game.code, 'Late');
    const bob2 = await client(server);
    okData(await bob2.call('room:resume', { token: bob.token }));
    const questions = makeQuestions(2, 'a');
    okData(await ann.client.call('answer:submit', { questionId: 'a1', optionIndex: questions[0].answerIndex }));
    clock.advance(10_250);
    const players = [ann.client, bob2, late.client];
    await everyone(players, 'question:reveal');
    okData(await host.call('game:next', {}));
    okData(await host.call('game:next', {}));
    clock.advance(3_000);
    okData(await late.client.call('answer:submit', { questionId: 'a2', optionIndex: 0 }));
    clock.advance(10_250);
    await everyone(players, 'question:reveal');
    okData(await host.call('game:end', {}));
    await everyone(players, 'room:closed');

    for (const [i, q] of questions.entries()) {
      for (const c of players) {
        const early = beforeReveal(c, q.id, i === 0).join('\n');
        expect(early).toContain(q.options[0]); // the recording did capture the question
        for (const secret of ['correctIndex', 'answerIndex', '"correct"', 'explanation', q.explanation, 'notes.md']) {
          expect(early, `question ${i + 1}`).not.toContain(secret);
        }
      }
    }
    for (const c of [host, ann.client, bob.client, bob2, late.client]) c.close();
  });

  it('sends players no prompt or option text in host-only display, while the host gets both', async () => {
    const game = await createGame(server, { deckId: 'deckA', questionCount: 1, display: 'host-only' });
    const host = await attachHost(server, game);
    const ann = await joinPlayer(server, game.code, 'Ann');
    okData(await host.call('game:start', {}));
    expect((await ann.client.take('question:show')).question.prompt).toBe('');
    clock.advance(3_000);
    const open = await ann.client.take('question:open');
    expect(open.question.options).toEqual(['A', 'B', 'C', 'D']);
    expect((await host.take('question:open')).question.options).toEqual(makeQuestions(1, 'a')[0].options);
    // A refresh mid-question gets the same masked question.
    const ann2 = await client(server);
    const again = okData(await ann2.call('room:resume', { token: ann.token }));
    expect(again.view.stage).toMatchObject({ phase: 'answering', question: { prompt: '', options: ['A', 'B', 'C', 'D'] } });
    okData(await ann2.call('answer:submit', { questionId: 'a1', optionIndex: 2 }));
    await host.take('question:reveal');
    await ann2.take('question:reveal');
    const q = makeQuestions(1, 'a')[0];
    const everything = [...ann.client.packets, ...ann2.packets].join('\n');
    for (const text of [q.prompt, ...q.options]) expect(everything).not.toContain(text);
    expect(host.packets.join('\n')).toContain(q.prompt);
    okData(await host.call('game:end', {}));
    host.close();
    ann2.close();
  });
});
