import 'reflect-metadata';
import { AppConfig, loadEnvFile } from '@app/core';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const app = await createApiApp();
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`GraphQL API on http://localhost:${port}/graphql`);
}

bootstrap().catch((err: unknown) => {
  // Start-up failures (bad environment, database down) end the process with a readable message.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
