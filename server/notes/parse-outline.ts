// 004 style: a plain cheat sheet. Bare heading lines, "- " bullets all at column 0, numbered
// examples and free paragraphs. A heading directly followed by another heading is a section
// ("Sagemaker Algos" > "XGBoost"), which is the only hierarchy such notes keep.
import type { Env } from './list-facts.js';
import { parseOutline as parseLines } from './outline-engine.js';
import type { ParserResult } from './topic-trail.js';

export function parsePlainOutline(lines: string[], env: Env): ParserResult {
  return parseLines(lines, env, { sections: 'runs' });
}
