import { AppError, cleanText } from '@app/core';
import { Category, CategoryFieldInput } from './category.models';

// Pure rules of category templates: no I/O, unit-tested in category-details.spec.ts.

export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;
export const MAX_FIELDS = 20;
export const DETAILS_HEADING = '### 补充信息';

export interface Detail {
  key: string;
  value: string;
}

/**
 * Checks the asker's details against the template and renders them as a Markdown section appended
 * to the body (template order, one list item per answered field). Newlines inside a value become
 * spaces so each answer stays one list item.
 */
export function renderDetails(category: Category, details: readonly Detail[]): string {
  const fields = new Map(category.fields.map((f) => [f.key, f]));
  const given = new Map<string, string>();
  details.forEach((d, i) => {
    if (!fields.has(d.key)) {
      throw AppError.badInput(`details ${i + 1} is not a field of category ${category.key}`, 'details');
    }
    if (given.has(d.key)) throw AppError.badInput(`details.${d.key} is given twice`, `details.${d.key}`);
    const value = cleanText(d.value, { field: `details.${d.key}`, min: 1, max: 500 });
    // One line: line breaks and the spaces around them become one space (split, no backtracking).
    given.set(
      d.key,
      value
        .split(/\r\n|[\r\n]/)
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' '),
    );
  });
  for (const f of category.fields) {
    if (f.required && !given.has(f.key)) {
      throw AppError.badInput(
        `details.${f.key} (${f.label}) is required for this category`,
        `details.${f.key}`,
      );
    }
  }
  if (given.size === 0) return '';
  const lines = category.fields
    .filter((f) => given.has(f.key))
    .map((f) => `- **${f.label}**：${given.get(f.key)}`);
  return `\n\n${DETAILS_HEADING}\n${lines.join('\n')}`;
}

export function checkTemplateKey(key: string, field: string): string {
  if (!TEMPLATE_KEY_PATTERN.test(key)) {
    throw AppError.badInput(
      `${field} must be 2–32 lower-case letters, digits or _, starting with a letter`,
      field,
    );
  }
  return key;
}

/** Validates an admin's field list: keys unique and well-formed, labels 1–40 characters. */
export function cleanTemplateFields(fields: readonly CategoryFieldInput[]): CategoryFieldInput[] {
  if (fields.length > MAX_FIELDS) throw AppError.badInput(`at most ${MAX_FIELDS} fields`, 'fields');
  const seen = new Set<string>();
  return fields.map((f, i) => {
    const key = checkTemplateKey(f.key, `fields.${i}.key`);
    if (seen.has(key)) throw AppError.badInput(`field key ${key} is used twice`, `fields.${i}.key`);
    seen.add(key);
    const label = cleanText(f.label, { field: `fields.${i}.label`, min: 1, max: 40, singleLine: true });
    return { key, label, required: f.required === true };
  });
}
