// A game from the notes bank over real sockets: the reveal on the projector and the results'
// "Re-read" cite the same line of the notes (the fact's own first line, not the heading that
// names its term), and the lines around it read as the notes do, without their markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevealPayload } from '../shared/game-types.js';
import type { GameReport } from '../shared/report-types.js';
import { inlineGenerator } from '../server/questions/generator-thread.js';
import { bankQuestionSource } from '../server/rooms/question-source.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { attachHost, eventually, joinPlayer, ManualClock, okData, startRoomsServer, type RoomsServer } from './support/socket-clients.js';

// Each term is a heading two lines above its fact, as in many exported notes.
const NOTES = `# Machine learning services

## Managed services

#### <u>TorchServe</u>

- Open source model server for PyTorch, built together with Meta.

#### **AWS Neuron**

- SDK that compiles models for inference on **Inferentia** chips (Inf1 instances).

#### <u>Amazon Comprehend</u>

- Natural language processing that extracts **entities**, key phrases and sentiment from text.

#### **Amazon Translate**

- Neural machine translation with custom terminology uploaded as CSV or TMX.

#### <u>Amazon Transcribe</u>

- Speech to text with speaker identification and a custom vocabulary.

#### **Amazon Polly**

- Text to speech with lexicons, SSML tags and speech marks for lip-syncing.

#### <u>Amazon Forecast</u>

- Fully managed time series forecasting for demand and financial planning.

#### **Amazon Rekognition**

- Computer vision for objects, faces, text in images and video analysis.

#### <u>Amazon Lex</u>

- Conversational chatbot engine that turns utterances into intents and fills slots.

#### **Amazon Kendra**

- Enterprise document search that answers questions in natural language.
`;
const LINES = NOTES.split('\n');
const QUESTIONS = 3;

let tdb: TestDatabase;
let server: RoomsServer;
let deckId: string;
const clock = new ManualClock();

beforeAll(async () => {
  tdb = await createTestDatabase();
  server = await startRoomsServer(tdb.db, { clock, questionSource: bankQuestionSource(tdb.db.prisma, inlineGenerator()) });
  const deck = await fetch(`${server.baseUrl}/api/decks`, { method: 'POST', headers: server.hostHeaders, body: JSON.stringify({ name: 'ML services' }) });
  deckId = ((await deck.json()) as { data: { id: string } }).data.id;
  const imported = await fetch(`${server.baseUrl}/api/decks/${deckId}/files`, {
    method: 'POST',
    headers: server.hostHeaders,
    body: JSON.stringify({ name: 'services.md', text: NOTES }),
  });
  expect(imported.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

describe('the place in the notes', () => {
  it('is the same line at the reveal and in the results, shown without markup', async () => {
    const created = await fetch(`${server.baseUrl}/api/games`, {
      method: 'POST',
      headers: server.hostHeaders,
      body: JSON.stringify({ deckId, questionCount: QUESTIONS, secondsPerQuestion: 10, kinds: ['def-to-term'] }),
    });
    const game = ((await created.json()) as { data: { gameId: string; code: string; hostToken: string; questionCount: number } }).data;
    expect(game.questionCount).toBe(QUESTIONS);
    const host = await attachHost(server, { ...game, joinUrl: '' });
    const ann = await joinPlayer(server, game.code, 'Ann');
    okData(await host.call('game:start', {}));

    // Ann never answers, so every question is among the hardest, with its context.
    const reveals: RevealPayload[] = [];
    for (let i = 0; i < QUESTIONS; i++) {
      await host.take('question:show');
      clock.advance(3_000);
      await host.take('question:open');
      clock.advance(10_250);
      reveals.push(await host.take('question:reveal'));
      okData(await host.call('game:next', {}));
      if (i < QUESTIONS - 1) okData(await host.call('game:next', {}));
    }
    okData(await host.call('game:next', {}));
    await host.take('room:closed');

    const facts = await tdb.db.prisma.gameQuestion.findMany({ where: { gameId: game.gameId }, select: { index: true, factId: true } });
    const report = await eventually(async () => {
      const res = await fetch(`${server.baseUrl}/api/games/${game.gameId}/report`);
      const data = ((await res.json()) as { data: GameReport }).data;
      expect(data.hardest).toHaveLength(QUESTIONS);
      return data;
    });
    for (const reveal of reveals) {
      const factId = facts.find((f) => f.index === reveal.index)!.factId!;
      const fact = await tdb.db.prisma.fact.findUniqueOrThrow({ where: { id: factId }, select: { lineStart: true } });
      const hard = report.hardest.find((h) => h.index === reveal.index)!;
      // The fact's own first line, on both screens; the heading above it is not the note.
      expect(reveal.source.line).toBe(fact.lineStart);
      expect(hard.source.line).toBe(reveal.source.line);
      expect(LINES[reveal.source.line - 1]).toMatch(/^- /);
      // The context around it reads like the notes: headings and emphasis without their marks.
      const context = hard.source.context!;
      expect(context.find((l) => l.focus)!.text).toMatch(/^- [A-Z]/);
      for (const line of context) expect(line.text).not.toMatch(/#|\*\*|<\/?u>/);
      expect(context.map((l) => l.text)).toContain(LINES[reveal.source.line - 3].replace(/^#### (?:<u>|\*\*)(.*?)(?:<\/u>|\*\*)$/, '$1'));
    }
    for (const c of [host, ann.client]) c.close();
  });
});
