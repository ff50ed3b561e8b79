// Reads a V8 CPU profile (.cpuprofile from `node --cpu-prof` or `npm run bench -- --cpu-prof`)
// and prints where the time went: self time per function and per file, and total time (self
// plus callees) per function, so a hot spot is found without opening DevTools.
// Run: npx tsx bench/profile-top.ts <file.cpuprofile> [rows=25] [filter]
// `filter` keeps only functions whose file path contains it (e.g. "server/"). Also lists the
// longest stretches without an idle sample (the event loop stalls) and what ran in them.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg, filter = ''] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/profile-top.ts <file.cpuprofile> [rows] [filter]');
  process.exit(1);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Microseconds of samples that landed in each node.
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*?\/(server|bench|node_modules)\//, '$1/');
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const perFile = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  const f = short(node.callFrame.url) || `(${node.callFrame.functionName})`;
  perFile.set(f, (perFile.get(f) ?? 0) + us);
  // Inclusive time: every distinct function on the stack gets the sample once (recursion-safe).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const l = label(byId.get(at)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  const list = [...map].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, rows);
  for (const [k, us] of list) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${k}`);
};
// Busy stretches: consecutive samples outside (idle), with the deepest project frame of each.
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const stretches: { startUs: number; us: number; what: Map<string, number> }[] = [];
let at = 0;
let cur: (typeof stretches)[number] | null = null;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  at += dt;
  if (idle.has(id)) {
    if (cur) stretches.push(cur);
    cur = null;
    return;
  }
  cur ??= { startUs: at, us: 0, what: new Map() };
  cur.us += dt;
  // The deepest frame of the project; failing that, the deepest with a file (a library's).
  let frame = '';
  for (let n: number | undefined = id; n !== undefined && !frame; n = parent.get(n)) {
    const url = byId.get(n)!.callFrame.url;
    if (/\/(server|bench)\//.test(url) && !url.includes('node_modules')) frame = label(byId.get(n)!);
  }
  for (let n: number | undefined = id; n !== undefined && !frame; n = parent.get(n)) if (byId.get(n)!.callFrame.url) frame = label(byId.get(n)!);
  frame ||= label(byId.get(id)!);
  cur.what.set(frame, (cur.what.get(frame) ?? 0) + dt);
});
if (cur) stretches.push(cur);

console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled`);
console.log('\nlongest busy stretches (no idle sample): start, length, top frames');
for (const s of stretches.sort((a, b) => b.us - a.us).slice(0, Math.min(rows, 12))) {
  const top = [...s.what].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`);
  console.log(`${(s.startUs / 1e6).toFixed(2).padStart(8)} s ${(s.us / 1000).toFixed(0).padStart(6)} ms  ${top.join(' | ')}`);
}
print('self time by function', self);
print('self time by file', perFile);
print('total time by function (self + callees)', total);
