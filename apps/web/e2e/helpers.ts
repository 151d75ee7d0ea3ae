import { expect, type APIRequestContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const PASSWORD = 'demo-password-2024';
export const ARTEFACTS = path.resolve(__dirname, '../../../artefacts/browser');

export async function gql<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

export async function tokenFor(request: APIRequestContext, handle: string, password = PASSWORD): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    request,
    'mutation($input: LoginInput!) { login(input: $input) { token } }',
    { input: { handle, password } },
  );
  return data.login.token;
}

/** Signs the page in without the form (the log-in test covers the form). */
export async function signIn(page: Page, request: APIRequestContext, handle: string): Promise<string> {
  const token = await tokenFor(request, handle);
  await page.addInitScript((t) => localStorage.setItem('qa-forum.token', t), token);
  return token;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(ARTEFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ARTEFACTS, 'screenshots', `${name}.png`), fullPage: true });
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

interface ThreadAnswers {
  id: string;
  title: string;
  answers: { edges: { node: { id: string; isOfficial: boolean; isHidden: boolean; author: { handle: string } } }[] };
}

/** Seeded threads with their answers, to pick fixtures from the demo community. */
export async function threads(request: APIRequestContext): Promise<ThreadAnswers[]> {
  const data = await gql<{ questions: { edges: { node: ThreadAnswers }[] } }>(
    request,
    `{ questions(first: 45) { edges { node { id title answers { edges { node { id isOfficial isHidden author { handle } } } } } } } }`,
  );
  return data.questions.edges.map((e) => e.node);
}
