import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package name, or a path inside the repository. */
function origin(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 6) : path.basename(url);
}

/**
 * Self time of every function in the .cpuprofile files of `dir`, summed, and by package: the lines
 * printed after a --profile run (the top `top` functions, then the top packages).
 */
export function summarizeProfiles(dir: string, top: number): string[] {
  if (!fs.existsSync(dir)) return [`no profile in ${dir}`];
  const selfByFn = new Map<string, number>();
  const selfByOrigin = new Map<string, number>();
  let total = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const us = profile.timeDeltas[i] ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') return;
      total += us;
      const key = `${functionName || '(anonymous)'} ${origin(url)}:${lineNumber + 1}`;
      selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
      const o = functionName === '(garbage collector)' ? '(gc)' : origin(url);
      selfByOrigin.set(o, (selfByOrigin.get(o) ?? 0) + us);
    });
  }
  const lines = [`CPU profile (${dir}): ${(total / 1000).toFixed(0)} ms busy; top self time:`];
  const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  for (const [k, us] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(us)}  ${k}`);
  lines.push('by package / file:');
  for (const [k, us] of [...selfByOrigin].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(us)}  ${k}`);
  return lines;
}
