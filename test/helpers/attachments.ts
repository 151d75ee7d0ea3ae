import sharp from 'sharp';
import { TestApp } from './test-app';

let shade = 0;

/** Uploads a small generated PNG (a new colour each time) through POST /attachments; returns its id. */
export async function uploadPng(t: TestApp, token: string): Promise<string> {
  shade = (shade + 37) % 0xffffff;
  const png = await sharp({
    create: { width: 16, height: 9, channels: 3, background: `#${shade.toString(16).padStart(6, '0')}` },
  })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'shot.png');
  const res = await fetch(`${t.url}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { attachment?: { id: string }; error?: unknown };
  if (res.status !== 201 || !body.attachment)
    throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.attachment.id;
}

/** Test fixture: marks an attachment published as the uploader's publish would without OCR. */
export async function markPublished(t: TestApp, id: string): Promise<void> {
  await t.db.query(
    `UPDATE attachments SET visibility = 'PUBLIC', public_key = storage_key, redactions = '[]' WHERE id = ?`,
    [id],
  );
}
