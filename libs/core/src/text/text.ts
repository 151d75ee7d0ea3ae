import { AppError } from '../errors/app-error';

/** Length in Unicode code points, so 风控 is 2 and an emoji is 1, not UTF-16 units. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

// C0/C1 control characters other than tab, newline and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export interface TextRule {
  field: string;
  min: number;
  max: number;
  singleLine?: boolean;
}

/** Normalises (NFC, trimmed) and checks a user-supplied text; throws BAD_USER_INPUT naming the field. */
export function cleanText(value: string, rule: TextRule): string {
  const text = value.normalize('NFC').trim();
  if (CONTROL.test(text)) throw AppError.badInput(`${rule.field} contains control characters`, rule.field);
  if (/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
    throw AppError.badInput(`${rule.field} contains invalid characters`, rule.field);
  }
  if (rule.singleLine && /[\r\n]/.test(text)) {
    throw AppError.badInput(`${rule.field} must be a single line`, rule.field);
  }
  const length = charLength(text);
  if (length < rule.min) {
    throw AppError.badInput(
      rule.min <= 1
        ? `${rule.field} must not be empty`
        : `${rule.field} must be at least ${rule.min} characters`,
      rule.field,
    );
  }
  if (length > rule.max)
    throw AppError.badInput(`${rule.field} must be at most ${rule.max} characters`, rule.field);
  return text;
}
