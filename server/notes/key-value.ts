// "Zeppelin notebooks with Spark. Port=8890", "YARN NodeManager Port=8042 YARN ResourceManager
// Port=8088": a named thing followed by a setting written as Key=Value. The name before the
// setting is the term, the key its attribute and the value the fact, so the setting can be
// asked about ("Which port does Zeppelin use?") instead of staying inside one blob.

export interface KeyValue {
  term: string;
  key: string;
  value: string;
}

export interface KeyValueSplit {
  /** Text before the first setting that is not part of a name ("Interacts with YARN+HDFS"). */
  lead: string;
  pairs: KeyValue[];
}

// Keys that are settings rather than formulas ("Recall = TP / (TP + FN)" is not one).
const KEYS = 'port|ports|version|default|timeout|limit|size|max|min|retention|region|ttl';
const PAIR = new RegExp(`(?:^|(?<=[.;,]\\s*)|\\s)((?:[A-Za-z][\\w+-]*\\s+){0,5}?[A-Za-z][\\w+-]*)[.,]?\\s+(${KEYS})\\s*[=:]\\s*([\\w./-]+)(?=$|[\\s.,;])`, 'gi');

function nameOf(raw: string): string {
  // Keep the words after the last sentence break: "Interacts with YARN+HDFS YARN NodeManager"
  // has its name at the end; a name starts with a capital letter or an acronym.
  const words = raw.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 0 && /^[A-Z]/.test(words[start - 1]) && words.length - start < 4) start--;
  // "Zeppelin notebooks with Spark": a lower-case run that started with a capitalised word.
  if (words.length <= 6 && /^[A-Z]/.test(words[0])) return words.join(' ');
  return words.slice(start).join(' ');
}

export function splitKeyValues(text: string): KeyValueSplit | null {
  const pairs: KeyValue[] = [];
  let lead = '';
  let at = 0;
  for (const m of text.matchAll(PAIR)) {
    const segment = text.slice(at, m.index! + m[0].indexOf(m[1])) + m[1];
    const name = nameOf(segment);
    if (!name || name.split(/\s+/).length > 6) return null;
    if (!pairs.length) lead = segment.slice(0, segment.length - name.length).trim().replace(/[.,;:]\s*$/, '');
    pairs.push({ term: name.replace(/[.,]$/, ''), key: m[2][0].toUpperCase() + m[2].slice(1).toLowerCase(), value: m[3] });
    at = m.index! + m[0].length;
  }
  if (!pairs.length || text.slice(at).trim().replace(/^[.;,]/, '').trim()) return null;
  return { lead, pairs };
}
