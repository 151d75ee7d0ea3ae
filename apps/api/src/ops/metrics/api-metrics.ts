import { Metrics } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, collectDefaultMetrics } from 'prom-client';
import { OperationNameLabels, errorCodeLabel, routeLabel } from './bounded-labels';

export interface OperationObservation {
  operationName: string | null | undefined;
  operationType: string | null | undefined;
  /** False when the document did not parse or validate. */
  resolved: boolean;
  seconds: number;
  errorCodes: string[];
}

/** The API's own metrics (GraphQL operations, HTTP requests) plus Node's defaults, in the app registry. */
@Injectable()
export class ApiMetrics {
  private readonly names = new OperationNameLabels();
  private readonly operationDuration: Histogram<'operation' | 'type' | 'outcome'>;
  private readonly operationErrors: Counter<'operation' | 'code'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(metrics: Metrics) {
    const registers = [metrics.registry];
    collectDefaultMetrics({ register: metrics.registry });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name, type and outcome (count = rate, buckets = latency)',
      labelNames: ['operation', 'type', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.operationErrors = new Counter({
      name: 'graphql_operation_errors_total',
      help: 'Errors in GraphQL responses by operation name and extensions.code',
      labelNames: ['operation', 'code'] as const,
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route and status (also those rejected before GraphQL runs)',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  observeOperation(o: OperationObservation): void {
    const operation = this.names.label(o.operationName, o.resolved);
    const outcome = o.errorCodes.length > 0 ? 'error' : 'ok';
    this.operationDuration.observe({ operation, type: o.operationType ?? 'none', outcome }, o.seconds);
    for (const code of o.errorCodes) this.operationErrors.inc({ operation, code: errorCodeLabel(code) });
  }

  observeHttp(method: string, url: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route: routeLabel(url), status: String(status) }, seconds);
  }
}
