import { expect, test } from '@playwright/test';
import { signIn, threads } from './helpers';

test('an official account marks an answer official and an anonymous reader sees the badge', async ({ browser, page, request }) => {
  // The first seeded thread with a member's answer that is not official yet.
  const all = await threads(request);
  const thread = all.find((q) =>
    q.answers.edges.some((e) => !e.node.isOfficial && !e.node.isHidden && e.node.author.handle !== 'alipay_support'),
  );
  expect(thread).toBeDefined();
  const answer = thread!.answers.edges.find((e) => !e.node.isOfficial && e.node.author.handle !== 'alipay_support')!.node;

  await signIn(page, request, 'alipay_support');
  await page.goto(`/q/${thread!.id}`);
  const article = page.locator(`[data-answer-id="${answer.id}"]`);
  await article.getByRole('button', { name: '标记为官方回答' }).click();
  await expect(article.getByTestId('official-badge')).toContainText('支付宝官方客服');

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`/q/${thread!.id}`);
  const seen = reader.locator(`[data-answer-id="${answer.id}"]`);
  await expect(seen.getByTestId('official-badge')).toContainText('官方回答');
  await expect(seen.getByTestId('official-badge')).toContainText('支付宝官方客服');
  await expect(seen).toContainText('最后核实');
  // Readers get no staff controls.
  await expect(reader.getByRole('button', { name: '标记为官方回答' })).toHaveCount(0);
  await anonymous.close();
});

test('the asker accepts an answer; a member says 我也遇到了', async ({ browser, page, request }) => {
  const data = await request.post('/graphql', {
    data: { query: '{ user(handle: "xiaowang") { questions(first: 20) { edges { node { id isSolved answers { edges { node { id } } } } } } } }' },
  });
  const qs = ((await data.json()) as { data: { user: { questions: { edges: { node: { id: string; isSolved: boolean; answers: { edges: { node: { id: string } }[] } } }[] } } } }).data.user.questions.edges.map((e) => e.node);
  const open = qs.find((q) => !q.isSolved && q.answers.edges.length > 0) ?? qs.find((q) => q.answers.edges.length > 0);
  expect(open).toBeDefined();

  await signIn(page, request, 'xiaowang');
  await page.goto(`/q/${open!.id}`);
  await page.getByRole('button', { name: '采纳', exact: true }).first().click();
  await expect(page.getByText('提问者采纳的答案')).toBeVisible();

  const other = await browser.newContext();
  const member = await other.newPage();
  await signIn(member, request, 'alipay_support');
  await member.goto(`/q/${open!.id}`);
  const count = member.getByTestId('me-too-count');
  const before = Number(((await count.textContent()) ?? '0').replace(/\D/g, ''));
  await member.getByRole('button', { name: '我也遇到了' }).click();
  await expect(count).toHaveText(new RegExp(`^${before + 1}`));

  // The member's own vote shows on the answer (viewerVote), also after a reload; pressing it again withdraws it.
  const votable = member.locator('[data-answer-id]').filter({ has: member.getByRole('button', { name: '赞同' }) }).first();
  const id = await votable.getAttribute('data-answer-id');
  const up = () => member.locator(`[data-answer-id="${id}"]`).getByRole('button', { name: '赞同' });
  await expect(up()).toHaveAttribute('aria-pressed', 'false');
  await up().click();
  await expect(up()).toHaveAttribute('aria-pressed', 'true');
  await member.reload();
  await expect(up()).toHaveAttribute('aria-pressed', 'true');
  await up().click();
  await expect(up()).toHaveAttribute('aria-pressed', 'false');
  await other.close();
});
