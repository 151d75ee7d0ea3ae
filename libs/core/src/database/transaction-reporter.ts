import { Injectable, OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics';
import { observeTransactions } from './transaction';

function statementOf(error: unknown): string | undefined {
  // TypeORM's QueryFailedError carries the SQL text with `?` placeholders (never the values).
  const query = (error as { query?: unknown }).query;
  return typeof query === 'string' ? query.slice(0, 300) : undefined;
}

/**
 * Counts and logs what inTransaction retries: each retry (a lock conflict the caller never sees) at
 * `info`, each give-up (the caller got SERVICE_UNAVAILABLE) at `warn`. Log lines written during a
 * request carry its request id.
 */
@Injectable()
export class TransactionReporter implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Transaction');
  }

  onModuleInit(): void {
    observeTransactions(this.dataSource, {
      retried: ({ reason, attempt, delayMs, error }) => {
        this.metrics.transactionRetries.inc({ reason });
        this.logger.info(
          { event: 'transaction_retry', reason, attempt, delayMs, statement: statementOf(error) },
          `transaction retried after a ${reason.replace(/_/g, ' ')}`,
        );
      },
      gaveUp: ({ reason, attempts, error }) => {
        this.metrics.transactionGiveUps.inc({ reason });
        this.logger.warn(
          { event: 'transaction_give_up', reason, attempts, statement: statementOf(error) },
          `transaction abandoned after ${attempts} attempts (${reason.replace(/_/g, ' ')}): answered SERVICE_UNAVAILABLE`,
        );
      },
    });
  }
}
