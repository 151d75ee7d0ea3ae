import { AppConfig } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';

function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Builds the API application exactly as production runs it (used by main.ts and the tests). */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.useBodyParser('json', { limit: config.get('HTTP_BODY_LIMIT') });
  app.set('trust proxy', trustProxy(config.get('TRUST_PROXY')));
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  return app;
}
