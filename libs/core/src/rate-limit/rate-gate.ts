import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The point of no return of a rate-limited action. A limited mutation runs inside a gate (see
 * RateLimitInterceptor in libs/accounts); the gate takes the action's rate-limit point the first time
 * the action is about to write, that is after its input, rights and visibility checks, so a refused
 * action never costs a point, and a limited one answers its validation error first.
 */
export interface RateGate {
  /** Takes the point (once per action); throws RATE_LIMITED when the action's budget is spent. */
  pass(): Promise<void>;
}

const gates = new AsyncLocalStorage<RateGate>();

export function runWithRateGate<T>(gate: RateGate, work: () => Promise<T>): Promise<T> {
  return gates.run(gate, work);
}

/**
 * Called right before a limited action's first write: by `inTransaction` for every write that uses
 * it, explicitly by the few writes that do not. A no-op outside a limited action.
 */
export async function rateLimitCheckpoint(): Promise<void> {
  await gates.getStore()?.pass();
}
