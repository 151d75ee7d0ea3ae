import { Role } from '@app/accounts';
import { cleanBody, cleanTags, cleanTitle } from '@app/forum/forum.rules';
import { findPersonalData } from '@app/core';
import { DEMO_LOGINS, DEMO_THREADS, DEMO_USERS } from './demo-data';
import { DemoHandle } from './demo-types';

// The demo content is checked against the forum's own rules here, so a typo in the data fails in
// milliseconds instead of half-way through a seed run.

const users = new Map(DEMO_USERS.map((u) => [u.handle, u]));
const canEndorse = (h: DemoHandle): boolean =>
  Boolean(users.get(h)?.officialLabel) || [Role.MODERATOR, Role.ADMIN].includes(users.get(h)?.role as Role);

describe('demo data', () => {
  it('has about 40 threads across the three kinds of trouble, a few in English', () => {
    expect(DEMO_THREADS.length).toBeGreaterThanOrEqual(38);
    expect(DEMO_THREADS.length).toBeLessThanOrEqual(45);
    const english = DEMO_THREADS.filter((t) => /^[\x20-\x7E]+$/.test(t.title));
    expect(english.length).toBeGreaterThanOrEqual(3);
    expect(new Set(DEMO_THREADS.map((t) => t.key)).size).toBe(DEMO_THREADS.length);
  });

  it('has 8–12 users: official accounts, a moderator and the printed logins', () => {
    expect(DEMO_USERS.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_USERS.length).toBeLessThanOrEqual(12);
    expect(DEMO_USERS.some((u) => u.officialLabel === '支付宝官方客服')).toBe(true);
    for (const login of DEMO_LOGINS) expect(users.has(login.handle)).toBe(true);
  });

  it.each(DEMO_THREADS.map((t) => [t.key, t] as const))('%s passes the forum rules', (_, thread) => {
    expect(cleanTitle(thread.title)).toBe(thread.title);
    expect(cleanTags(thread.tags)).toEqual(thread.tags.map((t) => t.toLowerCase()));
    // Masking would change the stored title, and the idempotency check matches on the title.
    expect(findPersonalData(`${thread.title}\n${thread.body}`)).toEqual([]);
    expect(cleanBody(thread.body)).toBe(thread.body);
    for (const h of [thread.by, ...(thread.up ?? []), ...(thread.down ?? [])])
      expect(users.has(h)).toBe(true);
    expect(thread.up ?? []).not.toContain(thread.by);
    expect(thread.answers.filter((a) => a.accepted).length).toBeLessThanOrEqual(1);
    for (const a of thread.answers) {
      expect(cleanBody(a.body)).toBe(a.body);
      expect(findPersonalData(a.body)).toEqual([]);
      expect([...(a.up ?? []), ...(a.down ?? [])]).not.toContain(a.by);
      if (a.endorsedBy) expect(canEndorse(a.endorsedBy)).toBe(true);
    }
    if (thread.duplicateOf) {
      expect(thread.answers).toEqual([]);
      expect(DEMO_THREADS.some((t) => t.key === thread.duplicateOf?.key && !t.duplicateOf)).toBe(true);
      expect(canEndorse(thread.duplicateOf.closedBy) || thread.duplicateOf.closedBy === thread.by).toBe(true);
    }
  });

  it('has official answers, accepted answers and exactly one duplicate', () => {
    const answers = DEMO_THREADS.flatMap((t) => t.answers);
    expect(answers.filter((a) => users.get(a.by)?.officialLabel).length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((a) => a.accepted).length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((a) => a.endorsedBy).length).toBeGreaterThanOrEqual(1);
    expect(DEMO_THREADS.filter((t) => t.duplicateOf)).toHaveLength(1);
  });

  it('never asks anyone for a password or a verification code', () => {
    // Official answers say outright that staff never ask for them.
    const official = DEMO_THREADS.flatMap((t) => t.answers).filter((a) => users.get(a.by)?.officialLabel);
    const warns = official.filter((a) => /验证码|verification code/.test(a.body));
    expect(warns.length).toBeGreaterThanOrEqual(official.length / 2);
  });
});
