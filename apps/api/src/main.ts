import 'reflect-metadata';
import { exitOnStartupFailure, loadEnvFile, portError, preflight } from '@app/core/startup';
import type { NestExpressApplication } from '@nestjs/platform-express';

const HOST = '0.0.0.0';
let app: NestExpressApplication | null = null;

async function bootstrap(): Promise<void> {
  loadEnvFile();
  // Environment, database and port first: a failure there is one plain line, before any framework
  // output, and the application's modules load only afterwards (so it comes within a second or two).
  await preflight({ listenHost: HOST });
  const [{ AppConfig }, demo, { MeiliConnection, searchStartupProblem }, { Logger }, { createApiApp }] =
    await Promise.all([
      import('@app/core'),
      import('@app/demo'),
      import('@app/search'),
      import('nestjs-pino'),
      import('./bootstrap'),
    ]);
  app = await createApiApp({ holdLogs: true });
  const config = app.get(AppConfig);
  if (demo.wantsDemoData(process.argv, config.get('SEED_DEMO'))) {
    // `npm start -- --demo`: fill the database before serving; idempotent, refused in production.
    await app.init();
    for (const line of demo.describeDemoSeed(await demo.seedDemo(app))) app.get(Logger).log(line);
  }
  // Search is not fatal: checked alongside the start, reported once (one line) when degraded.
  const search = searchStartupProblem(app.get(MeiliConnection), config);
  const port = config.get('PORT');
  try {
    await app.listen(port, HOST);
  } catch (err) {
    throw portError(err as NodeJS.ErrnoException, port);
  }
  app.flushLogs(); // the framework's start-up lines, held until now
  const logger = app.get(Logger);
  logger.log(`GraphQL API on http://localhost:${port}/graphql`);
  const problem = await search;
  if (problem) process.stderr.write(`${problem}\n`);
  // The shutdown itself is Nest's (enableShutdownHooks): Apollo's drain stops accepting and lets
  // in-flight requests finish (10 s at most), the relay finishes its batch, the pools and an embedded
  // Meilisearch close, then the process exits 0. This only says that it started.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => logger.log(`${signal} received: shutting down gracefully`));
  }
}

// A failed start (bad environment, database down, port taken, outdated schema in production) ends
// the process with exit code 1 and one or two lines naming the cause and the fix (LOG_LEVEL=debug
// adds the stack and the framework's start-up log).
bootstrap().catch((err: unknown) => exitOnStartupFailure(err, app));
