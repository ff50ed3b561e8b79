// Plain words for the importer's internal names: every skip reason, fact flag and layout the
// parser can produce has a label (the lists below are checked against the parser's types, so a
// new name fails the type check until it gets words), and an unknown name still reads well.
import { describe, expect, it } from 'vitest';
import type { FactFlag, Layout, SkipReason } from '../server/notes/types.js';
import { FACT_FLAG_LABELS, LAYOUT_LABELS, SKIP_REASON_LABELS, factFlagLabel, layoutLabel, skipReasonLabel } from '../shared/notes-labels.js';

const REASONS = {
  toc: true, image: true, meta: true, math: true, 'too-short': true, chrome: true, 'empty-heading': true, blank: true,
  heading: true, other: true, intro: true, 'table-header': true, 'front-matter': true, callout: true, navigation: true,
  badge: true, placeholder: true, damaged: true,
} satisfies Record<SkipReason, true>;
const FLAGS = {
  math: true, truncated: true, merged: true, typoSuspect: true, openList: true, termInFact: true, question: true,
  conflict: true, section: true, lowConfidence: true,
} satisfies Record<FactFlag, true>;
const LAYOUTS = {
  markdown: true, 'rendered-bullets': true, 'flashcard-pairs': true, 'flashcard-tsv': true, csv: true, 'plain-outline': true,
} satisfies Record<Layout, true>;

describe('notes labels', () => {
  it('has plain words and a hint for every name the parser uses', () => {
    for (const [names, table] of [
      [REASONS, SKIP_REASON_LABELS],
      [FLAGS, FACT_FLAG_LABELS],
      [LAYOUTS, LAYOUT_LABELS],
    ] as const) {
      for (const name of Object.keys(names)) {
        const plain = table[name];
        expect(plain, name).toBeDefined();
        // "heading" is a plain word already; "termInFact" and "too-short" are not.
        if (/[A-Z-]/.test(name)) expect(plain.label).not.toBe(name);
        expect(plain.label).not.toMatch(/[a-z][A-Z]/);
        expect(plain.hint.length, name).toBeGreaterThan(20);
      }
    }
    expect(skipReasonLabel('chrome').label).toBe('page header/footer text');
    expect(factFlagLabel('truncated').label).toBe('looks cut off');
    expect(factFlagLabel('termInFact').label).toBe('repeats its term');
    expect(layoutLabel('rendered-bullets').label).toBe('web page copied as text');
  });

  it('shows an unknown name readably instead of failing', () => {
    expect(factFlagLabel('someNewFlag')).toEqual({ label: 'some new flag', hint: '' });
    expect(skipReasonLabel('code-block')).toEqual({ label: 'code block', hint: '' });
    expect(layoutLabel('')).toEqual({ label: 'other', hint: '' });
    // Inherited object keys are not labels.
    expect(factFlagLabel('toString').label).toBe('to string');
  });
});
