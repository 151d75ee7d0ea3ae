import { expect, test } from '@playwright/test';
import { gql, PASSWORD, signIn, threads } from './helpers';

test('log in with the form, change the password, then log out (the server revokes the tokens)', async ({ page, request }) => {
  test.setTimeout(120_000); // three password hashes and two sign-ins on a busy machine
  // An account of its own: logging out revokes every token of the account, other tests' included.
  const handle = `pw${Date.now().toString(36)}`;
  await gql(request, 'mutation($input: RegisterInput!) { register(input: $input) { token } }', {
    input: { handle, password: PASSWORD, displayName: '改密码的人' },
  });
  await page.goto('/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(handle);
  await page.getByLabel('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: '登录' }).last().click();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).last().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.getByRole('link', { name: /通知/ })).toBeVisible();

  // Change the password on the own profile: the page stays signed in with the new token.
  await page.getByRole('link', { name: /我的主页/ }).click();
  const before = await page.evaluate(() => localStorage.getItem('qa-forum.token'));
  await page.getByLabel('当前密码').fill(PASSWORD);
  await page.getByLabel('新密码').fill('a-new-password-2');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('qa-forum.token'))).not.toBe(before);
  const token = await page.evaluate(() => localStorage.getItem('qa-forum.token'));
  const meWith = async (bearer: string | null) =>
    (await (
      await request.post('/graphql', { data: { query: '{ me { id } }' }, headers: { authorization: `Bearer ${bearer}` } })
    ).json()) as { data?: { me: { id: string } | null } | null; errors?: { extensions?: { code?: string } }[] };
  // The page holds the new token, which works; the old one was revoked by the change.
  expect((await meWith(token)).data?.me?.id).toBeTruthy();
  expect((await meWith(before)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  // Logged out on the server too: the token the page held no longer works.
  const body = await meWith(token);
  expect(body.data?.me ?? null).toBeNull();
  expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // The new password signs in.
  const login = await gql<{ login: { token: string } }>(
    request,
    'mutation($input: LoginInput!) { login(input: $input) { token } }',
    { input: { handle, password: 'a-new-password-2' } },
  );
  expect(login.login.token).toBeTruthy();
});

test('the header switches to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '切换语言' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Switch language' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
});

test('a notification arrives live over graphql-ws', async ({ page, request }) => {
  await signIn(page, request, 'xiaowang');
  const mine = await gql<{ user: { questions: { edges: { node: { id: string } }[] } } }>(
    request,
    '{ user(handle: "xiaowang") { questions(first: 1) { edges { node { id } } } } }',
  );
  const questionId = mine.user.questions.edges[0].node.id;
  await page.goto('/');
  const bell = page.getByRole('link', { name: /^通知/ });
  await expect(bell).toBeVisible();
  const before = Number((await bell.getAttribute('aria-label'))?.replace(/\D/g, '') ?? '0');

  // Someone else answers xiaowang's question; the page is not reloaded.
  const handle = `helper${Date.now().toString(36)}`;
  const reg = await gql<{ register: { token: string } }>(
    request,
    'mutation($input: RegisterInput!) { register(input: $input) { token } }',
    { input: { handle, password: 'correct horse battery', displayName: '热心路人' } },
  );
  // Give the socket time to subscribe: retry the answer until the bell moves (at most a few times).
  await expect(async () => {
    await gql(
      request,
      'mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }',
      { input: { questionId, body: `试试在安全中心重新做一次人脸验证。${Math.random()}` } },
      reg.register.token,
    );
    await expect(bell).not.toHaveAttribute('aria-label', `通知，${before} 条未读`, { timeout: 4000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('toast').filter({ hasText: '热心路人' }).first()).toBeVisible();

  await bell.click();
  await expect(page.getByTestId('notification-list')).toContainText('热心路人');
});

test('a moderator hides a reported answer from the queue; readers no longer see it', async ({ browser, page, request }) => {
  const all = await threads(request);
  // From the middle of the list: the other tests use the newest threads and the frozen-account one.
  const thread = all.slice(Math.floor(all.length / 2)).find((q) => !/冻结|手机号/.test(q.title) && q.answers.edges.some((e) => !e.node.isOfficial && !e.node.isHidden));
  expect(thread).toBeDefined();
  const answer = thread!.answers.edges.find((e) => !e.node.isOfficial && !e.node.isHidden)!.node;
  const reporter = answer.author.handle === 'xiaowang' ? 'alipay_support' : 'xiaowang';
  const reporterToken = await (async () => {
    const d = await gql<{ login: { token: string } }>(request, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
      i: { handle: reporter, password: PASSWORD },
    });
    return d.login.token;
  })();
  await gql(
    request,
    'mutation($input: ReportPostInput!) { reportPost(input: $input) { id } }',
    { input: { targetId: answer.id, targetType: 'ANSWER', reason: '广告引流，留了私人联系方式' } },
    reporterToken,
  );

  await signIn(page, request, 'mod_lin');
  await page.goto('/mod');
  const report = page.getByTestId('report-list').locator('li').filter({ hasText: `#${answer.id}` });
  await expect(report).toContainText('广告引流');
  await report.getByRole('button', { name: '隐藏内容' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('违反社区规范：广告');
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(report).toHaveCount(0);

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`/q/${thread!.id}`);
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reader.locator(`[data-answer-id="${answer.id}"]`)).toHaveCount(0);
  await anonymous.close();
});
