import 'reflect-metadata';
import { AppConfig } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`GraphQL API on http://localhost:${port}/graphql`);
}

bootstrap().catch((err: unknown) => {
  // Start-up failures (bad environment, database down) end the process with a readable message.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
