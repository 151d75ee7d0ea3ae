import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { gql, screenshot, signIn } from './helpers';

test('ask: a screenshot gets a cover box, is uploaded with a preview and shows on the thread for its uploader', async ({ page, request }) => {
  const token = await signIn(page, request, 'xiaowang');
  await page.goto('/ask');
  // A white "screenshot" with a red band (x 20–220, y 20–80); the box drawn covers x 10–150, y 10–90.
  const band = await sharp({ create: { width: 200, height: 60, channels: 3, background: '#ff0000' } }).png().toBuffer();
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ffffff' } })
    .composite([{ input: band, left: 20, top: 20 }])
    .png()
    .toBuffer();
  await page.locator('input[type=file]').setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });

  const dialog = page.getByRole('dialog', { name: '遮挡个人信息后上传' });
  await expect(dialog).toBeVisible();
  const canvas = dialog.getByLabel('截图，拖动画框遮挡');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const sx = box.width / 400;
  const sy = box.height / 200;
  await page.mouse.move(box.x + 10 * sx, box.y + 10 * sy);
  await page.mouse.down();
  await page.mouse.move(box.x + 80 * sx, box.y + 50 * sy, { steps: 5 });
  await page.mouse.move(box.x + 150 * sx, box.y + 90 * sy, { steps: 5 });
  await page.mouse.up();
  await dialog.getByRole('button', { name: /上\s?传/ }).click();

  await expect(page.getByRole('img', { name: '截图预览' })).toBeVisible();
  await expect(page.getByText('仅工作人员可见')).toBeVisible();
  await screenshot(page, 'ask-attachment-desktop');

  await page.getByRole('textbox', { name: '标题' }).fill('转账截图显示账户受限，怎么处理');
  await page.getByRole('textbox', { name: '问题描述' }).fill('截图是转账时的提示页面，已经遮挡了个人信息。');
  await page.getByRole('button', { name: '发布问题' }).click();
  await expect(page).toHaveURL(/\/q\/\d+$/);
  // The uploader sees the staff-only image on the thread (fetched with their token).
  await expect(page.getByRole('img', { name: '帖子附带的截图' })).toBeVisible();

  // What the server stored has the box drawn in: the red band is black where it was covered.
  const id = /\/q\/(\d+)$/.exec(page.url())![1];
  const data = await gql<{ question: { attachments: { url: string; width: number; height: number }[] } }>(
    request,
    'query($id: ID!) { question(id: $id) { attachments { url width height } } }',
    { id },
    token,
  );
  expect(data.question.attachments).toHaveLength(1);
  const file = await request.get(data.question.attachments[0].url, { headers: { authorization: `Bearer ${token}` } });
  expect(file.status()).toBe(200);
  const { data: raw, info } = await sharp(await file.body()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => Array.from(raw.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
  expect([info.width, info.height]).toEqual([400, 200]);
  expect(at(100, 50).every((c) => c < 30)).toBe(true); // covered part of the band: black
  expect(at(200, 50)[0]).toBeGreaterThan(200); // uncovered part of the band: still red
  expect(at(200, 50)[1]).toBeLessThan(60);
  expect(at(300, 150).every((c) => c > 225)).toBe(true); // background: white
});
