// Libraries that only some notes need: an HTML parser for notes holding inline HTML, a YAML
// parser for front matter, a CSV parser for flashcard and CSV exports. Loaded together they
// were a quarter of the import thread's start, which an import right after a deck is created
// waits for, while a plain markdown file needs none of them. So each is loaded on first use
// (synchronously: the parsers that call them are synchronous).
import { createRequire } from 'node:module';
import type * as FromHtml from 'hast-util-from-html';
import type * as ToText from 'hast-util-to-text';
import type Papa from 'papaparse';
import type * as Yaml from 'yaml';

const load = createRequire(import.meta.url);

let html: { fromHtml: typeof FromHtml.fromHtml; toText: typeof ToText.toText } | undefined;
let yaml: typeof Yaml | undefined;
let csv: typeof Papa | undefined;

/** hast-util-from-html and hast-util-to-text. */
export function htmlParser(): NonNullable<typeof html> {
  if (!html) {
    const { fromHtml } = load('hast-util-from-html') as typeof FromHtml;
    const { toText } = load('hast-util-to-text') as typeof ToText;
    html = { fromHtml, toText };
  }
  return html;
}

/** The `yaml` package. */
export function yamlParser(): typeof Yaml {
  return (yaml ??= load('yaml') as typeof Yaml);
}

/** papaparse. */
export function csvParser(): typeof Papa {
  return (csv ??= load('papaparse') as typeof Papa);
}
