// The group's memory across quiz nights: members (people as the server knows them, by the
// device keys their phones send), what each remembers of each fact (FSRS), tonight's review
// (which facts a new game should ask, and why), and the progress pages built from it.

/** A member as the host lists them (never their device keys). */
export interface MemberSummary {
  id: string;
  /** The study name, or the last nickname used. */
  name: string;
  studyName: string | null;
  nicknames: string[];
  devices: number;
  /** Facts with a memory state, over all decks. */
  facts: number;
  games: number;
  lastSeenAt: string;
}

/** Why a fact was picked for tonight, for the host's preview. */
export type PickReason =
  | { kind: 'due'; due: number; of: number }
  | { kind: 'missed'; times: number }
  | { kind: 'recall'; percent: number }
  | { kind: 'new' };

export interface ReviewPick {
  factId: string;
  term: string;
  fact: string;
  topic: string[];
  reasons: PickReason[];
  /** The reasons as one line: "due for 4 of 6 · missed twice". */
  why: string;
}

export interface TonightReview {
  /** The members the review is for. */
  members: { id: string; name: string }[];
  /** 'recent': those who played the deck's last games; 'chosen': the host's list. */
  membersFrom: 'recent' | 'chosen';
  seed: string;
  picks: ReviewPick[];
}

/** Group accuracy of one top-level topic on one night (one game). */
export interface TopicNight {
  gameId: string;
  date: string;
  asked: number;
  correct: number;
  accuracy: number;
}

export interface TopicProgress {
  topic: string;
  nights: TopicNight[];
  /** Facts of the topic in the deck now. */
  facts: number;
  /** Facts that the group has mastered: every member who met it holds it with stability
   *  above MASTERED_STABILITY_DAYS. */
  mastered: number;
}

export interface MissedFact {
  factId: string;
  term: string;
  fact: string;
  topic: string[];
  misses: number;
  /** Members who missed it at least once. */
  members: number;
  source: { file: string; line: number } | null;
}

export interface DeckProgress {
  deckId: string;
  deckName: string;
  /** Games of the deck whose answers count, oldest first. */
  nights: { gameId: string; code: string; date: string }[];
  topics: TopicProgress[];
  missed: MissedFact[];
  masteredStabilityDays: number;
}

export interface DueFact {
  factId: string;
  term: string;
  fact: string;
  topic: string[];
  due: string;
  /** Chance of recalling it now, 0–1. */
  recall: number;
  misses: number;
}

/** A member's own page: one section per deck they played. */
export interface MemberPage {
  member: { id: string; name: string; studyName: string | null; nicknames: string[] };
  decks: {
    deckId: string;
    deckName: string;
    due: DueFact[];
    /** Their own accuracy per top-level topic, night by night. */
    topics: { topic: string; nights: TopicNight[] }[];
  }[];
}

/** Stability (days) above which a fact counts as mastered. */
export const MASTERED_STABILITY_DAYS = 21;
/** Device keys: what the client makes (32 url-safe random characters) with some slack. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;
export const STUDY_NAME_MAX = 32;
