// Zod schemas for everything a client sends (socket payloads and the REST create-game body).
// Types are not validation: the edge parses every payload with these before anything runs.
// Objects are strict (unknown keys are an error) and every string and number is bounded,
// so a hostile client cannot make the server allocate or loop on its behalf.
import { z } from 'zod';
import { fail, type AckFail } from './errors.js';
import {
  DISPLAY_MODES,
  GAME_RULES,
  isAutoAdvanceSeconds,
  QUESTION_KINDS,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  SCORING_MODES,
  TEAM_RULES,
  type GameSettings,
} from './game-types.js';
import { DEVICE_KEY_PATTERN, STUDY_NAME_MAX } from './memory-types.js';
import type { ClientEvent, ClientPayload } from './protocol.js';

// ---- nicknames -----------------------------------------------------------------------

/** Longest raw input we even look at; NFKC can expand text, so this bounds the work. */
const NICKNAME_RAW_MAX = 200;
/** Bound on UTF-16 length after normalising: 8 units per grapheme fits 20 ZWJ emoji
 *  such as 👩‍👩‍👧, while a name still cannot grow into a wall of combined characters. */
const NICKNAME_UNITS_MAX = 160;

// Control, private-use and lone-surrogate characters, line/paragraph separators, bidi
// overrides (they can flip the text around a name), and invisible fillers that make a name
// look empty or identical to another one. ZWJ (U+200D) stays: emoji sequences need it.
const FORBIDDEN =
  /[\p{Cc}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Four or more stacked marks in a row ("Zalgo" text) are decoration, not a name. */
const MARK_PILE = /\p{M}{4,}/u;
const VISIBLE = /[^\p{M}\p{Z}]/u;

let graphemes: { segment(input: string): Iterable<unknown> } | null | undefined;

/** Counts user-perceived characters: "👩‍👩‍👧" or "é" (e + accent) count as one. */
export function countGraphemes(text: string): number {
  if (graphemes === undefined) {
    // Created lazily, and optional: a few older browsers lack Intl.Segmenter.
    graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!graphemes) return Array.from(text).length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; reason: string };

export function normalizeNickname(raw: string): NicknameCheck {
  if (raw.length > NICKNAME_RAW_MAX) return { ok: false, reason: 'too long' };
  // NFKC folds full-width and styled letters ("ｂｏｂ", "𝐛𝐨𝐛") and odd spaces into plain ones.
  const text = raw.normalize('NFKC').trim().replace(/\p{Zs}+/gu, ' ');
  if (FORBIDDEN.test(text)) return { ok: false, reason: 'control or invisible character' };
  if (MARK_PILE.test(text)) return { ok: false, reason: 'too many stacked accents' };
  if (!VISIBLE.test(text)) return { ok: false, reason: 'empty' };
  if (text.length > NICKNAME_UNITS_MAX || countGraphemes(text) > GAME_RULES.nicknameMaxChars) {
    return { ok: false, reason: 'too long' };
  }
  return { ok: true, nickname: text };
}

export const nicknameSchema = z
  .string()
  .max(NICKNAME_RAW_MAX)
  .transform((raw, ctx) => {
    const result = normalizeNickname(raw);
    if (result.ok) return result.nickname;
    ctx.addIssue({ code: 'custom', message: `nickname: ${result.reason}`, input: raw });
    return z.NEVER;
  });

// ---- identifiers -----------------------------------------------------------------------

const CODE_CHARS = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Accepts "abc 234" or "ABC-234" as typed on a phone; yields the canonical "ABC234". */
export const roomCodeSchema = z
  .string()
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(CODE_CHARS, 'invalid room code'));

/** Server-made ids (nanoid and similar): url-safe characters only. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid id');
/** Secrets are long enough not to be guessed and short enough not to be a payload bomb. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'invalid token');

// ---- members (the group's memory) ------------------------------------------------------

/** The random key a phone keeps for this server; only its hash is stored. */
export const deviceKeySchema = z.string().regex(DEVICE_KEY_PATTERN, 'invalid device key');

/** "Ann's biology": letters, digits, spaces and a few marks; compared case- and width-blind. */
export const studyNameSchema = z
  .string()
  .max(200)
  .transform((s) => s.normalize('NFKC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(3, 'study name: at least 3 characters')
      .max(STUDY_NAME_MAX, `study name: at most ${STUDY_NAME_MAX} characters`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} .'_-]*$/u, 'study name: letters, digits, spaces'),
  );

/** What a join matches study names on. */
export function studyNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
export const questionIdSchema = z.string().min(1).max(128);
export const optionIndexSchema = z.int().min(0).max(GAME_RULES.optionsMax - 1);
export const autoAdvanceSecondsSchema = z
  .int()
  .refine(isAutoAdvanceSeconds, `0 (off) or a whole number of seconds from ${GAME_RULES.autoAdvanceMin} to ${GAME_RULES.autoAdvanceMax}`);

// ---- socket payloads ---------------------------------------------------------------------

const empty = z.strictObject({});

export const inboundSchemas = {
  'room:check': z.strictObject({ code: roomCodeSchema }),
  'room:join': z.strictObject({
    code: roomCodeSchema,
    nickname: nicknameSchema,
    deviceKey: deviceKeySchema.optional(),
    studyName: studyNameSchema.optional(),
  }),
  'room:resume': z.strictObject({ token: tokenSchema }),
  'nickname:suggest': z.strictObject({ code: roomCodeSchema }),
  'answer:submit': z.strictObject({ questionId: questionIdSchema, optionIndex: optionIndexSchema }),
  'host:attach': z.strictObject({ gameId: idSchema, hostToken: tokenSchema }),
  'game:start': empty,
  'game:next': empty,
  'game:skip': empty,
  'game:pause': empty,
  'game:resume': empty,
  'game:end': empty,
  'player:kick': z.strictObject({ playerId: idSchema }),
  'room:lock': z.strictObject({ locked: z.boolean() }),
  'game:autoAdvance': z.strictObject({ seconds: autoAdvanceSecondsSchema }),
  'team:move': z.strictObject({ playerId: idSchema, team: z.int().min(0).max(TEAM_RULES.teamsMax - 1) }),
} satisfies { [E in ClientEvent]: z.ZodType<ClientPayload<E>> };

export type ParseResult<T> = { ok: true; data: T } | AckFail;

/**
 * Parses one inbound payload. A bad nickname gets its own code so the join form can say
 * what is wrong; everything else is BAD_PAYLOAD (no echo of the offending input).
 */
export function parseInbound<E extends ClientEvent>(event: E, payload: unknown): ParseResult<ClientPayload<E>> {
  // hasOwn: the event name comes off the wire and must not reach Object.prototype.
  if (!Object.hasOwn(inboundSchemas, event)) return fail('BAD_PAYLOAD', 'Unknown event.');
  const schema = inboundSchemas[event] as unknown as z.ZodType<ClientPayload<E>>;
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data };
  const nicknameIssue = parsed.error.issues.some((issue) => issue.path[0] === 'nickname');
  if (nicknameIssue) return fail('NICKNAME_INVALID');
  // The one field a player types besides the nickname: say what is wrong with it.
  const studyIssue = parsed.error.issues.find((issue) => issue.path[0] === 'studyName');
  return studyIssue ? fail('BAD_PAYLOAD', studyIssue.message) : fail('BAD_PAYLOAD');
}

// ---- REST: create a game ----------------------------------------------------------------------

const topicSegment = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/\p{Cc}/u.test(s), 'control character');

export const createGameSchema = z.strictObject({
  deckId: idSchema,
  topics: z.array(z.array(topicSegment).min(1).max(12)).max(200).default([]),
  questionCount: z
    .int()
    .min(GAME_RULES.questionCountMin)
    .max(GAME_RULES.questionCountMax)
    .default(GAME_RULES.questionCountDefault),
  secondsPerQuestion: z
    .int()
    .min(GAME_RULES.secondsMin)
    .max(GAME_RULES.secondsMax)
    .default(GAME_RULES.secondsDefault),
  kinds: z
    .array(z.enum(QUESTION_KINDS))
    .min(1)
    .max(QUESTION_KINDS.length * 2)
    .transform((kinds) => [...new Set(kinds)])
    .default(() => [...QUESTION_KINDS]),
  scoring: z.enum(SCORING_MODES).default('speed'),
  display: z.enum(DISPLAY_MODES).default('devices'),
  allowLateJoin: z.boolean().default(true),
  // Up to playerCapMaxShared here; a single process refuses more than playerCapMax (routes.ts).
  playerCap: z.int().min(1).max(GAME_RULES.playerCapMaxShared).default(GAME_RULES.playerCapDefault),
  autoAdvanceSeconds: autoAdvanceSecondsSchema.default(0),
  teams: z
    .discriminatedUnion('by', [
      z.strictObject({ by: z.literal('count'), count: z.int().min(TEAM_RULES.countMin).max(TEAM_RULES.countMax) }),
      z.strictObject({ by: z.literal('size'), size: z.int().min(TEAM_RULES.sizeMin).max(TEAM_RULES.sizeMax) }),
    ])
    .optional(),
  teamTalkSeconds: z.int().min(0).max(TEAM_RULES.talkSecondsMax).optional(),
})
  .refine((g) => g.teams || !g.teamTalkSeconds, { message: 'team talk needs team play', path: ['teamTalkSeconds'] }) satisfies z.ZodType<GameSettings>;

export type CreateGameBody = z.input<typeof createGameSchema>;

// ---- REST: the group's memory ------------------------------------------------------------

/** Tonight's review: for whom, and how much of it goes to facts nobody was asked yet. */
export const reviewOptionsSchema = z.strictObject({
  /** The expected members; absent: those who played the deck's last games. */
  members: z.array(idSchema).min(1).max(200).optional(),
  /** Share of the questions for facts none of them was asked (0–1). */
  newShare: z.number().min(0).max(1).default(0.2),
  seed: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});

/** POST /api/games: the game's settings, and optionally tonight's review to pick its questions. */
export const createGameBodySchema = createGameSchema.extend({ review: reviewOptionsSchema.optional() });

export const mergeMembersSchema = z.strictObject({ from: idSchema, into: idSchema }).refine((v) => v.from !== v.into, {
  message: 'from and into must be two members',
});
