// Tonight's review: which facts a new game asks, given what the expected members remember.
// Pure and seeded (the same inputs and seed give the same picks), so the host's preview and
// the game made from it agree. A fact the members met is worth asking when it is due for many
// of them, when they are unlikely to recall it now, and when it was missed before; a share of
// the game goes to facts none of them was ever asked, so the whole deck gets covered.
import type { PickReason, ReviewPick } from '../../shared/memory-types.js';
import { Rng } from '../questions/seeded.js';

export interface Candidate {
  factId: string;
  term: string;
  fact: string;
  topic: string[];
}

/** What the expected members hold of one fact (only members who met it). */
export interface FactStat {
  /** Members with a memory of it. */
  seen: number;
  /** Of those, members for whom it is due now. */
  due: number;
  /** Their mean chance of recalling it now, 0–1. */
  recall: number;
  /** Answers rated Again, all of them together. */
  misses: number;
}

export interface SelectOptions {
  /** How many expected members (the "of 6" in "due for 4 of 6"). */
  members: number;
  /** Share of the picks for facts none of them met (0–1). */
  newShare: number;
  /** The game's size: the share applies to the first `count` picks. */
  count: number;
  seed: string;
}

/** How much asking a met fact tonight is worth. */
export function urgency(s: FactStat): number {
  return s.due / Math.max(1, s.seen) + (1 - s.recall) + 0.25 * Math.min(s.misses, 4);
}

/** A candidate in tonight's order, with what the members hold of it (null: none met it). */
export interface Ranked {
  c: Candidate;
  s: FactStat | null;
}

/** Every candidate in the order it should be asked, each with its reasons. */
export function rankTonight(candidates: readonly Candidate[], stats: ReadonlyMap<string, FactStat>, opts: SelectOptions): ReviewPick[] {
  return orderTonight(candidates, stats, opts).map((r) => toPick(r, opts.members));
}

/** The pick the host's preview shows for one ranked fact. */
export function toPick(r: Ranked, members: number): ReviewPick {
  return pick(r.c, r.s ? reasonsFor(r.s, members) : [{ kind: 'new' }]);
}

/**
 * Every candidate in the order it should be asked: the first `count` follow the new-fact
 * share (as far as there are facts of each sort); the rest, for when some facts cannot make a
 * question, continue with the most urgent met facts, then new ones. Reasons are left to
 * toPick, for the few facts a preview shows.
 */
export function orderTonight(candidates: readonly Candidate[], stats: ReadonlyMap<string, FactStat>, opts: SelectOptions): Ranked[] {
  const rng = new Rng(opts.seed, 'tonight');
  const met: { c: Candidate; s: FactStat; score: number; jitter: number }[] = [];
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    const s = stats.get(c.factId);
    if (s && s.seen > 0) met.push({ c, s, score: urgency(s), jitter: rng.unit() });
    else fresh.push(c);
  }
  met.sort((a, b) => b.score - a.score || a.jitter - b.jitter);
  const shuffled = rng.shuffle(fresh);
  const wantNew = Math.min(shuffled.length, Math.round(opts.count * opts.newShare));
  const wantMet = Math.min(met.length, Math.max(0, opts.count - wantNew));
  // Whatever one sort lacks, the other fills.
  const newFirst = Math.min(shuffled.length, Math.max(wantNew, opts.count - wantMet));
  const metPicks: Ranked[] = met.map((m) => ({ c: m.c, s: m.s }));
  const newPicks: Ranked[] = shuffled.map((c) => ({ c, s: null }));
  return [...metPicks.slice(0, wantMet), ...newPicks.slice(0, newFirst), ...metPicks.slice(wantMet), ...newPicks.slice(newFirst)];
}

export function reasonsFor(s: FactStat, members: number): PickReason[] {
  const reasons: PickReason[] = [];
  if (s.due > 0) reasons.push({ kind: 'due', due: s.due, of: members });
  if (s.misses > 0) reasons.push({ kind: 'missed', times: s.misses });
  if (reasons.length === 0 || s.recall < 0.8) reasons.push({ kind: 'recall', percent: Math.round(s.recall * 100) });
  return reasons;
}

const TIMES = ['never', 'once', 'twice'];

export function describeReason(r: PickReason): string {
  switch (r.kind) {
    case 'due':
      return `due for ${r.due} of ${r.of}`;
    case 'missed':
      return `missed ${TIMES[r.times] ?? `${r.times} times`}`;
    case 'recall':
      return `recall ${r.percent}%`;
    case 'new':
      return 'new to the group';
  }
}

function pick(c: Candidate, reasons: PickReason[]): ReviewPick {
  return { ...c, topic: c.topic.slice(), reasons, why: reasons.map(describeReason).join(' · ') };
}
