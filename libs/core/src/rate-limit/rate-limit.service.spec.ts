import { AppConfig } from '../config/app-config';
import { parseEnv } from '../config/env.schema';
import { AppError } from '../errors/app-error';
import { Metrics } from '../metrics/metrics';
import { RedisConnection } from '../redis/redis.provider';
import { Clock } from '../time/clock';
import { RateLimitService, tierOf } from './rate-limit.service';

/** In-process counters only (no REDIS_URL), with the given RATE_LIMITS overrides. */
function service(overrides: Record<string, unknown>): RateLimitService {
  const config = new AppConfig(parseEnv({ RATE_LIMIT: 'on', RATE_LIMITS: JSON.stringify(overrides) }));
  return new RateLimitService(config, { client: null } as RedisConnection, new Metrics());
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('RateLimitService', () => {
  it('a refused consume leaves no trace in any window', async () => {
    const limits = service({
      ask: {
        member: [
          [1, 60],
          [5, 3600],
        ],
      },
    });
    expect(await limits.consume('ask', 'u1')).toEqual([1, 1]);
    expect((await refusal(limits.consume('ask', 'u1'))).code).toBe('RATE_LIMITED');
    // The accepted action is refused after all (e.g. NOT_FOUND in its transaction): its point comes back.
    await limits.refund('ask', 'u1');
    expect(await limits.consume('ask', 'u1')).toEqual([1, 1]);
  });

  it('names the window that keeps the actor waiting longest', async () => {
    const limits = service({
      ask: {
        member: [
          [1, 60],
          [1, 3600],
        ],
      },
    });
    await limits.consume('ask', 'u2');
    const err = await refusal(limits.consume('ask', 'u2'));
    expect(err.details).toMatchObject({ limit: 'ask', tier: 'member', window: { points: 1, seconds: 3600 } });
    expect(err.details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(err.message).toBe(
      'Rate limit reached: members can ask 1 question per 1 hour; try again in 3600 s',
    );
  });

  it('racing consumes never pass the limit', async () => {
    const limits = service({ vote: { member: [[3, 60]] } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limits.consume('vote', 'u3')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });

  it('sign-in: racing failures get the limit of password checks and lock the pair once', async () => {
    const limits = service({ loginFailures: { member: [[5, 900]] } });
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () => limits.beginLogin('Owner', '10.0.0.9')),
    );
    const admitted = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(admitted).toHaveLength(5);
    await Promise.all(admitted.map((a) => a.failed()));
    const locked = await refusal(limits.beginLogin('owner', '10.0.0.9'));
    expect(locked.details.retryAfterSeconds).toBe(900); // the first lock, not the fifth
    // Another address is not locked; handles are matched ignoring case.
    await (await limits.beginLogin('OWNER', '10.0.0.1')).succeeded();
  });

  it('sign-in: a password check that ends otherwise costs nothing', async () => {
    const limits = service({ loginFailures: { member: [[1, 900]] } });
    await (await limits.beginLogin('someone', '10.0.0.2')).cancelled();
    await (await limits.beginLogin('someone', '10.0.0.2')).failed();
    expect((await refusal(limits.beginLogin('someone', '10.0.0.2'))).details.limit).toBe('loginFailures');
  });

  it('RATE_LIMIT=off counts nothing', async () => {
    const config = new AppConfig(parseEnv({ RATE_LIMIT: 'off' }));
    const limits = new RateLimitService(config, { client: null } as RedisConnection, new Metrics());
    for (let i = 0; i < 50; i++) await limits.consume('ask', 'u4', 'newMember');
    await limits.assertRoom('refused', 'u4');
  });
});

describe('the new-member tier reads the injected Clock', () => {
  const DAY_MS = 24 * 3600 * 1000;
  const joined = new Date('2030-03-01T08:00:00.000Z');
  // A clock no test run can be near: the tier depends on it alone, not on when the test runs.
  let now = new Date(joined.getTime() + 3600 * 1000);
  const clock = { now: () => now } as Clock;
  const config = new AppConfig(
    parseEnv({
      RATE_LIMIT: 'on',
      RATE_LIMITS: JSON.stringify({ ask: { newMember: [[1, 60]], member: [[5, 60]] } }),
    }),
  );
  const limits = new RateLimitService(config, { client: null } as RedisConnection, new Metrics(), clock);
  const subject = (id: string) => ({ id, createdAt: joined, isStaff: false });

  it('an account an hour old by the clock is a new member, and gets the new members limit', async () => {
    expect(limits.tierOf(subject('c1'))).toBe('newMember');
    await limits.consumeFor('ask', subject('c1'));
    const err = await refusal(limits.consumeFor('ask', subject('c1')));
    expect(err.details).toMatchObject({ limit: 'ask', tier: 'newMember' });
  });

  it('the same account is a member once the clock passes its first day', async () => {
    now = new Date(joined.getTime() + DAY_MS + 1);
    expect(limits.tierOf(subject('c2'))).toBe('member');
    expect(await limits.consumeFor('ask', subject('c2'))).toEqual([1]);
    expect(await limits.consumeFor('ask', subject('c2'))).toEqual([2]);
    expect(tierOf(subject('c2'), new Date(joined.getTime() + DAY_MS - 1))).toBe('newMember');
  });
});
