import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { StartupError } from './startup-error';

/** Fails with `port 3000 is in use (pid 1234, node): set PORT …` when the port cannot be bound. */
export async function assertPortFree(port: number, host = '0.0.0.0'): Promise<void> {
  if (port === 0) return; // any free port
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
  if (error) throw portError(error, port);
}

/** The one-line explanation of a failed listen (EADDRINUSE, EACCES), or the error itself. */
export function portError(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === 'EADDRINUSE') {
    const pid = findListeningPid(port);
    const owner = pid === null ? '' : ` (pid ${pid}${processName(pid)})`;
    return new StartupError(`port ${port} is in use${owner}: set PORT to a free port, or stop that process`, {
      cause: err,
    });
  }
  if (err.code === 'EACCES') {
    return new StartupError(`port ${port} needs privileges this process lacks: set PORT above 1023`, {
      cause: err,
    });
  }
  return err;
}

/**
 * The id of the process listening on a TCP port, best effort: Linux's /proc (the socket's inode,
 * then the process holding it), else `lsof` when installed; null when unknown (another user's process).
 */
export function findListeningPid(port: number): number | null {
  try {
    return fromProc(port) ?? fromLsof(port);
  } catch {
    return null;
  }
}

function fromProc(port: number): number | null {
  const sockets = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st … uid timeout inode; st 0A = LISTEN
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A' || cols[9] === '0') continue;
      if (parseInt(cols[1].split(':').pop() ?? '', 16) === port) sockets.add(`socket:[${cols[9]}]`);
    }
  }
  if (sockets.size === 0) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (sockets.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

function fromLsof(port: number): number | null {
  const out = spawnSync('lsof', ['-t', `-iTCP:${port}`, '-sTCP:LISTEN'], { encoding: 'utf8', timeout: 2000 });
  const pid = Number(out.stdout?.trim().split('\n')[0]);
  return out.status === 0 && Number.isInteger(pid) && pid > 0 ? pid : null;
}

function processName(pid: number): string {
  try {
    const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return name ? `, ${name}` : '';
  } catch {
    return '';
  }
}
