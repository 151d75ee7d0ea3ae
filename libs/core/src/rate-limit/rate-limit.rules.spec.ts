import { isTrustProxy } from '../config/env.schema';
import {
  DEFAULT_RULES,
  describeLimit,
  describeSeconds,
  loginLockSeconds,
  resolveRules,
} from './rate-limit.rules';

describe('rate-limit rules', () => {
  it('describes windows in the largest whole unit', () => {
    expect(describeSeconds(1200)).toBe('20 minutes');
    expect(describeSeconds(3600)).toBe('1 hour');
    expect(describeSeconds(86400)).toBe('1 day');
    expect(describeSeconds(30)).toBe('30 seconds');
    expect(describeSeconds(90)).toBe('90 seconds');
  });

  it('names the limit that applies to the tier, in words', () => {
    expect(describeLimit('ask', 'newMember', DEFAULT_RULES.ask.newMember[0] as [number, number])).toBe(
      'new accounts can ask 1 question per 20 minutes',
    );
    expect(describeLimit('answer', 'member', [4, 60])).toBe('members can post 4 answers per 1 minute');
    expect(describeLimit('refusedAddress', 'member', [100, 600])).toBe(
      'each address can make 100 refused attempts per 10 minutes',
    );
  });

  it('doubles each login lock within a day, starting at the window, capped at a day', () => {
    expect([1, 2, 3, 4].map((n) => loginLockSeconds(900, n))).toEqual([900, 1800, 3600, 7200]);
    expect(loginLockSeconds(900, 10)).toBe(86400);
    expect(loginLockSeconds(900, 1000)).toBe(86400);
    expect(loginLockSeconds(60, 0)).toBe(60);
  });

  it('lets RATE_LIMITS override the refused-attempt limits and refuses unknown actions', () => {
    const rules = resolveRules(JSON.stringify({ refused: { member: [[5, 60]] } }));
    expect(rules.refused.member).toEqual([[5, 60]]);
    expect(rules.refused.newMember).toEqual([[30, 600]]);
    expect(() => resolveRules('{"nope":{}}')).toThrow(/unknown action/);
  });
});

describe('TRUST_PROXY', () => {
  it('accepts no proxy, a hop count or proxy addresses and subnets', () => {
    for (const ok of [
      'false',
      '0',
      '1',
      '2',
      'loopback',
      '10.0.0.0/8',
      '10.0.0.1, 10.0.0.2',
      'uniquelocal,::1',
    ])
      expect(isTrustProxy(ok)).toBe(true);
  });

  it('refuses "true" (any client could choose its address), big hop counts and non-addresses', () => {
    for (const bad of ['true', '11', 'proxy.local', '10.0.0.0/8/1', '', 'loopback,', '1.2.3'])
      expect(isTrustProxy(bad)).toBe(false);
  });
});
