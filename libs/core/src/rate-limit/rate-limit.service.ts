import { Injectable } from '@nestjs/common';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { AppError, ErrorCode } from '../errors/app-error';
import { RedisConnection } from '../redis/redis.provider';
import { RateAction, RuleSet, Tier, resolveRules } from './rate-limit.rules';

const NEW_ACCOUNT_MS = 24 * 3600 * 1000;

export interface RateSubject {
  id: string;
  createdAt: Date;
  isStaff: boolean;
}

export function tierOf(subject: RateSubject, now = Date.now()): Tier {
  if (subject.isStaff) return 'staff';
  return now - subject.createdAt.getTime() < NEW_ACCOUNT_MS ? 'newMember' : 'member';
}

function limited(retryMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

/**
 * Per-action, per-actor limits on top of rate-limiter-flexible: in memory by default, in Redis when
 * REDIS_URL is set so that every API instance shares them. RATE_LIMIT=off disables them all.
 */
@Injectable()
export class RateLimitService {
  private readonly enabled: boolean;
  private readonly rules: Record<RateAction, RuleSet>;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    config: AppConfig,
    private readonly redis: RedisConnection,
  ) {
    this.enabled = config.get('RATE_LIMIT') === 'on';
    this.rules = resolveRules(config.get('RATE_LIMITS'));
  }

  private limiter(action: RateAction, tier: Tier, index: number): RateLimiterAbstract | undefined {
    const window = this.rules[action][tier][index];
    if (!window) return undefined;
    const key = `${action}:${tier}:${index}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const opts = { keyPrefix: `rl:${key}`, points: window[0], duration: window[1] };
      limiter = this.redis.client
        ? new RateLimiterRedis({ ...opts, storeClient: this.redis.client, rejectIfRedisNotReady: true })
        : new RateLimiterMemory(opts);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  private limitersFor(action: RateAction, tier: Tier): RateLimiterAbstract[] {
    return this.rules[action][tier]
      .map((_, i) => this.limiter(action, tier, i))
      .filter((l) => l !== undefined);
  }

  /** Counts one action; throws RATE_LIMITED (with retryAfterSeconds) when any window is full. */
  async consume(action: RateAction, key: string, tier: Tier = 'member'): Promise<void> {
    if (!this.enabled) return;
    for (const limiter of this.limitersFor(action, tier)) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw limited(err.msBeforeNext);
        throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Rate limiting is unavailable; try again shortly');
      }
    }
  }

  consumeFor(action: RateAction, subject: RateSubject): Promise<void> {
    return this.consume(action, subject.id, tierOf(subject));
  }

  /** Throws RATE_LIMITED while a key is locked (e.g. a handle after repeated failed logins). */
  async assertNotLocked(action: RateAction, key: string): Promise<void> {
    if (!this.enabled) return;
    for (const limiter of this.limitersFor(action, 'member')) {
      const res = await limiter.get(key).catch(() => null);
      if (res && res.consumedPoints >= limiter.points) throw limited(res.msBeforeNext);
    }
  }

  /** Records a failure without throwing (the caller reports its own error). */
  async penalise(action: RateAction, key: string): Promise<void> {
    if (!this.enabled) return;
    for (const limiter of this.limitersFor(action, 'member'))
      await limiter.penalty(key, 1).catch(() => undefined);
  }

  async reset(action: RateAction, key: string): Promise<void> {
    if (!this.enabled) return;
    for (const limiter of this.limitersFor(action, 'member'))
      await limiter.delete(key).catch(() => undefined);
  }
}
