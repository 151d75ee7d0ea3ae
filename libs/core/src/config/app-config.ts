import { Env, parseEnv } from './env.schema';

/**
 * Typed, read-only access to the validated environment. Built when the application starts (not
 * when modules are imported), so every app instance sees the environment of its own start.
 */
export class AppConfig {
  constructor(private readonly env: Env) {}

  static fromProcessEnv(): AppConfig {
    return new AppConfig(parseEnv(process.env));
  }

  get<K extends keyof Env>(key: K): Env[K] {
    return this.env[key];
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
