// 000 style: a GitHub-rendered markdown page copied as text. Heading markers are gone, lists
// use "•" glyphs indented two spaces per level, and the page chrome ("Skip to content",
// "610 lines (535 loc) · 18.8 KB") sits on top. Headings nest only by prefix (S2):
// "Glue" > "Glue Data Catalog"; everything else is flat, as the page lost its levels.
import type { Env } from './list-facts.js';
import { parseOutline } from './outline-engine.js';
import type { ParserResult } from './topic-trail.js';

export function parseBullets(lines: string[], env: Env): ParserResult {
  return parseOutline(lines, env, { sections: 'prefix' });
}
