// P3 for pages written for a site or a notes app: front matter, callout box markers,
// navigation lines, badges and table-of-contents markers are the page's furniture, not
// knowledge. They are blanked before any layout parser runs (line numbers stay), each with a
// skip reason the host can read. A callout's own text stays: only its markers go.
import { yamlParser } from './optional-libs.js';
import type { SkipReason } from './types.js';

export interface FurnitureSink {
  skip(line: number, reason: SkipReason, text: string): void;
}

// Where a page's YAML (---) or TOML (+++) front matter ends, or -1 when it has none.
function frontMatterEnd(lines: string[]): number {
  const open = lines[0]?.trim();
  if (open !== '---' && open !== '+++') return -1;
  const limit = Math.min(lines.length, 80);
  for (let i = 1; i < limit; i++) {
    const t = lines[i].trim();
    if (t === open || (open === '---' && t === '...')) {
      if (i === 1) return i; // empty front matter
      const body = lines.slice(1, i).join('\n');
      if (open === '+++') return /^\s*[\w-]+\s*=/m.test(body) ? i : -1;
      try {
        const data = yamlParser().parse(body);
        // A markdown horizontal rule followed by prose also starts with "---": only a mapping
        // of keys (title, tags, date...) is front matter.
        return data !== null && typeof data === 'object' && !Array.isArray(data) ? i : -1;
      } catch {
        return -1;
      }
    }
  }
  return -1;
}

const CALLOUT_FENCE = /^\s*:{3,}\s*(?:[A-Za-z][\w-]*(?:\s+\S.*)?|\{[^}]*\}.*)?$/;
const OBSIDIAN_CALLOUT = /^(\s*>\s*)\[!([A-Za-z][\w-]*)\][+-]?\s*(.*)$/;

// Arrows and guillemets that navigation links are written with.
const NAV_START = /^(?:<-{1,2}|<=|←|⬅|«|‹|◀|⇐)/;
const NAV_END = /(?:-{1,2}>|=>|→|➡|»|›|▶|⇒)$/;
const BACK_TO_TOP = /\b(?:back|return|go|jump|scroll)\s+to\s+(?:the\s+)?top\b|\btop of (?:the )?page\b/i;

function linkFree(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?a\b[^>]*>/gi, ' ')
    .trim();
}

/** "<- Overview | Exam Guide ->", "« Previous · Next »", "[⬆ back to top](#top)", or a line
 * made only of links to other pages (a breadcrumb or a prev/next bar). */
export function isNavigation(raw: string): boolean {
  const t = raw.trim().replace(/^[-*+]\s+/, '');
  if (!t || /^<!--/.test(t)) return false;
  const plain = linkFree(t);
  const words = plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (BACK_TO_TOP.test(plain) && words.length <= 6) return true;
  const arrowed = NAV_START.test(plain) || NAV_END.test(plain);
  if (arrowed && (/[|·•]/.test(plain) || words.length <= 4)) return true;
  // "Related: [[Biochemistry]] · [[Genetics]]": a label and links to other pages only.
  if (/\[\[[^\]]+\]\]/.test(t) && !t.replace(/^[\w ]{1,20}:\s*/, '').replace(/\[\[[^\]]+\]\]/g, '').replace(/[\s,|·•]+/g, '')) return true;
  // Only links, joined by bars, dots or arrows: a page's prev/next bar or breadcrumb.
  const links = t.match(/\[[^\]]*\]\([^)\s]*(?:\.md|\.html?|\/|#[^)]*)\)/g) ?? [];
  if (links.length >= 2) {
    const rest = t.replace(/\[[^\]]*\]\([^)]*\)/g, '').replace(/[\s|·•>/:←→«»⬅➡-]+/gu, '');
    if (!rest) return true;
  }
  return false;
}

const BADGE_URL = /shields\.io|badgen\.net|badge\.fury|\/badge(?:s)?[/.?]|travis-ci|circleci\.com|codecov\.io|\/workflows\/[^)]*\/badge/i;

/** A line of status badges: only images (possibly linked), at least one of them a badge. */
export function isBadgeLine(raw: string): boolean {
  const t = raw.trim();
  if (!BADGE_URL.test(t)) return false;
  const rest = t.replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>/gi, '').trim();
  return rest === '' || /^[\s|·•]*$/.test(rest);
}

// GitBook / Jekyll block tags ("{% hint style=\"info\" %}", "{% endhint %}") open and close boxes.
const LIQUID_TAG = /^\s*\{%-?\s*[\w-]+(?:\s[^%]*)?-?%\}\s*$/;
// What a documentation site prints around every page.
const PAGE_FOOTER = /^(?:was this (?:page|article|section) helpful\??|last (?:updated|modified|edited)\b.{0,40}|edit (?:this page|on github)\b.*|on this page:?|suggest (?:an )?edits?|report an issue|(?:previous|next)(?: page)?:?)$/i;
// Notes-app metadata: "up:: [[Biology MOC]]", "Related:: [[A]], [[B]]", "#biology/cells #exam".
const APP_FIELD = /^\s*[\w-]{1,20}::\s/;
const TAG_LINE = /^\s*(?:#[\p{L}\p{N}_/-]+\s*)+$/u;

const TOC_MARKER = /^\s*(?:\[\[_?toc_?\]\]|\[toc\]|\$\{toc\}|<!--\s*(?:toc|tocstop|\/toc)\s*-->)\s*$/i;

// A callout title that names a thing: short, no sentence, not a generic caption.
function isNameTitle(title: string): boolean {
  const w = title.split(/\s+/);
  return w.length <= 5 && !/[?!]$/.test(title) && !/^(?:note|notes|tip|tips|warning|caution|important|info|remember|example|summary|danger|hint|todo|question|abstract|quote|success|failure|bug|see also|key points?)$/i.test(title);
}

/**
 * Blanks the furniture lines of a page and reports each one. Returns the lines with furniture
 * replaced by empty strings (so every other line keeps its number); callout text is kept.
 */
export function maskFurniture(lines: readonly string[], sink: FurnitureSink): string[] {
  const out = [...lines];
  const end = frontMatterEnd(out);
  for (let i = 0; i <= end; i++) {
    sink.skip(i + 1, 'front-matter', out[i]);
    out[i] = '';
  }
  for (let i = end + 1; i < out.length; i++) {
    const raw = out[i];
    if (!raw.trim()) continue;
    if (CALLOUT_FENCE.test(raw)) {
      sink.skip(i + 1, 'callout', raw);
      out[i] = '';
      continue;
    }
    const box = OBSIDIAN_CALLOUT.exec(raw);
    if (box) {
      // The box keeps its quote marker so the lines below stay one block. A title that names
      // a thing ("> [!tip] Tonicity") is what the box's text is about; a generic one
      // ("Remember", "Warning") is only a caption.
      sink.skip(i + 1, 'callout', raw);
      const title = box[3].trim().replace(/[:.]$/, '');
      out[i] = title && isNameTitle(title) ? `${box[1]}**${title}**:` : box[1].trimEnd();
      continue;
    }
    if (LIQUID_TAG.test(raw)) {
      sink.skip(i + 1, 'callout', raw);
      out[i] = '';
      continue;
    }
    if (PAGE_FOOTER.test(raw.trim()) || APP_FIELD.test(raw) || TAG_LINE.test(raw)) {
      sink.skip(i + 1, APP_FIELD.test(raw) || TAG_LINE.test(raw) ? 'front-matter' : 'navigation', raw);
      out[i] = '';
      continue;
    }
    if (TOC_MARKER.test(raw)) {
      sink.skip(i + 1, 'toc', raw);
      out[i] = '';
      continue;
    }
    if (isBadgeLine(raw)) {
      sink.skip(i + 1, 'badge', raw);
      out[i] = '';
      continue;
    }
    if (isNavigation(raw)) {
      sink.skip(i + 1, 'navigation', raw);
      out[i] = '';
    }
  }
  return out;
}
