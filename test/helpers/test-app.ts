import { AuthService, Role, UsersService } from '@app/accounts';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { isolateTestFile } from './isolated-database';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: unknown[] }[];
  headers: Headers;
}

export interface TestUser {
  id: string;
  handle: string;
  token: string;
}

let seq = 0;

/** Unique handle for this test run (3–32 chars). */
export function uniqueHandle(prefix = 'u'): string {
  seq += 1;
  return `${prefix}_${process.pid.toString(36)}${seq}${Math.random().toString(36).slice(2, 6)}`.slice(0, 32);
}

/** The whole API, booted in-process on a random port and spoken to over real HTTP. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
  ) {}

  /** Boots the API; `env` overrides process.env for this app (restored when it closes). */
  static async start(env: Record<string, string | undefined> = {}): Promise<TestApp> {
    await isolateTestFile();
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    let app: INestApplication;
    try {
      app = await createApiApp();
      await app.listen(0, '127.0.0.1');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, `http://127.0.0.1:${address.port}`);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...extraHeaders,
      },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as Omit<GqlResponse<T>, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...json };
  }

  /** Like gql, but fails the test when the response has errors. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length || !res.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    }
    return res.data;
  }

  async register(prefix = 'u', displayName = '测试用户'): Promise<TestUser> {
    const handle = uniqueHandle(prefix);
    const data = await this.ok<{ register: { token: string; user: { id: string } } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      { input: { handle, password: 'correct horse battery', displayName } },
    );
    return { id: data.register.user.id, handle, token: data.register.token };
  }

  /**
   * Grants a role or an official badge the way the admin CLI does (same service). The change revokes
   * the user's earlier tokens, so `user.token` is replaced by a fresh one (as if they signed in again).
   */
  async withRole(user: TestUser, role: Role): Promise<TestUser> {
    await this.app.get(UsersService).setRole('system', user.id, role);
    user.token = (await this.app.get(AuthService).tokenFor(user.id)).token;
    return user;
  }

  async official(user: TestUser, label = '支付宝官方客服'): Promise<TestUser> {
    await this.app.get(UsersService).grantOfficialBadge('system', user.id, label);
    user.token = (await this.app.get(AuthService).tokenFor(user.id)).token;
    return user;
  }
}

export function codes(res: GqlResponse): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}
