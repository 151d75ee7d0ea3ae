import { Env, parseEnv } from '../config/env.schema';
import { checkDatabase } from './database-check';
import { assertPortFree } from './port-check';

export interface PreflightOptions {
  /** The address the process will listen on (the API): checked free before anything is built. */
  listenHost?: string;
}

/**
 * What must hold before a process builds its Nest application, checked in the order a newcomer
 * meets them: the environment (every bad variable at once), the database, the port. Each failure
 * throws an error whose message is the plain explanation (see exitOnStartupFailure).
 */
export async function preflight(options: PreflightOptions = {}): Promise<Env> {
  const env = parseEnv(process.env);
  await checkDatabase(env);
  if (options.listenHost !== undefined) await assertPortFree(env.PORT, options.listenHost);
  return env;
}
