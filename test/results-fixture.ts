// A finished game written straight into the database, with answers chosen so every figure of
// the report can be worked out by hand (the expected values live in the tests themselves).
//
// Questions (0-based index; "asked" = answers opened):
//   0 Biology > Cells       answer 0 Mitochondria   fact F1 (bio.md line 3)
//   1 Chemistry > Atoms     answer 1 Neutron        fact deleted, file old-chem.md deleted
//   2 Biology > Genetics    answer 2 DNA            fact F2 (now bio.md line 7; the question says 6)
//   3 Chemistry > Bonds     skipped by the host (Ada still answered it)
//   4 Chemistry > Atoms     answer 0 Neutron        fact deleted, chem.md still in the bank (line 3)
//   5 Biology > Cells       never reached (the host ended the game)
// Players: Ada perfect; Ben `Ben "B", Jr` joined at question 2; Fay mixed; Dan `=2+3` never
// answered; Cat kicked after question 1 was asked and before question 2.
import type { PrismaClient } from '../server/db/generated/client.js';

export const T0 = Date.parse('2026-03-05T19:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

export const BIO_MD = [
  '# Biology',
  '## Cells',
  '- Mitochondria: powerhouse of the cell',
  '- Ribosome: makes proteins',
  '## Genetics',
  'Some intro line',
  '- DNA: carries genetic information',
  '- RNA: copies of genes',
  '- Extra line',
  '- Another line',
].join('\n');

export const CHEM_MD = ['# Chemistry', '## Atoms', '- Neutron: no charge', '- Proton: positive charge'].join('\n');

export const HOST_HASH = 'HOSTHASH-must-never-leak-0001';
export const SESSION_HASH = 'SESSIONHASH-must-never-leak-';

export interface Fixture {
  gameId: string;
  deckId: string;
  questionIds: string[];
  players: { ada: string; ben: string; fay: string; dan: string; cat: string };
  facts: { f1: string; f2: string };
}

export async function seedGame(prisma: PrismaClient): Promise<Fixture> {
  const deck = await prisma.deck.create({ data: { name: 'Science Night: Bio & Chem' } });
  const bio = await prisma.sourceFile.create({
    data: { deckId: deck.id, name: 'bio.md', hash: 'b', layout: 'markdown', rawText: BIO_MD, report: {} },
  });
  await prisma.sourceFile.create({
    data: { deckId: deck.id, name: 'chem.md', hash: 'c', layout: 'markdown', rawText: CHEM_MD, report: {} },
  });
  const fact = (term: string, text: string, line: number, attribute: string | null = null) =>
    prisma.fact.create({
      data: {
        deckId: deck.id,
        fileId: bio.id,
        term,
        attribute,
        fact: text,
        lineStart: line,
        lineEnd: line,
        rule: 'S5/colon',
        confidence: 1,
        flags: [],
        ord: line,
      },
    });
  // A tab and a newline inside the fact: the TSV export must flatten them.
  const f1 = await fact('Mitochondria', 'powerhouse\tof the\ncell', 3);
  const f2 = await fact('DNA', 'carries genetic information', 7, 'role');

  const game = await prisma.game.create({
    data: {
      code: 'QZ2345',
      deckId: deck.id,
      deckName: deck.name,
      settings: {
        deckId: deck.id,
        topics: [['Biology'], ['Chemistry']],
        questionCount: 6,
        secondsPerQuestion: 20,
        kinds: ['def-to-term'],
        scoring: 'speed',
        display: 'devices',
        allowLateJoin: true,
        playerCap: 50,
      },
      seed: 'seed-1',
      status: 'ended',
      hostTokenHash: HOST_HASH,
      createdAt: at(0),
      startedAt: at(30),
      endedAt: at(600),
    },
  });

  const q = (index: number, topic: string[], prompt: string, options: string[], answerIndex: number, extra: object) =>
    prisma.gameQuestion.create({
      data: {
        gameId: game.id,
        index,
        qid: `q${index}`,
        kind: 'def-to-term',
        prompt,
        options,
        answerIndex,
        topic,
        file: 'bio.md',
        line: 1,
        explanation: `Explanation ${index}`,
        ...extra,
      },
    });
  const questions = [
    await q(0, ['Biology', 'Cells'], 'Which organelle makes ATP?', ['Mitochondria', 'Ribosome', 'Nucleus', 'Golgi'], 0, {
      factId: f1.id,
      line: 3,
      askedAt: at(60),
    }),
    await q(1, ['Chemistry', 'Atoms'], 'Which particle has no charge?', ['Proton', 'Neutron', 'Electron', 'Quark'], 1, {
      factId: 'deleted-fact-1',
      file: 'old-chem.md',
      line: 9,
      askedAt: at(120),
    }),
    await q(2, ['Biology', 'Genetics'], 'What carries genetic information?', ['RNA', 'Protein', 'DNA', 'Lipid'], 2, {
      factId: f2.id,
      line: 6,
      askedAt: at(180),
    }),
    await q(3, ['Chemistry', 'Bonds'], 'Which bond shares electrons?', ['Covalent', 'Ionic', 'Metallic', 'Hydrogen'], 0, {
      skipped: true,
      askedAt: at(240),
    }),
    // Same card as question 1 once flattened and case-folded: the TSV keeps one.
    await q(4, ['Chemistry', 'Atoms'], 'which particle\nhas  no charge?', ['Neutron', 'Proton', 'Electron', 'Photon'], 0, {
      factId: 'deleted-fact-2',
      file: 'chem.md',
      line: 3,
      askedAt: at(300),
    }),
    await q(5, ['Biology', 'Cells'], 'Where are proteins made?', ['Ribosome', 'Nucleus', 'Vacuole', 'Wall'], 0, {}),
  ];

  const player = (nickname: string, joinedAtQuestion: number, score: number, finalRank: number | null, kickedAt?: Date) =>
    prisma.player.create({
      data: {
        gameId: game.id,
        nickname,
        nicknameKey: nickname.toLowerCase(),
        sessionTokenHash: `${SESSION_HASH}${nickname}`,
        joinedAt: at(joinedAtQuestion * 60 + 10),
        joinedAtQuestion,
        score,
        finalRank,
        kickedAt: kickedAt ?? null,
      },
    });
  const ada = await player('Ada', 0, 3705, 1);
  const ben = await player('Ben "B", Jr', 2, 900, 2);
  const fay = await player('Fay', 0, 850, 3);
  const dan = await player('=2+3', 0, 0, 4);
  const cat = await player('Cat', 0, 0, null, at(150));

  const answer = (p: { id: string }, qi: number, optionIndex: number, elapsedMs: number, points: number) =>
    prisma.answer.create({
      data: {
        gameId: game.id,
        questionId: questions[qi].id,
        playerId: p.id,
        optionIndex,
        elapsedMs,
        correct: optionIndex === questions[qi].answerIndex,
        points,
        createdAt: new Date(questions[qi].askedAt!.getTime() + elapsedMs),
      },
    });
  await answer(ada, 0, 0, 1200, 940);
  await answer(cat, 0, 1, 3000, 0);
  await answer(fay, 0, 1, 5000, 0);
  await answer(ada, 1, 1, 2500, 880);
  await answer(fay, 1, 2, 4000, 0);
  await answer(ada, 2, 2, 800, 960);
  await answer(ben, 2, 0, 6000, 0);
  await answer(fay, 2, 0, 7000, 0);
  await answer(ada, 3, 0, 1000, 950);
  await answer(ada, 4, 0, 1500, 925);
  await answer(ben, 4, 0, 2000, 900);
  await answer(fay, 4, 0, 3000, 850);

  return {
    gameId: game.id,
    deckId: deck.id,
    questionIds: questions.map((x) => x.id),
    players: { ada: ada.id, ben: ben.id, fay: fay.id, dan: dan.id, cat: cat.id },
    facts: { f1: f1.id, f2: f2.id },
  };
}
