// A readable table of the quality report: one row per metric with its target and a verdict.
import type { QualityReport } from './quality.js';

type Row = [id: string, metric: string, value: string, target: string, ok: boolean | null];

export function formatQualityTable(r: QualityReport): string {
  const rows: Row[] = [
    ['M3', 'traceability (key on cited line)', `${r.traceabilityPct}%`, '100%', r.traceabilityPct === 100],
    ['M3', 'distractor traceability', `${r.distractorTraceabilityPct}%`, '100%', r.distractorTraceabilityPct === 100],
    ['M4', 'answer leaks into prompt', `${r.answerLeaks}`, '0', r.answerLeaks === 0],
    ['M5', 'distinct options', `${r.distinctOptionsPct}%`, '100%', r.distinctOptionsPct === 100],
    ['M6', 'distractor topicality', `${r.distractorTopicalityPct}%`, '>= 80%', r.distractorTopicalityPct >= 80],
    ['M7', 'distractor safety violations', `${r.distractorSafetyViolations}`, '0', r.distractorSafetyViolations === 0],
    ['M8', 'option length max/min <= 3', `${r.lengthRatioOkPct}%`, '100%', r.lengthRatioOkPct === 100],
    ['M8', 'key strictly longest', `${r.keyStrictlyLongestPct}%`, '<= 35%', r.keyStrictlyLongestPct <= 35],
    ['M8', `key positions ${r.keyPositions.join('/')}`, `chi2 ${r.keyPositionChiSquare}, p ${r.keyPositionP}`, 'p > 0.01', r.keyPositionP > 0.01],
    ['M8', 'true/false answered True', `${r.trueShareTrueFalsePct}%`, '~50%', null],
    ['M9', 'markup residue', `${r.markupResidue}`, '0', r.markupResidue === 0],
    ['M10', 'single-answer violations', `${r.singleAnswerViolations}`, '0', r.singleAnswerViolations === 0],
    ['M11', 'conflict-safety violations', `${r.conflictSafetyViolations}`, '0', r.conflictSafetyViolations === 0],
    ['M12', 'deterministic (same seed, same bytes)', r.deterministic === null ? 'not run' : String(r.deterministic), 'true', r.deterministic],
    ['M13', 'questions per kind', Object.entries(r.perKind).map(([k, n]) => `${k} ${n}`).join(', '), 'reported', null],
    ['', 'longest prompt / option', `${r.promptMaxChars} / ${r.optionMaxChars} chars`, '<= 200 / 90', r.promptMaxChars <= 200 && r.optionMaxChars <= 90],
  ];
  const SENSE_NAMES: Record<string, string> = {
    'name-not-a-term': 'a heading, label or clause as a term',
    'definition-not-descriptive': 'a clue or key that says nothing',
    blanks: 'blanks (one per cloze, no riddles)',
    'key-in-topic': 'key shown by topic line or prompt',
    'generic-statement': 'statement true of many terms',
    'prompt-length': 'prompt or option too long',
  };
  for (const [check, n] of Object.entries(r.sense)) rows.push(['S', `sense: ${SENSE_NAMES[check] ?? check}`, `${n}`, '0', n === 0]);
  for (const [file, f] of Object.entries(r.perFile)) {
    rows.push(['M13', `coverage ${file}`, `${f.entitiesAsked}/${f.entities} entities, ${f.questions} questions, ${f.facts} facts`, 'reported', null]);
  }
  const relations = Object.entries(r.topicalityByRelation).map(([k, n]) => `${k} ${n}`).join(', ');
  rows.push(['M6', 'distractors by relation', relations, 'reported', null]);
  const width = (i: 1 | 2 | 3) => Math.max(...rows.map((row) => row[i].length));
  const [w1, w2, w3] = [width(1), width(2), width(3)];
  const line = (row: Row) => `${row[0].padEnd(4)} ${row[1].padEnd(w1)}  ${row[2].padEnd(w2)}  ${row[3].padEnd(w3)}  ${row[4] === null ? '' : row[4] ? 'ok' : 'FAIL'}`;
  return [`${r.questions} questions (${r.mcq} multiple choice)`, ...rows.map(line)].join('\n');
}
