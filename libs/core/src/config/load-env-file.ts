import * as fs from 'node:fs';

/** Loads `.env` from the working directory when present; real environment variables win. */
export function loadEnvFile(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
