// How one counted answer becomes an FSRS review. The answer's speed says how sure the player
// was: a right answer in the first quarter of the time was easy, one in the last quarter was
// hard, anything else in between is a plain good recall. A wrong answer, or none at all from a
// player who was there, is a lapse (Again).
import { Rating, type Grade } from 'ts-fsrs';

export type CountedStatus = 'correct' | 'wrong' | 'no-answer';

export function ratingFor(status: CountedStatus, elapsedMs: number | null, secondsPerQuestion: number): Grade {
  if (status !== 'correct') return Rating.Again;
  const limitMs = secondsPerQuestion * 1000;
  const taken = elapsedMs ?? limitMs;
  if (taken < limitMs / 4) return Rating.Easy;
  if (taken >= (limitMs * 3) / 4) return Rating.Hard;
  return Rating.Good;
}
