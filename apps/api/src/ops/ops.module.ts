import { SearchIndexModule } from '@app/search';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OperationObserverPlugin } from './graphql/operation-observer.plugin';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness-checks';
import { ApiMetrics } from './metrics/api-metrics';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { StateGauges } from './metrics/state-gauges';

/** Operations: health probes, Prometheus metrics, per-operation logs. */
@Module({
  // Terminus's own logger is off: probes repeat every few seconds, and a failing one already says
  // why in its 503 body (and the relay logs Meilisearch outages once).
  imports: [TerminusModule.forRoot({ logger: false }), SearchIndexModule],
  controllers: [HealthController, MetricsController],
  providers: [ApiMetrics, StateGauges, ReadinessChecks, OperationObserverPlugin],
})
export class OpsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
