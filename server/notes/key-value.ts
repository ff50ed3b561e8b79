// "Zeppelin notebooks with Spark. Port=8890", "Ethanol, the alcohol in drinks. bp=78 °C",
// "YARN NodeManager Port=8042 YARN ResourceManager Port=8088": a named thing followed by a
// setting written as Key=Value. The name is the term, the key its attribute and the value the
// fact, so the setting can be asked about ("Which port does Zeppelin use?") instead of staying
// inside one blob. What the line says between the name and the setting is a fact of its own.

export interface KeyValue {
  term: string;
  key: string;
  value: string;
  /** The words between the name and the setting ("the alcohol in drinks"), if any. */
  about?: string;
}

export interface KeyValueSplit {
  /** Text before the first setting that is not part of a name ("Interacts with YARN+HDFS"). */
  lead: string;
  pairs: KeyValue[];
}

// Settings written as "Name Port=8042" several times on one line.
const KEYS = 'port|ports|version|default|timeout|limit|retention|region|ttl';
const PAIR = new RegExp(`(?:^|\\s)((?:[A-Z][\\w+-]*\\s+)?[A-Z][\\w+-]*)\\s+(${KEYS})\\s*[=:]\\s*([\\w./-]+)(?=$|[\\s.,;])`, 'gi');
// One setting closing a sentence: "<name, description>. Key=Value".
const TRAILING = /^(.{2,80}?)[.;]\s+([A-Za-z][\w-]{0,15})\s*=\s*([^=]{1,30})$/;
const NAME_END = /,|\s\(|\s[-–—]\s|\s(?:for|with|to|of|in|on|that|which|the|a|an|used|is|are)\s/;

/** The name a description starts with: "SSH for encrypted shells" -> "SSH". */
export function leadingName(lead: string): { name: string; about: string } | null {
  const t = lead.trim();
  const m = NAME_END.exec(t);
  const name = (m ? t.slice(0, m.index) : t).trim();
  // An aside in parentheses ("DNS lookups (UDP; TCP for zone transfers)") is no description.
  const aside = !!m && m[0] === ' (';
  const about = aside ? '' : (m ? t.slice(m.index) : '').replace(/^[\s,(–—-]+/, '').replace(/\)$/, '').trim();
  const words = name.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6 || !/^[\p{Lu}\p{N}]/u.test(name)) return null;
  return { name, about };
}

export function splitKeyValues(text: string): KeyValueSplit | null {
  if (!/[=:]/.test(text)) return null; // most lines hold no setting at all
  const trailing = TRAILING.exec(text.trim());
  if (trailing && !/=/.test(trailing[1])) {
    const lead = leadingName(trailing[1]);
    if (lead) {
      const key = trailing[2][0].toUpperCase() === trailing[2][0] || trailing[2].length > 3 ? capitalise(trailing[2]) : trailing[2];
      const pair: KeyValue = { term: lead.name, key, value: trailing[3].trim() };
      if (lead.about.split(/\s+/).length >= 2) pair.about = lead.about;
      return { lead: '', pairs: [pair] };
    }
  }
  const pairs: KeyValue[] = [];
  let lead = '';
  let at = 0;
  for (const m of text.matchAll(PAIR)) {
    if (!pairs.length) lead = text.slice(0, m.index!).trim().replace(/[.,;:]\s*$/, '');
    else if (text.slice(at, m.index!).trim()) return null;
    pairs.push({ term: m[1].trim(), key: capitalise(m[2].toLowerCase()), value: m[3] });
    at = m.index! + m[0].length;
  }
  if (!pairs.length || text.slice(at).trim().replace(/^[.;,]/, '').trim()) return null;
  return { lead, pairs };
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
