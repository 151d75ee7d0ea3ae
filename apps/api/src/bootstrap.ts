import { AppConfig, assertMigrationsCurrent } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';
import { defaultWebClientDir, mountWebClient } from './web/web-client';

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
  // The web client (apps/web, built into dist/web) at `/`; the explorer at /graphiql in development.
  mountWebClient(app, {
    dir: defaultWebClientDir(),
    graphiql: config.get('GRAPHQL_SANDBOX'),
    log: (message) => app.get(Logger).log(message),
  });
  // Exit 0 once every hook has run (HTTP drained, relay batch done, pools closed); process.exit also
  // lets pino flush its buffers.
  app.enableShutdownHooks([], { useProcessExit: true });
  if (config.isProduction) {
    // Production never migrates on its own (the deploy's `migrate` step does): refuse to serve an
    // outdated schema instead of failing request by request.
    try {
      await assertMigrationsCurrent(app.get(DataSource));
    } catch (err) {
      await app.close().catch(() => undefined); // the schema error is the one to report
      throw err;
    }
  }
  return app;
}
