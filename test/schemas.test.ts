import { nicknameKey } from '../server/game/nickname-key.js';
import { describe, expect, it } from 'vitest';
import { GAME_RULES, QUESTION_KINDS } from '../shared/game-types.js';
import type { ClientEvent } from '../shared/protocol.js';
import {
  countGraphemes,
  createGameSchema,
  inboundSchemas,
  normalizeNickname,
  parseInbound,
} from '../shared/schemas.js';

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error!.code);
const TOKEN = 'V1StGXR8_Z5jdHi6B-myT';

describe('every inbound payload', () => {
  const events = Object.keys(inboundSchemas) as ClientEvent[];

  it.each(events)('%s rejects non-objects and unknown keys', (event) => {
    for (const bad of [undefined, null, 'x', 42, [], [{}], { __proto__: null, extra: 1 }]) {
      expect(code(parseInbound(event, bad))).toMatch(/BAD_PAYLOAD|NICKNAME_INVALID/);
    }
  });

  it('rejects event names that are not ours, including prototype keys', () => {
    for (const name of ['room:explode', '__proto__', 'toString', 'constructor']) {
      expect(code(parseInbound(name as ClientEvent, {}))).toBe('BAD_PAYLOAD');
    }
  });

  it('accepts the empty host commands only as {}', () => {
    expect(parseInbound('game:start', {})).toEqual({ ok: true, data: {} });
    expect(code(parseInbound('game:next', { force: true }))).toBe('BAD_PAYLOAD');
  });
});

describe('room:join', () => {
  it('normalises the code and the nickname', () => {
    expect(parseInbound('room:join', { code: 'abc-234', nickname: '  Ｂｏｂ  ' })).toEqual({
      ok: true,
      data: { code: 'ABC234', nickname: 'Bob' },
    });
  });

  it('rejects wrong types and missing fields', () => {
    expect(code(parseInbound('room:join', { code: 'ABC234' }))).toBe('NICKNAME_INVALID');
    expect(code(parseInbound('room:join', { nickname: 'Bob' }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('room:join', { code: 123456, nickname: 'Bob' }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('room:join', { code: 'ABC234', nickname: ['Bob'] }))).toBe('NICKNAME_INVALID');
    expect(code(parseInbound('room:join', { code: 'ABC23', nickname: 'Bob' }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('room:join', { code: 'ABC230', nickname: 'Bob' }))).toBe('BAD_PAYLOAD'); // no 0
  });

  it('says what is wrong with a study name, and only that', () => {
    const short = parseInbound('room:join', { code: 'ABC234', nickname: 'Bob', studyName: 'x' });
    expect(short).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message: 'study name: at least 3 characters' } });
    const marks = parseInbound('room:join', { code: 'ABC234', nickname: 'Bob', studyName: '<script>' });
    expect(marks.ok === false && marks.error.message).toBe('study name: letters, digits, spaces');
    // Another field's problem keeps the plain message.
    const bad = parseInbound('room:join', { code: 'ABC23', nickname: 'Bob', studyName: 'Ana biology' });
    expect(bad.ok === false && bad.error.message.startsWith('study name')).toBe(false);
    expect(parseInbound('room:join', { code: 'ABC234', nickname: 'Bob', studyName: '  Ana   biology ' })).toMatchObject({ ok: true, data: { studyName: 'Ana biology' } });
  });

  it('rejects huge strings without working through them', () => {
    const huge = 'x'.repeat(1_000_000);
    const started = performance.now();
    expect(code(parseInbound('room:join', { code: 'ABC234', nickname: huge }))).toBe('NICKNAME_INVALID');
    expect(code(parseInbound('room:join', { code: huge, nickname: 'Bob' }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('answer:submit', { questionId: huge, optionIndex: 0 }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('room:resume', { token: huge }))).toBe('BAD_PAYLOAD');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('nicknames', () => {
  const ok = (raw: string) => {
    const r = normalizeNickname(raw);
    return r.ok ? r.nickname : null;
  };

  it('trims, applies NFKC and collapses spaces', () => {
    expect(ok('  Ann  ')).toBe('Ann');
    expect(ok('\uFEFFAnn\n')).toBe('Ann'); // a pasted BOM or newline at the edges is just trimmed
    expect(ok('𝐁𝐨𝐛')).toBe('Bob'); // mathematical bold letters
    expect(ok('ﬁona')).toBe('fiona'); // ligature
    expect(ok('Cy\u00a0\u3000 Lee')).toBe('Cy Lee'); // no-break and ideographic spaces
    expect(ok('Jose\u0301')).toBe('José'); // composed
  });

  it('counts user-perceived characters', () => {
    const family = '👩‍👩‍👧';
    expect(countGraphemes(family)).toBe(1);
    expect(ok(family.repeat(20))).toBe(family.repeat(20));
    expect(ok(family.repeat(21))).toBeNull();
    expect(ok('e\u0301'.repeat(20))).not.toBeNull();
    expect(ok('a'.repeat(GAME_RULES.nicknameMaxChars))).not.toBeNull();
    expect(ok('a'.repeat(GAME_RULES.nicknameMaxChars + 1))).toBeNull();
  });

  it('rejects control, invisible and direction-changing characters', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\tb', 'a\u0007', 'evil\u202Egnp', 'a\u200Bb', '\u3164', 'a\uFEFFb', '\uE000x']) {
      expect(ok(bad)).toBeNull();
    }
  });

  it('rejects empty, blank and accent-pile names', () => {
    for (const bad of ['', '   ', '\u00a0\u00a0', '\u0301', 'Z\u0351\u0358\u0352\u035b\u0350']) expect(ok(bad)).toBeNull();
  });

  it('folds case for uniqueness', () => {
    expect(nicknameKey('ANN')).toBe(nicknameKey('ann'));
    // Look-alikes and invisible characters: the same name to anyone reading the lobby.
    for (const twin of ['\u0410nna', '\u0391nna', 'A\u200Dnna', 'An\u00ADna', 'Ann\uFE0Fa', 'Anna\u{E0041}', 'Ａnna']) {
      expect(nicknameKey(twin), JSON.stringify(twin)).toBe(nicknameKey('Anna'));
    }
    expect(nicknameKey('Anna')).not.toBe(nicknameKey('Anne'));
    expect(nicknameKey('Straße')).toBe(nicknameKey('STRASSE'));
    expect(nicknameKey('Ａnn')).toBe(nicknameKey('ann'));
  });
});

describe('answer:submit', () => {
  it('takes an integer option index within the option limit', () => {
    expect(parseInbound('answer:submit', { questionId: 'q1', optionIndex: 0 }).ok).toBe(true);
    expect(parseInbound('answer:submit', { questionId: 'q1', optionIndex: GAME_RULES.optionsMax - 1 }).ok).toBe(true);
    for (const optionIndex of [-1, GAME_RULES.optionsMax, 1.5, '1', null, Number.NaN, Infinity]) {
      expect(code(parseInbound('answer:submit', { questionId: 'q1', optionIndex }))).toBe('BAD_PAYLOAD');
    }
    expect(code(parseInbound('answer:submit', { questionId: '', optionIndex: 0 }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('answer:submit', { optionIndex: 0 }))).toBe('BAD_PAYLOAD');
  });
});

describe('host and session payloads', () => {
  it('checks ids and tokens', () => {
    expect(parseInbound('host:attach', { gameId: 'g_1', hostToken: TOKEN }).ok).toBe(true);
    expect(code(parseInbound('host:attach', { gameId: 'g 1', hostToken: TOKEN }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('host:attach', { gameId: 'g1', hostToken: 'short' }))).toBe('BAD_PAYLOAD');
    expect(parseInbound('room:resume', { token: TOKEN }).ok).toBe(true);
    expect(code(parseInbound('player:kick', { playerId: '../p1' }))).toBe('BAD_PAYLOAD');
    expect(parseInbound('room:lock', { locked: false })).toEqual({ ok: true, data: { locked: false } });
    expect(code(parseInbound('room:lock', { locked: 'yes' }))).toBe('BAD_PAYLOAD');
  });
});

describe('create-game body', () => {
  it('fills in the defaults', () => {
    expect(createGameSchema.parse({ deckId: 'deck1' })).toEqual({
      deckId: 'deck1',
      topics: [],
      questionCount: 10,
      secondsPerQuestion: 20,
      kinds: [...QUESTION_KINDS],
      scoring: 'speed',
      display: 'devices',
      allowLateJoin: true,
      playerCap: 500,
      autoAdvanceSeconds: 0,
    });
  });

  it('keeps values in range and kinds unique', () => {
    const body = createGameSchema.parse({
      deckId: 'deck1',
      topics: [['Storage', 'S3']],
      kinds: ['true-false', 'true-false'],
      secondsPerQuestion: 5,
      scoring: 'accuracy',
    });
    expect(body.kinds).toEqual(['true-false']);
    expect(body.topics).toEqual([['Storage', 'S3']]);
    const bad = [
      { secondsPerQuestion: 4 },
      { secondsPerQuestion: 121 },
      { secondsPerQuestion: 20.5 },
      { questionCount: 0 },
      // The schema's ceiling is the shared one; a single process refuses above playerCapMax.
      { playerCap: GAME_RULES.playerCapMaxShared + 1 },
      { kinds: [] },
      { kinds: ['essay'] },
      { scoring: 'fastest' },
      { topics: [[]] },
      { topics: [['a\u0000b']] },
      { topics: [['x'.repeat(201)]] },
      { allowLateJoin: 'true' },
      { hostToken: 'sneaky' },
    ];
    for (const extra of bad) expect(createGameSchema.safeParse({ deckId: 'deck1', ...extra }).success).toBe(false);
    expect(createGameSchema.safeParse({}).success).toBe(false);
  });
});

describe('auto-advance', () => {
  const BAD: unknown[] = [-1, 1, 2, 61, 1e9, 2.5, Number.NaN, '8', true, null, [8], { seconds: 8 }];

  it('takes 0 (off) or whole seconds from 3 to 60 when a game is created', () => {
    for (const seconds of [0, 3, 8, 60]) {
      expect(createGameSchema.parse({ deckId: 'deck1', autoAdvanceSeconds: seconds }).autoAdvanceSeconds).toBe(seconds);
    }
    for (const seconds of BAD) {
      const parsed = createGameSchema.safeParse({ deckId: 'deck1', autoAdvanceSeconds: seconds });
      expect(parsed.success, JSON.stringify(seconds)).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['autoAdvanceSeconds']);
    }
    // A value that is a number but out of range says what is allowed.
    const message = createGameSchema.safeParse({ deckId: 'deck1', autoAdvanceSeconds: 90 }).error!.issues[0]!.message;
    expect(message).toBe('0 (off) or a whole number of seconds from 3 to 60');
  });

  it('takes the same values from the host during the game, as { seconds }', () => {
    expect(parseInbound('game:autoAdvance', { seconds: 12 })).toEqual({ ok: true, data: { seconds: 12 } });
    expect(parseInbound('game:autoAdvance', { seconds: 0 })).toEqual({ ok: true, data: { seconds: 0 } });
    for (const seconds of BAD) expect(code(parseInbound('game:autoAdvance', { seconds })), JSON.stringify(seconds)).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('game:autoAdvance', {}))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('game:autoAdvance', { seconds: 8, when: 'now' }))).toBe('BAD_PAYLOAD');
    expect(code(parseInbound('game:autoAdvance', undefined))).toBe('BAD_PAYLOAD');
  });
});
