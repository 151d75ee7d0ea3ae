import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an official account works the desk: the seeded backlog, a claim, canned replies and figures', async ({ page, request }) => {
  await signIn(page, request, 'alipay_support');
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: '官方工作台' })).toBeVisible();
  const queue = page.getByTestId('desk-queue');
  await expect(queue.locator('li').first()).toBeVisible();
  // The demo has one thread held by 支付宝安全中心; claiming an unclaimed one shows 官方处理中.
  const before = await queue.getByText('官方处理中').count();
  await queue.getByRole('button', { name: '认领' }).first().click();
  await expect(queue.getByText('官方处理中')).toHaveCount(before + 1);

  await page.getByRole('tab', { name: '快捷回复' }).click();
  await expect(page.getByTestId('canned-list').locator('li')).not.toHaveCount(0);

  await page.getByRole('tab', { name: '数据' }).click();
  await expect(page.getByRole('img', { name: '每日提问' })).toBeVisible();
});

test('members do not get the desk', async ({ page, request }) => {
  await signIn(page, request, 'xiaowang');
  await page.goto('/staff');
  await expect(page.getByRole('alert')).toContainText('只有官方账号和版主');
  await expect(page.getByRole('link', { name: '官方工作台' })).toHaveCount(0);
});

test('a thread an official account claims shows 官方处理中 to an anonymous reader', async ({ page, request, browser }) => {
  await signIn(page, request, 'alipay_support');
  await page.goto('/staff');
  const queue = page.getByTestId('desk-queue');
  const unclaimed = queue.locator('li').filter({ has: page.getByRole('button', { name: '认领' }) }).first();
  const href = await unclaimed.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/q\/\d+$/);
  await unclaimed.getByRole('button', { name: '认领' }).click();

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(new URL(href!, page.url()).toString());
  await expect(reader.locator('.q-meta').getByText('官方处理中')).toBeVisible();
  await anonymous.close();
});
