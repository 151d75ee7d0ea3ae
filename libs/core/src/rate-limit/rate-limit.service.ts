import { Injectable, Logger } from '@nestjs/common';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { AppError, ErrorCode } from '../errors/app-error';
import { Metrics } from '../metrics/metrics';
import { Clock } from '../time/clock';
import { RedisConnection } from '../redis/redis.provider';
import {
  RateAction,
  RuleSet,
  Tier,
  Window,
  describeLimit,
  loginLockSeconds,
  resolveRules,
} from './rate-limit.rules';
import { errorMessage } from '../errors/error-message';

const NEW_ACCOUNT_MS = 24 * 3600 * 1000;
/** A Redis call slower than this is treated as Redis being unreachable (the in-process counter decides). */
const REDIS_CALL_TIMEOUT_MS = 500;
const REDIS_RETRY_MS = 1000;
/** Locks of one handle for one address are counted over a day (each one doubles the next). */
const LOGIN_LOCKS_WINDOW: Window = [1_000_000, 24 * 3600];

export interface RateSubject {
  id: string;
  createdAt: Date;
  isStaff: boolean;
}

/** The tier of a subject at `now` (the Clock's time): accounts younger than NEW_ACCOUNT_MS are new members. */
export function tierOf(subject: RateSubject, now: Date): Tier {
  if (subject.isStaff) return 'staff';
  return now.getTime() - subject.createdAt.getTime() < NEW_ACCOUNT_MS ? 'newMember' : 'member';
}

/** RATE_LIMITED naming the limit that applies: the message says it in words, the extensions in data. */
export function rateLimitedError(
  action: RateAction,
  tier: Tier,
  window: Window,
  msBeforeNext: number,
  message?: (rule: string, retryAfterSeconds: number) => string,
): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const rule = describeLimit(action, tier, window);
  return new AppError(
    ErrorCode.RATE_LIMITED,
    message?.(rule, retryAfterSeconds) ?? `Rate limit reached: ${rule}; try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds, limit: action, tier, window: { points: window[0], seconds: window[1] } },
  );
}

/** One window of one action and tier: its Redis counter (when REDIS_URL is set) and in-process counter. */
interface Slot {
  window: Window;
  redis: RateLimiterRedis | null;
  memory: RateLimiterMemory;
}

/** A sign-in attempt counted before the password is checked; tell it how it ended. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
  /** The attempt ended for another reason than the password (it costs nothing). */
  cancelled(): Promise<void>;
}

const NO_LOGIN_LIMIT: LoginAttempt = {
  succeeded: () => Promise.resolve(),
  failed: () => Promise.resolve(),
  cancelled: () => Promise.resolve(),
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Per-action, per-actor limits on top of rate-limiter-flexible: in memory by default, in Redis when
 * REDIS_URL is set so that every API instance shares them. While Redis is unreachable every decision
 * falls back to this process's own counters (logged once per transition, counted in /metrics), so
 * writes keep working with per-instance limits. RATE_LIMIT=off disables them all.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);
  readonly enabled: boolean;
  private readonly rules: Record<RateAction, RuleSet>;
  private readonly slotCache = new Map<string, Slot>();
  private redisDegraded = false;
  private redisRetryAt = 0;

  constructor(
    config: AppConfig,
    private readonly redis: RedisConnection,
    private readonly metrics: Metrics,
    private readonly clock: Clock = new Clock(),
  ) {
    this.enabled = config.get('RATE_LIMIT') === 'on';
    this.rules = resolveRules(config.get('RATE_LIMITS'));
  }

  /** True while Redis is configured but the last rate-limit call could not reach it. */
  get degraded(): boolean {
    return this.redisDegraded;
  }

  private slot(name: string, window: Window): Slot {
    let slot = this.slotCache.get(name);
    if (!slot) {
      const opts = { keyPrefix: `rl:${name}`, points: window[0], duration: window[1] };
      const client = this.redis.client;
      slot = {
        window,
        redis: client
          ? new RateLimiterRedis({ ...opts, storeClient: client, rejectIfRedisNotReady: true })
          : null,
        memory: new RateLimiterMemory(opts),
      };
      this.slotCache.set(name, slot);
    }
    return slot;
  }

  private slots(action: RateAction, tier: Tier): Slot[] {
    return this.rules[action][tier].map((window, i) => this.slot(`${action}:${tier}:${i}`, window));
  }

  /** One counter operation: on Redis, or on the in-process counter while Redis is unreachable. */
  private async run<T>(slot: Slot, op: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!slot.redis) return op(slot.memory);
    // While Redis is down, try it again at most once per REDIS_RETRY_MS instead of on every decision.
    if (this.redisDegraded && Date.now() < this.redisRetryAt) {
      this.metrics.rateLimitFallbacks.inc();
      return op(slot.memory);
    }
    try {
      const result = await withTimeout(op(slot.redis), REDIS_CALL_TIMEOUT_MS);
      this.redisReachable(true);
      return result;
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        this.redisReachable(true);
        throw err;
      }
      this.redisReachable(false, err);
      this.redisRetryAt = Date.now() + REDIS_RETRY_MS;
      this.metrics.rateLimitFallbacks.inc();
      return op(slot.memory);
    }
  }

  private redisReachable(reachable: boolean, err?: unknown): void {
    if (reachable === !this.redisDegraded) return;
    this.redisDegraded = !reachable;
    this.metrics.rateLimitDegraded.set(reachable ? 0 : 1);
    if (reachable) this.logger.log('Redis is reachable again: rate limits are shared across instances again');
    else
      this.logger.warn(
        `Redis is unreachable (${errorMessage(err)}): rate limits fall back to this process's counters`,
      );
  }

  /**
   * Counts one action on every window of its rule, atomically per window; when any window is full
   * every window is given its point back, and RATE_LIMITED names the window that keeps the actor
   * waiting longest.
   */
  async consume(action: RateAction, key: string, tier: Tier = 'member'): Promise<number[]> {
    if (!this.enabled) return [];
    const slots = this.slots(action, tier);
    const results = await Promise.allSettled(slots.map((s) => this.run(s, (l) => l.consume(key))));
    let worst: { slot: Slot; res: RateLimiterRes } | undefined;
    for (const [i, r] of results.entries()) {
      if (r.status === 'fulfilled') continue;
      if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
      if (!worst || r.reason.msBeforeNext > worst.res.msBeforeNext) worst = { slot: slots[i], res: r.reason };
    }
    if (!worst) return results.map((r) => (r as PromiseFulfilledResult<RateLimiterRes>).value.consumedPoints);
    // Nothing happened: every window gets its point back (a full one counted the attempt too).
    await Promise.all(slots.map((slot) => this.run(slot, (l) => l.reward(key)).catch(() => undefined)));
    throw rateLimitedError(action, tier, worst.slot.window, worst.res.msBeforeNext);
  }

  /** The tier of `subject` now (account age by the Clock). */
  tierOf(subject: RateSubject): Tier {
    return tierOf(subject, this.clock.now());
  }

  /** Counts one action of `subject` (see consume); resolves with each window's count. */
  consumeFor(action: RateAction, subject: RateSubject): Promise<number[]> {
    return this.consume(action, subject.id, this.tierOf(subject));
  }

  /** Counts one action if there is room; false (nothing counted) when a window is full. Never throws. */
  async tryConsume(action: RateAction, key: string, tier: Tier = 'member'): Promise<boolean> {
    try {
      await this.consume(action, key, tier);
      return true;
    } catch {
      return false;
    }
  }

  /** Gives back a point taken by `consume` (the action did not happen after all). */
  async refund(action: RateAction, key: string, tier: Tier = 'member'): Promise<void> {
    if (!this.enabled) return;
    await Promise.all(
      this.slots(action, tier).map((s) => this.run(s, (l) => l.reward(key)).catch(() => undefined)),
    );
  }

  /** Throws RATE_LIMITED while a window of `action` is full for `key`, without counting anything. */
  async assertRoom(
    action: RateAction,
    key: string,
    tier: Tier = 'member',
    message?: (rule: string, retryAfterSeconds: number) => string,
  ): Promise<void> {
    if (!this.enabled) return;
    for (const slot of this.slots(action, tier)) {
      const res = await this.run(slot, (l) => l.get(key));
      if (res && res.consumedPoints >= slot.window[0])
        throw rateLimitedError(action, tier, slot.window, res.msBeforeNext, message);
    }
  }

  /** Records one point without refusing anything (the caller reports its own error). */
  async penalise(action: RateAction, key: string, tier: Tier = 'member'): Promise<void> {
    if (!this.enabled) return;
    await Promise.all(
      this.slots(action, tier).map((s) => this.run(s, (l) => l.penalty(key, 1)).catch(() => undefined)),
    );
  }

  async reset(action: RateAction, key: string, tier: Tier = 'member'): Promise<void> {
    if (!this.enabled) return;
    await Promise.all(
      this.slots(action, tier).map((s) => this.run(s, (l) => l.delete(key)).catch(() => undefined)),
    );
  }

  /**
   * Counts a sign-in attempt for this handle from this address before the password is checked, so
   * racing attempts cannot get more password checks than the limit allows. Keyed by handle and
   * address: failures from other addresses never lock the owner out of their own. Each lock of the
   * pair within a day lasts twice as long as the one before (loginLockSeconds).
   */
  async beginLogin(handle: string, address: string): Promise<LoginAttempt> {
    if (!this.enabled) return NO_LOGIN_LIMIT;
    const key = `${handle.toLowerCase()}|${address}`;
    const slots = this.slots('loginFailures', 'member');
    let counts: number[];
    try {
      counts = await this.consume('loginFailures', key);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== ErrorCode.RATE_LIMITED) throw err;
      const retry = err.details.retryAfterSeconds as number;
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Too many failed sign-ins for this handle from your address; try again in ${retry} s`,
        err.details,
      );
    }
    const locks = this.slot('loginLocks', LOGIN_LOCKS_WINDOW);
    return {
      succeeded: async () => {
        await this.reset('loginFailures', key);
        await this.run(locks, (l) => l.delete(key)).catch(() => undefined);
      },
      cancelled: () => this.refund('loginFailures', key),
      failed: async () => {
        // Only the attempt that took a window's last point locks it (once, however many raced).
        for (const [i, slot] of slots.entries()) {
          if (counts[i] !== slot.window[0]) continue;
          const lock = await this.run(locks, (l) => l.penalty(key, 1)).catch(() => null);
          const seconds = loginLockSeconds(slot.window[1], lock?.consumedPoints ?? 1);
          await this.run(slot, (l) => l.block(key, seconds)).catch(() => undefined);
        }
      },
    };
  }
}
