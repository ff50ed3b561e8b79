// Host curation of a deck: what the question generator must leave out (struck questions,
// "not a term" terms, flagged facts), the list the notes bank shows, and the per-fact state the
// fact browser shows. Rows name facts by id and keep a snapshot; see prisma/schema.prisma.
import type {
  DeckCuration,
  EditedFactItem,
  FactCuration,
  FlaggedFactItem,
  NotATermItem,
  PreviewFact,
  StruckQuestionItem,
} from '../../shared/curation-types.js';
import type { QuestionKind } from '../../shared/game-types.js';
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { HttpError } from '../http/errors.js';
import type { GenerateExclusions } from '../questions/types.js';
import { reapplyEdits, unknownFact } from './curation-edit.js';
import { requireDeck } from './decks.js';
import { isUniqueViolation } from '../db/errors.js';

/**
 * What questions of this deck must leave out, for GenerateOptions.exclude. Every place that
 * generates questions from a deck calls this first (game creation, the preview, the CLI); it
 * also puts back the host's edits a re-import undid, so call it before deckBankRef/loadBank.
 */
export async function curationExclusions(prisma: PrismaClient, deckId: string): Promise<GenerateExclusions> {
  await reapplyEdits(prisma, deckId);
  const [flagged, notTerms, struck] = await Promise.all([
    prisma.flaggedFact.findMany({ where: { deckId }, select: { factId: true }, orderBy: { factId: 'asc' } }),
    prisma.notATerm.findMany({ where: { deckId }, select: { termKey: true }, orderBy: { termKey: 'asc' } }),
    prisma.struckQuestion.findMany({ where: { deckId }, select: { factId: true, kind: true }, orderBy: [{ factId: 'asc' }, { kind: 'asc' }] }),
  ]);
  return {
    facts: flagged.map((f) => f.factId),
    terms: notTerms.map((t) => t.termKey),
    questions: struck.map((s) => `${s.factId}|${s.kind}`),
  };
}

/** Creates a row unless its unique key exists; either way returns the row and whether it is new. */
async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | null>): Promise<{ row: T; created: boolean }> {
  const existing = await find();
  if (existing) return { row: existing, created: false };
  try {
    return { row: await create(), created: true };
  } catch (error) {
    // A second click raced the first.
    const again = isUniqueViolation(error) ? await find() : null;
    if (again) return { row: again, created: false };
    throw error;
  }
}

/** The snapshot curation rows keep of a fact. Throws 404 when the deck has no such fact. */
async function factSnapshot(prisma: PrismaClient, deckId: string, factId: string) {
  const f = await prisma.fact.findFirst({ where: { id: factId, deckId }, select: { term: true, fact: true, lineStart: true, file: { select: { name: true } } } });
  if (!f) throw unknownFact();
  return { fileName: f.file.name, line: f.lineStart, term: f.term, fact: f.fact };
}

async function factsInBank(prisma: PrismaClient, deckId: string, ids: string[]) {
  const rows = ids.length
    ? await prisma.fact.findMany({ where: { deckId, id: { in: [...new Set(ids)] } }, select: { id: true, term: true, fact: true, attribute: true, fileId: true } })
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

type StruckRow = Prisma.StruckQuestionGetPayload<true>;
function struckItem(s: StruckRow, inBank: boolean): StruckQuestionItem {
  return {
    id: s.id, factId: s.factId, kind: s.kind as QuestionKind, prompt: s.prompt, file: s.fileName, line: s.line,
    term: s.term, fact: s.fact, inBank, createdAt: s.createdAt.toISOString(),
  };
}

export async function strikeQuestion(prisma: PrismaClient, deckId: string, body: { factId: string; kind: QuestionKind; prompt?: string }) {
  await requireDeck(prisma, deckId);
  const snap = await factSnapshot(prisma, deckId, body.factId);
  const key = { deckId_factId_kind: { deckId, factId: body.factId, kind: body.kind } };
  const { row, created } = await createOnce(
    () => prisma.struckQuestion.create({ data: { deckId, factId: body.factId, kind: body.kind, prompt: body.prompt?.trim() ?? '', ...snap } }),
    () => prisma.struckQuestion.findUnique({ where: key }),
  );
  return { item: struckItem(row, true), created };
}

export async function unstrikeQuestion(prisma: PrismaClient, deckId: string, id: string): Promise<void> {
  await requireDeck(prisma, deckId);
  const { count } = await prisma.struckQuestion.deleteMany({ where: { id, deckId } });
  if (!count) throw new HttpError(404, 'NOT_FOUND', 'No such struck question in this deck.');
}

export async function markNotATerm(prisma: PrismaClient, deckId: string, termKey: string) {
  await requireDeck(prisma, deckId);
  const term = await prisma.term.findUnique({ where: { deckId_key: { deckId, key: termKey } }, select: { display: true, _count: { select: { facts: true } } } });
  if (!term) throw new HttpError(404, 'NOT_FOUND', 'That term is not in this deck.');
  const key = { deckId_termKey: { deckId, termKey } };
  const { row, created } = await createOnce(
    () => prisma.notATerm.create({ data: { deckId, termKey, display: term.display } }),
    () => prisma.notATerm.findUnique({ where: key }),
  );
  const item: NotATermItem = { id: row.id, termKey, display: row.display, facts: term._count.facts, createdAt: row.createdAt.toISOString() };
  return { item, created };
}

export async function unmarkNotATerm(prisma: PrismaClient, deckId: string, id: string): Promise<void> {
  await requireDeck(prisma, deckId);
  const { count } = await prisma.notATerm.deleteMany({ where: { id, deckId } });
  if (!count) throw new HttpError(404, 'NOT_FOUND', 'That term is not marked “not a term” in this deck.');
}

export async function unflagFact(prisma: PrismaClient, deckId: string, factId: string): Promise<void> {
  await requireDeck(prisma, deckId);
  const { count } = await prisma.flaggedFact.deleteMany({ where: { factId, deckId } });
  if (!count) throw new HttpError(404, 'NOT_FOUND', 'That fact is not flagged in this deck.');
}

const FLAG_SELECT = { game: { select: { id: true, code: true, createdAt: true } } } as const;
type FlagRow = Prisma.FlaggedFactGetPayload<{ include: typeof FLAG_SELECT }>;

/** Flagged facts as the "Needs fixing" list shows them, newest first. */
export async function flaggedItems(prisma: PrismaClient, deckId: string, where: Prisma.FlaggedFactWhereInput = {}): Promise<FlaggedFactItem[]> {
  const rows: FlagRow[] = await prisma.flaggedFact.findMany({ where: { ...where, deckId }, include: FLAG_SELECT, orderBy: { createdAt: 'desc' } });
  const facts = await factsInBank(prisma, deckId, rows.map((r) => r.factId));
  return rows.map((r) => {
    const now = facts.get(r.factId);
    return {
      id: r.id, factId: r.factId, file: r.fileName, line: r.line, term: r.term, fact: r.fact, inBank: !!now,
      questionIndex: r.questionIndex, kind: r.kind, prompt: r.prompt,
      game: r.game ? { id: r.game.id, code: r.game.code, createdAt: r.game.createdAt.toISOString() } : null,
      createdAt: r.createdAt.toISOString(),
      current: now ? { term: now.term, fact: now.fact, attribute: now.attribute, fileId: now.fileId } : null,
    };
  });
}

/** Everything the host decided about a deck. Puts back edits a re-import undid first. */
export async function deckCuration(prisma: PrismaClient, deckId: string): Promise<DeckCuration> {
  await requireDeck(prisma, deckId);
  await reapplyEdits(prisma, deckId);
  const [flagged, struck, notTerms, edits] = await Promise.all([
    flaggedItems(prisma, deckId),
    prisma.struckQuestion.findMany({ where: { deckId }, orderBy: { createdAt: 'desc' } }),
    prisma.notATerm.findMany({ where: { deckId }, orderBy: { display: 'asc' } }),
    prisma.factEdit.findMany({ where: { deckId }, orderBy: { updatedAt: 'desc' } }),
  ]);
  const facts = await factsInBank(prisma, deckId, [...struck.map((s) => s.factId), ...edits.map((e) => e.factId)]);
  const terms = notTerms.length
    ? await prisma.term.findMany({ where: { deckId, key: { in: notTerms.map((t) => t.termKey) } }, select: { key: true, _count: { select: { facts: true } } } })
    : [];
  const termFacts = new Map(terms.map((t) => [t.key, t._count.facts]));
  const edited: EditedFactItem[] = edits.map((e) => {
    const now = facts.get(e.factId);
    return {
      id: e.id, factId: e.factId, file: e.fileName, line: e.line, attribute: e.attribute,
      originalTerm: e.originalTerm, originalFact: e.originalFact, term: e.term, fact: e.fact,
      applied: !!now && now.term === e.term && now.fact === e.fact, updatedAt: e.updatedAt.toISOString(),
    };
  });
  return {
    flagged,
    struck: struck.map((s) => struckItem(s, facts.has(s.factId))),
    notTerms: notTerms.map((t) => ({ id: t.id, termKey: t.termKey, display: t.display, facts: termFacts.get(t.termKey) ?? 0, createdAt: t.createdAt.toISOString() })),
    edited,
  };
}

/**
 * Preview questions with what the host needs to fix them there: the fact behind each (to edit
 * it) and the name of the term it is about ("not a term"; for a false statement that is not
 * the term of the fact whose text it borrows).
 */
export async function withBankFacts<Q extends { factId: string; termKey: string }>(
  prisma: PrismaClient,
  deckId: string,
  questions: Q[],
): Promise<(Q & { bankFact: PreviewFact | null; termDisplay: string | null })[]> {
  const [rows, terms] = questions.length
    ? await Promise.all([
        prisma.fact.findMany({
          where: { deckId, id: { in: [...new Set(questions.map((q) => q.factId))] } },
          select: { id: true, term: true, fact: true, attribute: true, termRef: { select: { display: true } } },
        }),
        prisma.term.findMany({ where: { deckId, key: { in: [...new Set(questions.map((q) => q.termKey))] } }, select: { key: true, display: true } }),
      ])
    : [[], []];
  const facts = new Map(rows.map((r) => [r.id, { term: r.term, fact: r.fact, attribute: r.attribute, termDisplay: r.termRef?.display ?? null }]));
  const names = new Map(terms.map((t) => [t.key, t.display]));
  return questions.map((q) => ({ ...q, bankFact: facts.get(q.factId) ?? null, termDisplay: names.get(q.termKey) ?? null }));
}

/** The curation state of the given facts, for the fact browser. */
export async function factCurations(prisma: PrismaClient, deckId: string, facts: { id: string; termKey: string | null }[]): Promise<Map<string, FactCuration>> {
  const ids = facts.map((f) => f.id);
  const keys = [...new Set(facts.map((f) => f.termKey).filter((k): k is string => !!k))];
  const [flagged, edited, struck, notTerms] = ids.length
    ? await Promise.all([
        prisma.flaggedFact.findMany({ where: { deckId, factId: { in: ids } }, select: { factId: true } }),
        prisma.factEdit.findMany({ where: { deckId, factId: { in: ids } }, select: { factId: true } }),
        prisma.struckQuestion.findMany({ where: { deckId, factId: { in: ids } }, select: { factId: true, kind: true }, orderBy: { kind: 'asc' } }),
        keys.length ? prisma.notATerm.findMany({ where: { deckId, termKey: { in: keys } }, select: { termKey: true } }) : [],
      ])
    : [[], [], [], []];
  const flaggedIds = new Set(flagged.map((f) => f.factId));
  const editedIds = new Set(edited.map((f) => f.factId));
  const notKeys = new Set(notTerms.map((t) => t.termKey));
  const out = new Map<string, FactCuration>();
  for (const f of facts) {
    out.set(f.id, {
      flagged: flaggedIds.has(f.id),
      edited: editedIds.has(f.id),
      struckKinds: struck.filter((s) => s.factId === f.id).map((s) => s.kind as QuestionKind),
      notATerm: !!f.termKey && notKeys.has(f.termKey),
    });
  }
  return out;
}
