import { AppConfig, assertMigrationsCurrent } from '@app/core';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';
import { defaultWebClientDir, mountWebClient } from './web/web-client';

/** Express "trust proxy" from a validated TRUST_PROXY: false, a hop count or a list of addresses. */
function trustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value.split(',').map((s) => s.trim());
}

export interface CreateApiAppOptions {
  /**
   * Keep the framework's start-up log lines buffered until the caller flushes them (app.flushLogs(),
   * once listening): a failed start then shows its one-line reason, not dozens of lines before it.
   */
  holdLogs?: boolean;
}

/** Builds the API application exactly as production runs it (used by main.ts and the tests). */
export async function createApiApp(options: CreateApiAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    bufferLogs: true,
    autoFlushLogs: !options.holdLogs,
    // Throw instead of logging "ERROR [ExceptionHandler]" with a stack and exiting: the caller explains.
    abortOnError: false,
  });
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
