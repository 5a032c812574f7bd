// Reads a CPU profile written with BENCH_CPU_PROF=dir (node --cpu-prof) and prints where the time
// went: self time per package (or file of ours) and the heaviest functions.
//   node dist/bench/profile.js dir/CPU.….cpuprofile
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const file = process.argv[2];
if (!file) throw new Error('usage : profile.js fichier.cpuprofile');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  const ours = /\/(src|bench|views)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url || '(native, GC, idle)';
}

const areas = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const a = n.callFrame.functionName === '(idle)' ? '(idle)' : area(n.callFrame.url);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const f = `${n.callFrame.functionName || '(anonyme)'} ${area(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  functions.set(f, (functions.get(f) ?? 0) + us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(`Temps propre par partie (${(total / 1e6).toFixed(1)} s échantillonnées) :\n${top(areas, 25)}`);
console.log(`\nFonctions les plus lourdes :\n${top(functions, 30)}`);
