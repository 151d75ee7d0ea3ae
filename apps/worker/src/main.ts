import 'reflect-metadata';
import { exitOnStartupFailure, loadEnvFile, preflight } from '@app/core/startup';
import type { INestApplicationContext } from '@nestjs/common';

let app: INestApplicationContext | null = null;

async function bootstrap(): Promise<void> {
  loadEnvFile();
  // Environment and database first: one plain line when either is wrong, before the modules load.
  await preflight();
  const [
    { AppConfig },
    { MeiliConnection, searchStartupProblem },
    { NestFactory },
    { Logger },
    { WorkerModule },
  ] = await Promise.all([
    import('@app/core'),
    import('@app/search'),
    import('@nestjs/core'),
    import('nestjs-pino'),
    import('./worker.module'),
  ]);
  // Framework log lines wait until the worker runs: a failed start shows only its reason.
  app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: the relay finishes its batch (rows are leased, so even a kill loses nothing); the
  // process then ends with process.exit, so the asynchronous log destination flushes its last lines.
  app.enableShutdownHooks([], { useProcessExit: true });
  const search = searchStartupProblem(
    app.get(MeiliConnection),
    app.get(AppConfig),
    'the relay keeps the outbox rows until then',
  );
  await app.init();
  app.flushLogs();
  app.get(Logger).log('search worker running');
  const problem = await search;
  if (problem) process.stderr.write(`${problem}\n`);
}

bootstrap().catch((err: unknown) => exitOnStartupFailure(err, app));
