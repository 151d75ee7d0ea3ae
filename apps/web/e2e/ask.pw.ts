import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('ask: a reworded draft of a solved thread gets suggestions, then the question is posted', async ({ page, request }) => {
  await signIn(page, request, 'xiaowang');
  await page.goto('/ask');
  await page.locator('label').filter({ hasText: '账户类' }).click();
  await expect(page.getByRole('radio', { name: '账户类' })).toBeChecked();
  // The category's template fields appear.
  await page.getByRole('textbox', { name: '被冻结或限制的功能' }).fill('转账和收款');
  await page.getByRole('textbox', { name: '提示的原文' }).fill('您的账户存在异常，已被限制使用');

  // A rewording of the seeded solved thread 账户突然被冻结，提示“账户存在异常”，怎么申请解封？
  await page.getByRole('textbox', { name: '标题' }).fill('账号被冻结了显示异常，怎么才能解除限制');
  const similar = page.getByRole('region', { name: '相似的已解决问题' });
  const hit = similar.getByRole('link', { name: /账户突然被冻结/ });
  await expect(hit).toBeVisible();
  await expect(similar.getByText('已解决').first()).toBeVisible();

  await page.getByRole('textbox', { name: '问题描述' }).fill('昨天开始转账提示账户异常，手机号 13812345678 也收不到验证码，想知道怎么申诉。');
  // Personal data is pointed out before posting.
  await expect(page.getByText('我们隐藏了你的个人信息')).toBeVisible();
  await expect(page.getByText(/138\*{4}5678/).first()).toBeVisible();
  await page.getByRole('textbox', { name: '标签' }).fill('账户冻结 解封');
  await page.getByRole('button', { name: '发布问题' }).click();

  await expect(page).toHaveURL(/\/q\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: '账号被冻结了显示异常，怎么才能解除限制' })).toBeVisible();
  await expect(page.getByText('问题已发布')).toBeVisible();
  await expect(page.locator('.post-body').first()).toContainText('138****5678');
});

test('ask: a validation error is shown at its field, in Chinese', async ({ page, request }) => {
  await signIn(page, request, 'xiaowang');
  await page.goto('/ask');
  await page.getByRole('textbox', { name: '标题' }).fill('登录');
  await page.getByRole('textbox', { name: '问题描述' }).fill('换手机以后登录不了');
  await page.getByRole('button', { name: '发布问题' }).click();
  await expect(page.getByText('标题需要 4–150 个字')).toBeVisible();
  await expect(page).toHaveURL(/\/ask$/);
});

test('ask: "这个解决了我的问题" leaves for the thread without posting', async ({ page, request }) => {
  await signIn(page, request, 'xiaowang');
  await page.goto('/ask');
  await page.getByRole('textbox', { name: '标题' }).fill('旧手机号停用了收不到验证码怎么换绑');
  const similar = page.getByRole('region', { name: '相似的已解决问题' });
  await expect(similar.getByRole('link', { name: /旧手机号已经停用/ })).toBeVisible();
  await similar.getByRole('button', { name: '这个解决了我的问题' }).first().click();
  await expect(page).toHaveURL(/\/q\/\d+$/);
  await expect(page.getByText('草稿不会发布')).toBeVisible();
});
