// Pure rules of the official desk (no I/O), unit-tested in desk.rules.spec.ts.

/** Hotline and in-app channel of private support, named in the asker's notice and the public note. */
export const SUPPORT_CHANNELS = {
  HOTLINE: '客服热线 95188',
  IN_APP: 'App 内「我的客服」',
} as const;

export type SupportChannel = keyof typeof SUPPORT_CHANNELS;

/** The public note on a thread handed off to private support: it never asks for personal data here. */
export function privateSupportNote(channel: SupportChannel): string {
  return `此问题已转人工处理：官方客服将通过${SUPPORT_CHANNELS[channel]}跟进。请勿在帖子中公开身份证号、银行卡号、手机号或交易单号等个人信息。`;
}

/** Case references: CS, the UTC day of the hand-off, and the hand-off's id (unique, not guessable from the thread). */
export function caseReference(openedAt: Date, handoffId: string): string {
  const day = openedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `CS${day}${handoffId.padStart(6, '0')}`;
}

export const TEMPLATE_VARIABLES = ['asker', 'category', 'thread_url'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * Fills {asker}, {category} and {thread_url} in a canned reply. Unknown braces stay as written (a
 * reply may contain literal braces); each known variable may appear any number of times.
 */
export function renderTemplate(body: string, vars: Record<TemplateVariable, string>): string {
  return body.replace(/\{(asker|category|thread_url)\}/g, (_, name: TemplateVariable) => vars[name]);
}

/** Variables a template uses that the desk does not know (shown as a warning to its writer). */
export function unknownVariables(body: string): string[] {
  const found = [...body.matchAll(/\{([a-z_]{1,32})\}/g)].map((m) => m[1]);
  return [...new Set(found.filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v)))];
}

/** Nearest-rank percentile of a list of numbers (null for an empty list). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

/** A claim is held while its owner was active within the idle time. */
export function claimActive(lastActivityAt: Date, now: Date, idleMinutes: number): boolean {
  return now.getTime() - lastActivityAt.getTime() < idleMinutes * 60000;
}

/** The UTC day (YYYY-MM-DD) of a time. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The UTC days from `from` (inclusive) to `to` (exclusive), both given as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86400000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
