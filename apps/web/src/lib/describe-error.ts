import type { TFunction } from 'i18next';
import { fieldKey, firstError } from './errors';

const FIELD_MESSAGES = new Set(['title', 'body', 'tags', 'category', 'handle', 'password', 'displayName', 'reason']);

/** A readable message, in the page's language, for a failed operation. */
export function describeError(error: unknown, t: TFunction, labels: Record<string, string> = {}): string {
  const e = firstError(error);
  if (!e) return '';
  const field = fieldKey(e.field);
  switch (e.code) {
    case 'RATE_LIMITED': {
      const seconds = /in (\d{1,9}) ?s\b/.exec(e.message)?.[1] ?? '60';
      return t('errors.RATE_LIMITED', { seconds });
    }
    case 'BAD_USER_INPUT':
      if (field && FIELD_MESSAGES.has(field)) return t(`errors.field.${field}`);
      if (field?.startsWith('details.')) {
        const key = field.slice('details.'.length);
        return t('errors.field.detail', { label: labels[key] ?? key });
      }
      if (field === 'category') return t('errors.field.category');
      return t('errors.BAD_USER_INPUT', { message: e.message });
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'SERVICE_UNAVAILABLE':
    case 'NETWORK':
      return t(`errors.${e.code}`);
    case 'CONFLICT':
      return t('errors.CONFLICT', { message: e.message });
    default:
      return t('common.error', { message: e.message });
  }
}

/** The input field a failed operation is about (title, body, tags, details.<key>…), when the server named one. */
export function errorField(error: unknown): string | null {
  const e = firstError(error);
  if (!e) return null;
  if (e.code === 'RATE_LIMITED') return 'submit';
  return fieldKey(e.field);
}
