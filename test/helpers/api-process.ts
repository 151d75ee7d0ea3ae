import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../libs/search/src/meili/embedded-meilisearch';
import { isolateTestFile } from './isolated-database';

const root = path.join(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The API as its own process (ts-node, like `npm run cli`), for what an in-process app cannot show:
 * its exit code, its signals and its stdout. Listens on a free port of 127.0.0.1.
 */
export class ApiProcess {
  private out = '';
  private err = '';
  readonly exited: Promise<Exit>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.err += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /**
   * Spawns the API; `env` adds to (or, with undefined, removes from) this process's environment.
   * `script`: a built entry point (e.g. dist/apps/api/src/main.js) instead of the sources.
   */
  static async spawn(
    env: Record<string, string | undefined> = {},
    options: { script?: string } = {},
  ): Promise<ApiProcess> {
    // Like TestApp: this test file's own database and index prefix unless the caller names a database.
    if (!('DATABASE_URL' in env)) await isolateTestFile();
    const port = await freePort();
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_PRETTY: 'false', ...env };
    for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
    const args = options.script
      ? [options.script]
      : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child, `http://127.0.0.1:${port}`);
  }

  /** Resolves once GET /health/live answers; fails if the process exits first. */
  async waitListening(timeoutMs = 90000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exit: Exit | null = null;
    void this.exited.then((e) => (exit = e));
    while (Date.now() < deadline) {
      if (exit) throw new Error(`API exited (${JSON.stringify(exit)}) before listening:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health/live`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`API did not listen within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Waits for the exit, killing the process (SIGKILL) if it takes longer than `timeoutMs`. */
  async waitExit(timeoutMs = 60000): Promise<Exit & { timedOut: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === true) {
      this.child.kill('SIGKILL');
      return { ...(await this.exited), timedOut: true };
    }
    return { ...result, timedOut: false };
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  get output(): string {
    return `${this.out}\n${this.err}`;
  }

  /** stdout's JSON log lines (pino), skipping anything else. */
  logLines(): Record<string, unknown>[] {
    return this.out.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; data?: T; errors?: { extensions?: { code?: string } }[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, headers: res.headers, ...json };
  }

  /** Makes sure the process is gone (test clean-up). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** A database URL beside the run's (dropped with it), for tests that need a database made their way. */
export function siblingDatabaseUrl(suffix: string): string {
  const url = new URL((process.env.TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL) as string);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}
