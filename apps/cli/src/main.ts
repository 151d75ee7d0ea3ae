import 'reflect-metadata';
import { exitOnStartupFailure, loadEnvFile, preflight, toError } from '@app/core/startup';
import type { INestApplicationContext } from '@nestjs/common';

let app: INestApplicationContext | null = null;

async function main(): Promise<void> {
  loadEnvFile();
  // Every command opens the database: a bad environment or an unreachable server is one plain line,
  // before the modules load.
  await preflight();
  const [{ AppError }, { CommandFactory }, { CliModule }] = await Promise.all([
    import('@app/core'),
    import('nest-commander'),
    import('./cli.module'),
  ]);
  const fail = (err: Error): never => {
    console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err.message);
    process.exit(1);
  };
  app = await CommandFactory.createWithoutRunning(CliModule, {
    logger: ['error', 'warn'],
    // Framework errors while building the module are explained by exitOnStartupFailure, not logged.
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
    errorHandler: fail,
    serviceErrorHandler: fail,
  });
  app.flushLogs();
  const started = app;
  app = null; // from here on, failures are the command's: its message, as before
  try {
    await CommandFactory.runApplication(started);
  } catch (err) {
    await started.close().catch(() => undefined);
    fail(toError(err));
  }
  await started.close();
}

main().catch((err: unknown) => exitOnStartupFailure(err, app));
