import { Logger } from '@nestjs/common';
import { errorMessage } from '../errors/error-message';
import { outboxRetryDelayMs } from './outbox-backoff';

/** What one step of a polling loop reports. */
export interface PollStep {
  /** More work is waiting: run the next step at once instead of sleeping. */
  more?: boolean;
  /** Sleep this long before the next step instead of the loop's interval (e.g. while a dependency is down). */
  delayMs?: number;
}

export interface PollingLoopOptions {
  /** Logger context, e.g. 'SearchRelay'. */
  name: string;
  /** Pause between steps when there is no more work. */
  intervalMs: number;
  /** One unit of work; throwing counts as a failed step (logged, then retried after a back-off). */
  step: () => Promise<PollStep | void>;
  /** Longest pause after failed steps (exponential from the interval, doubled per failure in a row). */
  maxBackoffMs?: number;
  /** What a failed step is logged as: `${failure}: ${message}` (at most once per 30 s per message). */
  failure?: string;
  /** Log level of failed steps. */
  failureLevel?: 'error' | 'warn';
}

const LOG_REPEAT_MS = 30000;

/**
 * The one polling loop of the outbox consumers and background jobs: runs a step after another while
 * there is work, then sleeps for the interval (or until wake()); a failed step is logged (throttled)
 * and retried with back-off; stop() lets the step in progress finish and resolves once the loop has
 * ended (graceful shutdown). Timers never keep the process alive.
 */
export class PollingLoop {
  private readonly logger: Logger;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private failures = 0;
  private readonly lastLog = new Map<string, number>();

  constructor(private readonly options: PollingLoopOptions) {
    this.logger = new Logger(options.name);
  }

  /** Started and not stopping. */
  get running(): boolean {
    return this.loop !== null && !this.stopping;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.woken = false;
    this.loop = this.run();
  }

  /** A hint that work just arrived: run the next step now instead of after the interval. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Ends the loop after the step in progress; resolves when it has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let next: PollStep = {};
      try {
        next = (await this.options.step()) ?? {};
        this.failures = 0;
      } catch (err) {
        this.failures++;
        this.logThrottled(`${this.options.failure ?? 'step failed'}: ${errorMessage(err)}`);
        const max = Math.max(this.options.maxBackoffMs ?? this.options.intervalMs, this.options.intervalMs);
        next = {
          delayMs: Math.max(
            this.options.intervalMs,
            outboxRetryDelayMs(this.failures, max, this.options.intervalMs),
          ),
        };
      }
      if (!next.more && !this.stopping) await this.sleep(next.delayMs ?? this.options.intervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeUp = done;
    });
  }

  private logThrottled(message: string): void {
    const last = this.lastLog.get(message) ?? 0;
    if (Date.now() - last < LOG_REPEAT_MS) return;
    this.lastLog.set(message, Date.now());
    if (this.options.failureLevel === 'warn') this.logger.warn(message);
    else this.logger.error(message);
  }
}
