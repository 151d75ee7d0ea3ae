import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A time window of the profiled process (µs of the monotonic clock, as process.hrtime and V8 use). */
export interface ProfileWindow {
  label: string;
  from: number;
  to: number;
}

export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/** Where a frame's code lives: a package name, or a path inside the repository. */
function origin(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  // dist/ or another build folder (--dist): the path from libs/ or apps/ on.
  const inRepo = /\/((?:libs|apps)\/.*)$/.exec(url);
  return inRepo ? inRepo[1] : path.basename(url);
}

const frameKey = (n: ProfileNode): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${origin(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

/**
 * For each window (one load run of the bench): self time by function, self time by package, and the
 * inclusive time of the repository's own functions (what each product function and its callees cost),
 * from the .cpuprofile files of `dir`. Idle samples are left out; the percentages are of busy time.
 */
export function summarizeProfiles(dir: string, windows: ProfileWindow[], top = 15): string[] {
  if (!fs.existsSync(dir)) return [`no profile in ${dir}`];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const profiles = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
  const lines: string[] = [];
  for (const w of windows) {
    const self = new Map<string, number>();
    const byOrigin = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let busy = 0;
    let idle = 0;
    for (const profile of profiles) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      let t = profile.startTime;
      profile.samples.forEach((id, i) => {
        const us = profile.timeDeltas[i] ?? 0;
        t += us;
        if (t < w.from || t > w.to) return;
        const node = byId.get(id);
        if (!node) return;
        const fn = node.callFrame.functionName;
        if (fn === '(idle)' || fn === '(program)') {
          idle += us;
          return;
        }
        busy += us;
        self.set(frameKey(node), (self.get(frameKey(node)) ?? 0) + us);
        const o = fn === '(garbage collector)' ? '(gc)' : origin(node.callFrame.url);
        byOrigin.set(o, (byOrigin.get(o) ?? 0) + us);
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const n = byId.get(cur);
          if (!n || !/(^|\/)(libs|apps)\//.test(origin(n.callFrame.url))) continue;
          const key = frameKey(n);
          if (seen.has(key)) continue;
          seen.add(key);
          inclusive.set(key, (inclusive.get(key) ?? 0) + us);
        }
      });
    }
    const pct = (us: number): string => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
    const topOf = (m: Map<string, number>): [string, number][] =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    lines.push(
      `CPU profile of the API during "${w.label}": ${(busy / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle`,
    );
    lines.push('  self time by function:');
    for (const [k, us] of topOf(self)) lines.push(`    ${pct(us)}  ${k}`);
    lines.push('  self time by package:');
    for (const [k, us] of topOf(byOrigin)) lines.push(`    ${pct(us)}  ${k}`);
    lines.push('  inclusive time of the product code:');
    for (const [k, us] of topOf(inclusive)) lines.push(`    ${pct(us)}  ${k}`);
  }
  return lines;
}
