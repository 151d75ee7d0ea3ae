import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The secret a development or test process signs tokens with when JWT_SECRET is unset: 32 random
 * bytes created on first use in `.data/jwt-secret` (git-ignored, mode 0600), so that development
 * tokens survive restarts and every local process (API, worker, CLI, tests) agrees on it, while no
 * secret is ever published in the repository. When the file cannot be written (read-only checkout)
 * the process uses a random secret of its own: tokens then last until it stops.
 */
let cached: string | undefined;

export const DEV_JWT_SECRET_FILE = path.join('.data', 'jwt-secret');

export function developmentJwtSecret(file = DEV_JWT_SECRET_FILE): string {
  if (cached) return cached;
  const fresh = randomBytes(32).toString('hex');
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // `wx`: never overwrite; a process that loses the race to create it reads the winner's secret.
    writeFileSync(file, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    cached = fresh;
  } catch {
    try {
      const existing = readFileSync(file, 'utf8').trim();
      cached = existing.length >= 64 ? existing : fresh;
    } catch {
      cached = fresh;
    }
  }
  return cached;
}

/**
 * Secrets that were published (the old built-in development default) or are placeholders: a
 * production process refuses them whatever their length.
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  'dev-only-secret-change-me-in-production-0123456789',
];
