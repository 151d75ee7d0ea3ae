import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from './config/app-config';
import { databaseOptions } from './database/database-options';
import { ensureDatabase } from './database/ensure-database';
import { TransactionReporter } from './database/transaction-reporter';
import { LOG_REDACT_PATHS, serializeRequest, serializeResponse } from './logging/log-serializers';
import { Metrics } from './metrics/metrics';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { RateLimitService } from './rate-limit/rate-limit.service';
import { RedisConnection } from './redis/redis.provider';
import { Clock } from './time/clock';

export interface CoreModuleOptions {
  /** Apply pending migrations when the connection opens, outside production (the API does). */
  migrateOutsideProduction?: boolean;
}

// Validated once per application start; fails listing every bad variable.
const configProvider = { provide: AppConfig, useFactory: () => AppConfig.fromProcessEnv() };

@Global()
@Module({
  providers: [configProvider, RedisConnection, RateLimitService, Metrics, Clock],
  exports: [AppConfig, RedisConnection, RateLimitService, Metrics, Clock],
})
class ConfigHostModule {}

@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigHostModule,
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL'),
              transport: config.get('LOG_PRETTY')
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
              // Without a transport, lines go to stdout asynchronously: a synchronous write per line
              // (two per request) was a visible share of a loaded API's CPU profile (bench:api
              // --profile); lines written meanwhile are joined into one write. Pino flushes what is
              // pending synchronously when the process exits (shutdown hooks end with process.exit).
              stream: config.get('LOG_PRETTY') ? undefined : pino.destination({ dest: 1, sync: false }),
              genReqId: (req, res) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              redact: LOG_REDACT_PATHS,
              serializers: { req: serializeRequest, res: serializeResponse },
              // Probes and scrapes come every few seconds: their access lines would drown the rest.
              autoLogging: {
                ignore: (req) => (req.url?.startsWith('/health') || req.url?.startsWith('/metrics')) ?? false,
              },
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const env = {
              DATABASE_URL: config.get('DATABASE_URL'),
              DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE'),
            };
            if (config.get('DB_AUTO_CREATE')) await ensureDatabase(env.DATABASE_URL);
            // Entities come from each lib's TypeOrmModule.forFeature, not from a file glob.
            return {
              ...databaseOptions(env),
              entities: [],
              autoLoadEntities: true,
              migrationsRun: (options.migrateOutsideProduction ?? false) && !config.isProduction,
            };
          },
        }),
        TypeOrmModule.forFeature([OutboxEventEntity]),
      ],
      // Retries and give-ups of inTransaction go to /metrics and the log.
      providers: [TransactionReporter],
      exports: [ConfigHostModule, TypeOrmModule],
    };
  }
}
