// Question-quality metrics M3-M13 of the design doc, computed from the bank and the questions
// alone (plus, when given, the raw note files for M3 and a regenerate hook for M12). The checks
// are written from the metric definitions, not by calling the generator's own guards, so a
// generator bug shows up here instead of being agreed with.
import { indexOf, type BankIndex, type Entity } from './bank-index.js';
import { acronymRuns, isAcronym, termWords } from './canonical.js';
import { DURATION_UNITS, SIZE_UNITS, quantities } from './conflicts.js';
import { chiSquareUniform } from './quality-stats.js';
import { SENSE_CHECKS, senseProblems, type SenseCheck } from './sense.js';
import { sha256 } from './seeded.js';
import { BRAND_WORDS, MARKUP_RESIDUE, contentStems, intersects, isStop, jaccard, normaliseOption, stem, stemSet, trigramDice, words } from './text.js';
import type { Bank, BankFact, Question, QuestionKind } from './types.js';

export interface QualityOptions {
  /** Raw text of each note file by name: M3 then checks the real cited line. */
  raw?: Record<string, string>;
  /** Generates the same question set again (same bank, options, seed): M12. */
  regenerate?: () => Question[];
}

export interface QualityReport {
  questions: number;
  mcq: number;
  /** M3: questions whose cited line holds >= 60% of the key's content tokens. */
  traceabilityPct: number;
  /** M3 for distractors with a source. */
  distractorTraceabilityPct: number;
  /** M4 */
  answerLeaks: number;
  /** M5 */
  distinctOptionsPct: number;
  /** M6: share of distractors from the key's list / column / heading / category / graph. */
  distractorTopicalityPct: number;
  topicalityByRelation: Record<string, number>;
  /** M7 */
  distractorSafetyViolations: number;
  /** M8 */
  lengthRatioOkPct: number;
  keyStrictlyLongestPct: number;
  keyPositions: number[];
  keyPositionChiSquare: number;
  keyPositionP: number;
  trueShareTrueFalsePct: number;
  /** M9 */
  markupResidue: number;
  /** M10 */
  singleAnswerViolations: number;
  /** M11 */
  conflictSafetyViolations: number;
  /** M12: null when no regenerate hook was given. */
  deterministic: boolean | null;
  /** M13 */
  perKind: Partial<Record<QuestionKind, number>>;
  perFile: Record<string, { facts: number; entities: number; entitiesAsked: number; questions: number }>;
  promptMaxChars: number;
  optionMaxChars: number;
  /** Sense checks (sense.ts): questions with each problem. The generator asks none of these. */
  sense: Record<SenseCheck, number>;
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 100);

function keyText(q: Question, fact: BankFact | undefined): string {
  return q.kind === 'true-false' ? (fact?.fact ?? '') : q.options[q.answer];
}

// M3: how much of the key's content shows on the cited line(s) of the raw file.
function traceable(key: string, lines: string[]): boolean {
  const raw = lines.join(' ').replace(/\\\$/g, 'S');
  const rawStems = new Set(contentStems(raw));
  const squashed = raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const toks = contentStems(key).length ? contentStems(key) : words(key);
  if (!toks.length) return false;
  const keyWords = words(key).filter((w) => !isStop(w));
  let hit = 0;
  for (const t of toks) if (rawStems.has(t) || squashed.includes(t) || keyWords.some((w) => stem(w) === t && squashed.includes(w))) hit++;
  return hit / toks.length >= 0.6;
}

function citedLines(raw: string[] | undefined, fact: BankFact | undefined, line: number): string[] {
  if (raw) {
    const end = fact && line === fact.lineStart ? fact.lineEnd : line;
    return raw.slice(line - 1, end);
  }
  return fact ? [fact.term, fact.fact] : [];
}

// M4: the key's distinctive words, acronyms or (for a name) all of its words in the prompt.
function leaks(ix: BankIndex, q: Question, entityOfOption: Entity | null): boolean {
  if (q.kind === 'true-false') return false;
  const key = q.options[q.answer];
  const prompt = q.prompt;
  const promptWords = words(prompt);
  const promptStems = new Set(promptWords.map(stem));
  // A value's answer is its number: "90 days" leaks through "90", not through "days".
  if (q.kind === 'cloze' && valueClass(key)) {
    const num = key.match(/\d+(?:\.\d+)?(?:-\d+)?/)?.[0] ?? key;
    return new RegExp(`(?<![\\p{L}\\p{N}.])${num.replace(/[.]/g, '\\.')}(?![\\p{N}])`, 'u').test(prompt);
  }
  const distinct = contentStems(key).filter((s) => s.length >= 3 && ix.distinctive(s));
  for (const s of distinct) {
    if (promptStems.has(s)) return true;
    if (s.length >= 5 && promptWords.some((w) => w.length > s.length && w.startsWith(s))) return true;
  }
  if (/^\d/.test(key) && normaliseOption(prompt).split(' ').includes(normaliseOption(key))) return true;
  const acronyms = new Set<string>();
  if (isAcronym(key)) acronyms.add(key);
  for (const m of key.matchAll(/(?:\b[A-Z][\p{L}]+\s+){2,}[A-Z][\p{L}]+/gu)) acronyms.add(m[0].split(/\s+/).map((w) => w[0]).join(''));
  for (const a of entityOfOption?.acronyms ?? []) acronyms.add(a);
  for (const a of acronyms) {
    const flat = a.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (flat.length >= 2 && promptWords.includes(flat)) return true;
    if (isAcronym(a) && acronymRuns(a, prompt).length) return true;
  }
  if (entityOfOption) {
    const all = termWords(key).filter((w) => !isStop(w));
    const name = all.some((w) => !BRAND_WORDS.has(w)) ? all.filter((w) => !BRAND_WORDS.has(w)) : all;
    if (name.length && name.every((w) => promptStems.has(stem(w)) || promptWords.includes(w))) return true;
  }
  return false;
}

function isNameOption(text: string, f: BankFact | undefined, e: Entity | undefined): boolean {
  if (!f || !e) return false;
  const n = normaliseOption(text);
  return n === normaliseOption(f.term) || n === normaliseOption(e.name);
}

function valueClass(text: string): string | null {
  const q = quantities(text)[0];
  if (!q) return /^\d{2,5}$/.test(text.trim()) ? 'port' : null;
  return q.unit === 'port' ? 'port' : SIZE_UNITS.has(q.unit) ? 'size' : DURATION_UNITS.has(q.unit) ? 'duration' : q.unit === '%' ? '%' : null;
}

/** M6: how a distractor relates to the key, or null when it is unrelated. */
function topicalRelation(ix: BankIndex, key: Entity, keyFact: BankFact | undefined, d: Entity, df: BankFact, q: Question, i: number): string | null {
  if (keyFact?.group && df.group && keyFact.file === df.file && keyFact.group.split(':').slice(0, 2).join(':') === df.group.split(':').slice(0, 2).join(':')) return 'list';
  if (intersects(key.groups, d.groups)) return 'list';
  if (intersects(key.homes, d.homes)) return 'heading';
  if (intersects(key.categories, d.categories)) return 'category';
  if ((ix.graph.get(key.key)?.get(d.key) ?? 0) > 0) return 'graph';
  if (q.kind === 'cloze' && valueClass(q.options[i]) && valueClass(q.options[i]) === valueClass(q.options[q.answer])) return 'value-class';
  return null;
}

export function qualityReport(bank: Bank, questions: readonly Question[], opts: QualityOptions = {}): QualityReport {
  const ix = indexOf(bank);
  const rawLines = new Map(Object.entries(opts.raw ?? {}).map(([k, v]) => [k, v.replace(/\r\n?/g, '\n').split('\n')]));
  const entityOfFact = (f: BankFact | undefined) => (f ? ix.entities.get(ix.entityOfKey.get(f.termKey) ?? '') : undefined);
  let traced = 0;
  let dTotal = 0;
  let dTraced = 0;
  let leaksN = 0;
  let distinct = 0;
  let topical = 0;
  let withRel = 0;
  const byRel: Record<string, number> = {};
  let unsafe = 0;
  let lenOk = 0;
  let longest = 0;
  let mcq = 0;
  let tf = 0;
  let tfTrue = 0;
  const positions = [0, 0, 0, 0];
  let markup = 0;
  let single = 0;
  let conflict = 0;
  const perKind: Partial<Record<QuestionKind, number>> = {};

  for (const q of questions) {
    perKind[q.kind] = (perKind[q.kind] ?? 0) + 1;
    const fact = ix.factById.get(q.factId);
    const keyEntity = ix.entities.get(q.termKey);
    if (traceable(keyText(q, fact), citedLines(rawLines.get(q.file), fact, q.line))) traced++;
    markup += [q.prompt, ...q.options].filter((t) => MARKUP_RESIDUE.test(t)).length;
    if (fact?.conflictGroup && (q.kind === 'true-false' || q.kind === 'cloze' || q.kind === 'term-to-def')) conflict++;

    if (q.kind === 'true-false') {
      tf++;
      if (q.answer === 0) tfTrue++;
      // M10: a false statement must share nothing with what the notes say of the subject.
      else if (fact && keyEntity && keyEntity.stems.some((s) => intersects(s, stemSet(fact.fact)))) single++;
      continue;
    }
    mcq++;
    if (q.options.length === 4) positions[q.answer]++;
    const keySource = q.sources[q.answer];
    const keyOptFact = keySource ? ix.factById.get(keySource.factId) : undefined;
    const keyOptEntity = entityOfFact(keyOptFact);
    if (leaks(ix, q, isNameOption(q.options[q.answer], keyOptFact, keyOptEntity) ? (keyOptEntity ?? null) : null)) leaksN++;

    const norms = q.options.map(normaliseOption);
    let ok = new Set(norms).size === norms.length;
    for (let i = 0; ok && i < q.options.length; i++) for (let j = i + 1; j < q.options.length; j++) if (trigramDice(q.options[i], q.options[j]) >= 0.8) ok = false;
    const nameKeys = q.options
      .map((t, i) => {
        const f = q.sources[i] ? ix.factById.get(q.sources[i]!.factId) : undefined;
        const e = entityOfFact(f);
        return isNameOption(t, f, e) ? e!.key : null;
      })
      .filter((k): k is string => k !== null);
    if (new Set(nameKeys).size !== nameKeys.length) ok = false;
    if (ok) distinct++;

    const lens = q.options.map((o) => o.length);
    if (Math.max(...lens) <= 3 * Math.min(...lens)) lenOk++;
    if (lens.every((l, i) => i === q.answer || l < lens[q.answer])) longest++;

    for (let i = 0; i < q.options.length; i++) {
      if (i === q.answer) continue;
      const src = q.sources[i];
      const df = src ? ix.factById.get(src.factId) : undefined;
      const d = entityOfFact(df);
      if (!src || !df || !d || !keyEntity) continue;
      dTotal++;
      const isName = isNameOption(q.options[i], df, d);
      if (traceable(q.options[i], citedLines(rawLines.get(src.file), df, src.line))) dTraced++;
      if (df.conflictGroup) conflict++;
      const rel = topicalRelation(ix, keyEntity, fact, d, df, q, i);
      withRel++;
      byRel[rel ?? 'none'] = (byRel[rel ?? 'none'] ?? 0) + 1;
      if (rel) topical++;
      if (valueClass(q.options[i]) && q.kind === 'cloze') continue; // a value is not a claim about the key
      // M7: could the distractor also be right? A named distractor: does anything the notes say
      // about it match the tested fact? A statement distractor: does it match anything the notes
      // say about the key entity (bank-wide)?
      if (d.key === keyEntity.key) continue;
      const bad = isName
        ? fact !== undefined && d.stems.some((s) => jaccard(s, ix.stemsOf(fact)) >= 0.5)
        : keyEntity.stems.some((k) => jaccard(ix.stemsOf(df), k) >= 0.5);
      if (bad) unsafe++;
    }

    // M10: a value -> row table stem has exactly one row with that value in that column.
    const t = q.kind === 'table-cell' ? /which row has "(.+)" in the (.+) column\?$/.exec(q.prompt) : null;
    const m = t ? [t[0], t[2], t[1]] : null;
    if (m && fact) {
      const rows = new Set(
        bank.facts
          .filter((f) => f.file === fact.file && f.group && fact.group && f.group.split(':').slice(0, 2).join(':') === fact.group.split(':').slice(0, 2).join(':'))
          .filter((f) => (f.attribute ?? '').toLowerCase() === m[1].toLowerCase() && normaliseOption(f.fact).startsWith(normaliseOption(m[2])))
          .map((f) => f.termKey),
      );
      if (rows.size !== 1) single++;
    }
  }

  const sense = Object.fromEntries(SENSE_CHECKS.map((c) => [c, 0])) as Record<SenseCheck, number>;
  for (const q of questions) for (const p of senseProblems(ix, q)) sense[p]++;

  let deterministic: boolean | null = null;
  if (opts.regenerate) deterministic = sha256(JSON.stringify(opts.regenerate())) === sha256(JSON.stringify(questions));
  const { statistic, p } = chiSquareUniform(positions);

  // M13: per file, how many named entities got at least one question.
  const perFile: QualityReport['perFile'] = {};
  const asked = new Set(questions.map((q) => q.termKey));
  const entitiesOfFile = new Map<string, Set<string>>();
  for (const f of bank.facts) {
    (perFile[f.file] ??= { facts: 0, entities: 0, entitiesAsked: 0, questions: 0 }).facts++;
    const e = entityOfFact(f);
    if (!e?.named) continue;
    if (!entitiesOfFile.has(f.file)) entitiesOfFile.set(f.file, new Set());
    entitiesOfFile.get(f.file)!.add(e.key);
  }
  for (const [file, row] of Object.entries(perFile)) {
    const ents = entitiesOfFile.get(file) ?? new Set<string>();
    row.entities = ents.size;
    row.entitiesAsked = [...ents].filter((k) => asked.has(k)).length;
  }
  for (const q of questions) if (perFile[q.file]) perFile[q.file].questions++;

  return {
    questions: questions.length,
    mcq,
    traceabilityPct: pct(traced, questions.length),
    distractorTraceabilityPct: pct(dTraced, dTotal),
    answerLeaks: leaksN,
    distinctOptionsPct: pct(distinct, mcq),
    distractorTopicalityPct: pct(topical, withRel),
    topicalityByRelation: byRel,
    distractorSafetyViolations: unsafe,
    lengthRatioOkPct: pct(lenOk, mcq),
    keyStrictlyLongestPct: pct(longest, mcq),
    keyPositions: positions,
    keyPositionChiSquare: Math.round(statistic * 1000) / 1000,
    keyPositionP: Math.round(p * 10000) / 10000,
    trueShareTrueFalsePct: pct(tfTrue, tf),
    markupResidue: markup,
    singleAnswerViolations: single,
    conflictSafetyViolations: conflict,
    deterministic,
    perKind,
    perFile,
    sense,
    promptMaxChars: Math.max(0, ...questions.map((q) => q.prompt.length)),
    optionMaxChars: Math.max(0, ...questions.flatMap((q) => q.options.map((o) => o.length))),
  };
}

export { formatQualityTable } from './quality-format.js';
