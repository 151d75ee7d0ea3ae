import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A child process of the bench (API, worker, bare handler), with its output kept in a log file. */
export interface Child {
  name: string;
  proc: ChildProcess;
  log: string;
}

export const REPO = path.resolve(__dirname, '../../..');

/** Runs a command to completion (async: the bench never blocks its event loop on a child). */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}`)),
    );
  });
}

/** Compiles the server (API, worker, libs, migrations) into dist/ as `npm run build` does, minus the web client. */
export async function buildServer(outDir: string): Promise<void> {
  const bin = (name: string): string => path.join(REPO, 'node_modules/.bin', name);
  await run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir]);
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', outDir]);
}

export function startChild(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  nodeArgs: string[] = [],
): Child {
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(log, 'w');
  const proc = spawn(process.execPath, [...nodeArgs, script], {
    cwd: REPO,
    env,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  return { name, proc, log };
}

/** Waits until POST url answers 200 (GraphQL `{ __typename }`), or the child exits, or 120 s pass. */
export async function waitForGraphql(child: Child, url: string): Promise<void> {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) {
      throw new Error(`${child.name} exited (${child.proc.exitCode}); see ${child.log}`);
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${child.name} did not answer within 120 s; see ${child.log}`);
}

/**
 * Waits until the child's log has a line matching `pattern` (start-up work that runs after the API
 * listens); returns the milliseconds waited, or null when the line did not come within `timeoutMs`.
 */
export async function waitForLogLine(
  child: Child,
  pattern: RegExp,
  timeoutMs: number,
): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited; see ${child.log}`);
    const text = await fs.promises.readFile(child.log, 'utf8').catch(() => '');
    if (pattern.test(text)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/** SIGTERM, then waits for the exit (the API drains and, under --cpu-prof, writes its profile). */
export async function stopChild(child: Child, timeoutMs = 30000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.proc.once('exit', () => resolve()));
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

export function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Size on disk of a folder, in MB. */
export function diskMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return bytes / 1048576;
}
