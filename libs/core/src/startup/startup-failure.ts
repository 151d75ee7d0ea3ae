import { Logger } from '@nestjs/common';
import { inspect } from 'node:util';
import { InvalidEnvironmentError, parseEnv } from '../config/env.schema';
import { PendingMigrationsError } from '../database/migration-status';
import { describeDatabaseError } from './database-check';
import { portError } from './port-check';
import { errorCode, StartupError } from './startup-error';
import { errorMessage } from '../errors/error-message';

const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/qa_forum';

/** LOG_LEVEL=debug (or trace): failures print their stack and the buffered framework logs too. */
export function startupDebug(): boolean {
  return ['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
}

/**
 * The plain lines that explain a start-up failure: the cause and the fix for what a person can
 * cause (environment, database, port, schema), the first line of the message for anything else.
 */
export function describeStartupFailure(err: unknown): string[] {
  if (err instanceof StartupError || err instanceof InvalidEnvironmentError) return err.message.split('\n');
  if (err instanceof PendingMigrationsError) return [err.message];
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.syscall === 'listen' && (e.code === 'EADDRINUSE' || e.code === 'EACCES')) {
    const port = e.port ?? Number(process.env.PORT ?? 3000);
    return describeStartupFailure(portError(e, port));
  }
  if (errorCode(err)) {
    const described = describeDatabaseError(err, databaseUrl());
    if (described instanceof StartupError) return described.message.split('\n');
  }
  const message = errorMessage(err);
  return [`start-up failed: ${message.split('\n')[0]}`, 'LOG_LEVEL=debug prints the details'];
}

/**
 * Ends a failed start: prints the explanation on stderr (plus the stack and the buffered framework
 * logs with LOG_LEVEL=debug), closes what was opened (an embedded Meilisearch child, pools), exits 1.
 */
export async function exitOnStartupFailure(
  err: unknown,
  app?: { close(): Promise<void> } | null,
): Promise<never> {
  const debug = startupDebug();
  if (debug) Logger.flush();
  process.stderr.write(`${describeStartupFailure(err).join('\n')}\n`);
  if (debug) process.stderr.write(`${inspect(err, { depth: 4 })}\n`); // the stack, with its causes'
  if (app) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      app.close().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 5000))),
    ]);
    clearTimeout(timer);
  }
  process.exit(1);
}

function databaseUrl(): string {
  try {
    return parseEnv(process.env).DATABASE_URL;
  } catch {
    return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  }
}
