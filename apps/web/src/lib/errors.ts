import { CombinedGraphQLErrors } from '@apollo/client';

export interface FieldError {
  /** The input field the server named in extensions.field (e.g. title, body, details.message) */
  field: string | null;
  code: string | null;
  message: string;
}

/** The first GraphQL error of a failed operation, with its code and field. */
export function firstError(error: unknown): FieldError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const e = error.errors[0];
    if (!e) return null;
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    return {
      field: typeof ext.field === 'string' ? ext.field : null,
      code: typeof ext.code === 'string' ? ext.code : null,
      message: e.message,
    };
  }
  return { field: null, code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

/** The input key an error belongs to: `input.title` → `title`, `details.message` stays. */
export function fieldKey(field: string | null): string | null {
  if (!field) return null;
  return field.replace(/^input\./, '');
}
