// When two nicknames are "the same" in a room: equal once case is folded, invisible characters
// are dropped (zero-width joiners, soft hyphens, variation selectors, tag characters) and
// look-alike letters are mapped to their Latin skeleton (Cyrillic "А", Greek "Α" → "A").
// Eleven players called "Anna" that nobody can tell apart are one Anna and ten refusals.
import { remove as latinSkeleton } from 'confusables';

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

export function nicknameKey(nickname: string): string {
  // Case first (upper-then-lower also folds ß/SS and final sigma), then the skeleton, whose
  // output may be in either case.
  const folded = nickname.normalize('NFKC').replace(INVISIBLE, '').toUpperCase().toLowerCase();
  return latinSkeleton(folded).toLowerCase();
}
