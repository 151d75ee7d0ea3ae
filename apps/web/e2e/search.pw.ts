import { expect, test } from '@playwright/test';

test('search with the solved filter finds the solved thread, with highlights', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索' }).fill('账户冻结');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('link', { name: /账户突然被冻结/ })).toBeVisible();

  await page.getByRole('checkbox', { name: '只看已解决' }).click();
  await expect(page).toHaveURL(/solved=1/);
  await expect(page.getByRole('checkbox', { name: '只看已解决' })).toBeChecked();
  await expect(results.getByRole('link', { name: /账户突然被冻结/ })).toBeVisible();
  const items = results.locator('.q-item');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(items.nth(i).getByText('已解决')).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();

  // A tag facet narrows the results.
  const facet = page.getByRole('group', { name: '标签' }).getByRole('button').first();
  await facet.click();
  await expect(page).toHaveURL(/tag=/);
});

test('an empty search result offers to ask', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('量子纠缠冰箱保修'));
  await expect(page.getByText('没有找到相关的问题')).toBeVisible();
  await page.getByRole('button', { name: '发布这个问题' }).click();
  await expect(page).toHaveURL(/\/ask\?title=/);
});

test('the home page lists categories; category facets with counts narrow the search', async ({ page }) => {
  await page.goto('/');
  const categories = page.getByRole('region', { name: '问题分类' });
  await expect(categories).toContainText('个已解决');
  await categories.getByRole('link', { name: '安全咨询' }).click();
  await expect(page).toHaveURL(/category=security/);

  const facets = page.getByRole('group', { name: '分类', exact: true });
  const chosen = facets.getByRole('button', { name: /^安全咨询 \(\d+\)$/ });
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  const items = page.getByTestId('search-results').locator('.q-item');
  await expect(items.first()).toBeVisible();
  const n = await items.count();
  for (let i = 0; i < n; i++) await expect(items.nth(i)).toContainText('安全咨询');

  // Choosing it again clears the filter: the other categories come back with their counts.
  await chosen.click();
  await expect(page).not.toHaveURL(/category=/);
  await expect(facets.getByRole('button', { name: /^账户类 \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'false');
});
