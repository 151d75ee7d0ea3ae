import { z } from 'zod';

/** One window: at most `points` actions per `seconds`. */
export type Window = [points: number, seconds: number];

/** Who is acting: accounts younger than a day are "new"; moderators, admins and official accounts are "staff". */
export type Tier = 'newMember' | 'member' | 'staff';

export type RuleSet = Record<Tier, Window[]>;

const MIN = 60;
const HOUR = 3600;
const DAY = 86400;
const same = (w: Window[]): RuleSet => ({ newMember: w, member: w, staff: w });

/**
 * Defaults, per action and tier. Anchors: Stack Overflow lets new users ask once per 40 minutes and
 * caps votes at 40 a day; Discourse allows non-staff 20 accepts an hour and 4 per 30 seconds.
 */
export const DEFAULT_RULES = {
  ask: {
    newMember: [
      [1, 20 * MIN],
      [5, DAY],
    ],
    member: [
      [3, 10 * MIN],
      [20, DAY],
    ],
    staff: [[30, HOUR]],
  },
  answer: {
    newMember: [
      [2, 5 * MIN],
      [10, DAY],
    ],
    member: [
      [4, MIN],
      [60, HOUR],
    ],
    staff: [[30, MIN]],
  },
  vote: {
    newMember: [
      [10, HOUR],
      [20, DAY],
    ],
    member: [
      [20, MIN],
      [40, DAY],
    ],
    staff: [[60, MIN]],
  },
  accept: {
    newMember: [
      [4, 30],
      [20, HOUR],
    ],
    member: [
      [4, 30],
      [20, HOUR],
    ],
    staff: [[30, MIN]],
  },
  official: same([
    [30, MIN],
    [600, HOUR],
  ]),
  edit: {
    newMember: [
      [5, 10 * MIN],
      [20, DAY],
    ],
    member: [
      [10, MIN],
      [100, DAY],
    ],
    staff: [[60, MIN]],
  },
  meToo: { newMember: [[10, HOUR]], member: [[30, HOUR]], staff: [[60, MIN]] },
  follow: same([
    [30, MIN],
    [300, DAY],
  ]),
  close: { newMember: [[3, HOUR]], member: [[10, HOUR]], staff: [[60, MIN]] },
  report: { newMember: [[5, HOUR]], member: [[20, HOUR]], staff: [[60, MIN]] },
  moderate: same([[60, MIN]]),
  // A suggestion click while drafting (keyed by account, or by IP address when signed out).
  click: same([
    [60, MIN],
    [1000, DAY],
  ]),
  // Marking notifications read.
  notifications: same([[120, MIN]]),
  // changePassword, counted whether the current password was right or not (guessing it is slow).
  password: same([
    [5, 15 * MIN],
    [20, DAY],
  ]),
  // graphql-ws: subscribe messages (keyed by account, or by IP address when signed out) …
  subscribe: same([
    [60, MIN],
    [600, HOUR],
  ]),
  // … and socket connections per IP address.
  wsConnect: same([
    [60, MIN],
    [600, HOUR],
  ]),
  // Keyed by IP address or handle rather than by account:
  register: same([
    [5, HOUR],
    [20, DAY],
  ]),
  loginIp: same([
    [30, MIN],
    [300, HOUR],
  ]),
  // Consecutive failed logins for one handle before it is locked for the window.
  loginFailures: same([[5, 15 * MIN]]),
} satisfies Record<string, RuleSet>;

export type RateAction = keyof typeof DEFAULT_RULES;

const windowSchema = z.tuple([
  z.number().int().min(1),
  z
    .number()
    .int()
    .min(1)
    .max(30 * DAY),
]);
const ruleSetSchema = z
  .object({ newMember: z.array(windowSchema), member: z.array(windowSchema), staff: z.array(windowSchema) })
  .partial();

/** Merges operator overrides (the RATE_LIMITS JSON) into the defaults; unknown actions are errors. */
export function resolveRules(overridesJson: string | undefined): Record<RateAction, RuleSet> {
  const rules = structuredClone(DEFAULT_RULES) as Record<RateAction, RuleSet>;
  if (!overridesJson) return rules;
  const parsed = z.record(z.string(), ruleSetSchema).parse(JSON.parse(overridesJson));
  for (const [action, override] of Object.entries(parsed)) {
    if (!(action in rules)) throw new Error(`RATE_LIMITS names an unknown action "${action}"`);
    Object.assign(rules[action as RateAction], override);
  }
  return rules;
}
