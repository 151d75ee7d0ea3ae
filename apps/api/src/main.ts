import 'reflect-metadata';
import { AppConfig, loadEnvFile } from '@app/core';
import { describeDemoSeed, seedDemo, wantsDemoData } from '@app/demo';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const app = await createApiApp();
  const config = app.get(AppConfig);
  if (wantsDemoData(process.argv, config.get('SEED_DEMO'))) {
    // `npm start -- --demo`: fill the database before serving; idempotent, refused in production.
    await app.init();
    for (const line of describeDemoSeed(await seedDemo(app))) app.get(Logger).log(line);
  }
  const port = config.get('PORT');
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`GraphQL API on http://localhost:${port}/graphql`);
  // The shutdown itself is Nest's (enableShutdownHooks): Apollo's drain stops accepting and lets
  // in-flight requests finish (10 s at most), the relay finishes its batch, the pools and an embedded
  // Meilisearch close, then the process exits 0. This only says that it started.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => app.get(Logger).log(`${signal} received: shutting down gracefully`));
  }
}

bootstrap().catch((err: unknown) => {
  // Start-up failures (bad environment, database down) end the process with a readable message.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
