import 'reflect-metadata';
import { loadEnvFile } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: the relay finishes its batch (rows are leased, so even a kill loses nothing).
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('search worker running');
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
