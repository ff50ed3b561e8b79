// Nickname policy beyond shape (shared/schemas.ts already normalised the text): the
// profanity filter and friendly suggestions. Uniqueness is the reducer's job, because only
// it knows who is in the room at the moment the join is processed.
import crypto from 'node:crypto';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { GAME_RULES } from '../../shared/game-types.js';
import { countGraphemes } from '../../shared/schemas.js';
import { nicknameKey } from '../game/nickname-key.js';
import { ADJECTIVES, ANIMALS } from './nickname-words.js';

export interface NicknamePolicy {
  isProfane(nickname: string): boolean;
  /** A random "Adjective Animal" that `taken` rejects no key of. */
  suggest(taken: (key: string) => boolean): string;
}

export function createNicknamePolicy(random: (n: number) => number = crypto.randomInt): NicknamePolicy {
  // Built once per app: compiling the dataset's patterns takes a few milliseconds.
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const pick = (words: readonly string[]) => words[random(words.length)];
  const isProfane = (nickname: string) => matcher.hasMatch(nickname);

  return {
    isProfane,
    suggest(taken) {
      const fits = (name: string) =>
        countGraphemes(name) <= GAME_RULES.nicknameMaxChars && !taken(nicknameKey(name)) && !isProfane(name);
      // 2,500 pairs: in a room of a few dozen players a random pick is almost always free.
      for (let attempt = 0; attempt < 40; attempt++) {
        const name = `${pick(ADJECTIVES)} ${pick(ANIMALS)}`;
        if (fits(name)) return name;
      }
      // Crowded room: a number makes the pair unique without making it unfriendly.
      for (let attempt = 0; attempt < 1000; attempt++) {
        const name = `${pick(ANIMALS)} ${2 + random(9998)}`;
        if (fits(name)) return name;
      }
      return `Player ${crypto.randomBytes(4).toString('hex')}`;
    },
  };
}
