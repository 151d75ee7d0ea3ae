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
  // The official desk: claims, releases, assignments, hand-offs and target changes …
  desk: same([
    [60, MIN],
    [1000, DAY],
  ]),
  // … and writing or inserting canned replies.
  cannedReply: same([
    [30, MIN],
    [500, DAY],
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
  // Failed logins for one handle from one address before that pair is locked: for the window the first
  // time, twice as long for each further lock within a day (see loginLockSeconds).
  loginFailures: same([[5, 15 * MIN]]),
  // Refused attempts at limited actions (bad input, no rights, not found, conflict), which cost nothing
  // from the action's own budget: per account, and per address for all accounts behind it.
  refused: same([[30, 10 * MIN]]),
  refusedAddress: same([[100, 10 * MIN]]),
  // Deflection records of similarQuestions(draftId:), per account or, signed out, per address.
  draft: same([
    [20, MIN],
    [300, DAY],
  ]),
  // Attachment uploads; the day window is the daily quota.
  upload: {
    newMember: [
      [5, 10 * MIN],
      [10, DAY],
    ],
    member: [
      [20, 10 * MIN],
      [60, DAY],
    ],
    staff: [
      [60, 10 * MIN],
      [500, DAY],
    ],
  },
} satisfies Record<string, RuleSet>;

export type RateAction = keyof typeof DEFAULT_RULES;

/** What one point of each action is, for messages: [verb, one, many]. */
const ACTION_WORDS: Record<RateAction, [string, string, string]> = {
  ask: ['ask', 'question', 'questions'],
  answer: ['post', 'answer', 'answers'],
  vote: ['cast', 'vote', 'votes'],
  accept: ['accept or unaccept', 'answer', 'answers'],
  official: ['mark or re-verify', 'official answer', 'official answers'],
  edit: ['make', 'edit', 'edits'],
  meToo: ['mark or withdraw', '"me too"', '"me too"s'],
  follow: ['follow or unfollow', 'question', 'questions'],
  close: ['close', 'question as a duplicate', 'questions as duplicates'],
  report: ['file', 'report', 'reports'],
  moderate: ['take', 'moderation action', 'moderation actions'],
  click: ['record', 'suggestion click', 'suggestion clicks'],
  desk: ['take', 'desk action', 'desk actions'],
  cannedReply: ['write or insert', 'canned reply', 'canned replies'],
  notifications: ['make', 'notification update', 'notification updates'],
  password: ['make', 'password change attempt', 'password change attempts'],
  subscribe: ['start', 'subscription', 'subscriptions'],
  wsConnect: ['open', 'live connection', 'live connections'],
  register: ['create', 'account', 'accounts'],
  loginIp: ['make', 'sign-in attempt', 'sign-in attempts'],
  loginFailures: ['make', 'failed sign-in', 'failed sign-ins'],
  refused: ['make', 'refused attempt', 'refused attempts'],
  refusedAddress: ['make', 'refused attempt', 'refused attempts'],
  draft: ['record', 'draft suggestion', 'draft suggestions'],
  upload: ['upload', 'image', 'images'],
};

/** Actions counted per client address rather than per account. */
const PER_ADDRESS = new Set<RateAction>(['register', 'loginIp', 'refusedAddress', 'wsConnect']);

const TIER_WHO: Record<Tier, string> = {
  newMember: 'new accounts',
  member: 'members',
  staff: 'staff accounts',
};

/** "20 minutes", "1 hour", "30 seconds", "1 day". */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MIN, 'minute'],
    [1, 'second'],
  ];
  const [size, name] = units.find(([u]) => seconds % u === 0) ?? [1, 'second'];
  const n = seconds / size;
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** The rule in words, e.g. "new accounts can ask 1 question per 20 minutes". */
export function describeLimit(action: RateAction, tier: Tier, [points, seconds]: Window): string {
  const [verb, one, many] = ACTION_WORDS[action];
  const who = PER_ADDRESS.has(action) ? 'each address' : TIER_WHO[tier];
  return `${who} can ${verb} ${points} ${points === 1 ? one : many} per ${describeSeconds(seconds)}`;
}

/**
 * How long a handle stays locked for one address after its n-th lock within a day: the failure
 * window the first time, doubling each time after, never more than a day.
 */
export function loginLockSeconds(windowSeconds: number, lockNumber: number): number {
  const doubled = windowSeconds * 2 ** Math.min(Math.max(lockNumber, 1) - 1, 20);
  return Math.min(doubled, DAY);
}

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
