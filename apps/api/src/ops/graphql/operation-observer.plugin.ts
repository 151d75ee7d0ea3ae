import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { QueryCounter } from '@app/core';
import { Plugin } from '@nestjs/apollo';
import { PinoLogger } from 'nestjs-pino';
import { ApiMetrics } from '../metrics/api-metrics';

/**
 * One metrics observation and one info log line per GraphQL operation: request id, operation name
 * and type, duration, error codes and SQL statement count. Never the query text, variables or
 * results: they carry what people typed (passwords, phone numbers).
 */
@Plugin()
export class OperationObserverPlugin implements ApolloServerPlugin<BaseContext> {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('GraphQL');
  }

  async requestDidStart(
    start: GraphQLRequestContext<BaseContext>,
  ): Promise<GraphQLRequestListener<BaseContext>> {
    const started = performance.now();
    const requestId = requestIdOf(start.contextValue);
    return {
      willSendResponse: async (rc) => this.observe(rc, requestId, performance.now() - started),
    };
  }

  private observe(
    rc: GraphQLRequestContextWillSendResponse<BaseContext>,
    requestId: string | undefined,
    durationMs: number,
  ): void {
    const body = rc.response.body;
    const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
    const errorCodes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
    const operationName = rc.operationName ?? null;
    const operationType = rc.operation?.operation ?? null;
    this.metrics.observeOperation({
      operationName,
      operationType,
      resolved: rc.operation !== undefined,
      seconds: durationMs / 1000,
      errorCodes,
    });
    this.logger.info(
      {
        requestId,
        operationName,
        operationType,
        durationMs: Math.round(durationMs * 10) / 10,
        errorCodes,
        sqlQueries: QueryCounter.current() ?? null,
      },
      'graphql operation',
    );
  }
}

/** pino-http gives each request an id (x-request-id or a UUID); the GraphQL context carries `req`. */
function requestIdOf(context: BaseContext): string | undefined {
  const id = (context as { req?: { id?: unknown } }).req?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
