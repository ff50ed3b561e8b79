// What a heading (or a bare heading line of an outline) is to the notes under it:
//  - 'term': it names a thing ("AWS Lambda", "Random Cut Forest"); what follows describes it;
//  - 'section': it groups things ("Activation functions", "Tuning Neural Networks", "Model
//    Training and Evaluation"); the terms inside are its items, and plain lines under it are
//    notes of the section, never a definition of the heading;
//  - 'label': a generic label ("Use Cases", "Key Concepts", "How it works") that files what
//    follows as an attribute of the enclosing term;
//  - 'question': a question ("What is a VPC?") whose content answers it.
import { isGenericLabel, words } from './heuristics.js';

export type HeadingRole = 'term' | 'section' | 'label' | 'question';

// Nouns that, as the last word of a heading, make it a collection rather than one thing.
export const COLLECTION_NOUNS = new Set(
  'services models features techniques methods metrics stores types algorithms approaches options considerations recommendations tips networks optimizers distributions concepts basics fundamentals tools operations solutions components notes practices strategies steps rules examples parameters hyperparameters settings properties characteristics patterns issues fixes errors challenges questions terms definitions formulas families categories levels layers phases stages modes principles classes topics sources destinations formats instances resources families products offerings capabilities limits limitations differences comparisons miscellaneous misc overview summary introduction storages nodes engines kinds varieties variants versions flavors flavours'.split(
    ' ',
  ),
);
const FUNCTION_WORD = /^(?:of|for|and|or|the|a|an|in|on|to|with|vs\.?|&)$/i;
const GROUP_WORDS = /\b(?:family|group|overview|summary|introduction|basics|fundamentals|misc(?:ellaneous)?|knowledge|others?)$/i;

// A word that makes a heading a name even when it ends in a plural: an acronym, a CamelCase
// word, a word with digits ("S3", "EC2"), or a word the notes use as a name elsewhere.
function nameToken(w: string): boolean {
  return /^[A-Z0-9]{2,}s?$/.test(w) || /[a-z][A-Z]/.test(w) || (/\d/.test(w) && /[A-Za-z]/.test(w));
}

export interface RoleEvidence {
  /** Term items (X - Y bullets, bold-term paragraphs, table rows) directly under the heading. */
  termItems: number;
  /** Plain items (bullets or paragraphs that do not name a term). */
  plainItems: number;
  /** Sub-headings before the next heading of the same or a higher level. */
  subHeadings: number;
  /** Known names from elsewhere in the notes (lexicon). */
  isKnownName?: (text: string) => boolean;
}

export function headingRole(text: string, ev: RoleEvidence = { termItems: 0, plainItems: 0, subHeadings: 0 }): HeadingRole {
  const t = text.trim().replace(/[:\s]+$/, '');
  if (/\?$/.test(t)) return 'question';
  if (isGenericLabel(t)) return 'label';
  const w = words(t.replace(/\([^()]*\)/g, ' '));
  if (!w.length) return 'section';
  const lower = w.map((x) => x.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''));
  const last = lower[lower.length - 1];
  const named = w.some(nameToken) || (ev.isKnownName?.(t) ?? false);
  // "Model Training and Evaluation", "Data Storage & Pre-processing": two topics joined.
  if (/\s(?:and|&)\s/i.test(t) && w.length >= 3 && !named) return 'section';
  if (w.length >= 6) return 'section';
  // "Tuning Neural Networks", "Handling unbalanced data", "Measuring Models".
  if (/^[A-Z]?[a-z]{3,}ing$/.test(w[0]) && (w.length >= 3 || COLLECTION_NOUNS.has(last) || /s$/.test(last)) && !nameToken(w[w.length - 1])) return 'section';
  if (GROUP_WORDS.test(t) && !(w.length === 1 && named)) return 'section';
  // "IOT related", "Security-related": about something, not the name of it.
  if (/[\s-]related$/i.test(t)) return 'section';
  // "Fixes for vanishing gradients", "Appropriate instances for deep learning", "Types of X".
  if (lower.some((x, i) => COLLECTION_NOUNS.has(x) && /^(?:for|of|in|to|on)$/.test(lower[i + 1] ?? ''))) return 'section';
  // A brand or an acronym does not make a collection one thing: "AWS Services", "ML instance
  // recommendations" still list several things.
  const collection = COLLECTION_NOUNS.has(last) && !(ev.isKnownName?.(t) ?? false);
  // A heading whose content is mostly terms of their own is the list they belong to.
  // A proper name in title case ("Kinesis Data Analytics", "Model Monitor") keeps its items as
  // its own features even when they read "X - Y"; a plural or sentence-case heading does not.
  const plural = /[^su]s$/i.test(last) && !/(?:ics|ss|us|is)$/i.test(last);
  const titleCase = w.every((x) => /^[\p{Lu}\p{N}]/u.test(x) || FUNCTION_WORD.test(x));
  const holdsTerms = ev.termItems >= 2 && ev.termItems >= ev.plainItems && (plural || !titleCase || w.length === 1 ? !named || plural : false);
  if (collection || holdsTerms) return 'section';
  if (ev.subHeadings >= 2 && ev.termItems + ev.plainItems === 0 && !named && w.length >= 2) return 'section';
  return 'term';
}
