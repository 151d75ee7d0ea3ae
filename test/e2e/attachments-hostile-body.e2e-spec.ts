import { request } from 'node:http';
import sharp from 'sharp';
import { TestApp, TestUser } from '../helpers/test-app';

// POST /attachments caps the file part, but the body as a whole must be capped too: a client that
// sends no Content-Length (chunked) must not get a huge body read, whatever part carries the bytes.

function chunkedPost(
  t: TestApp,
  token: string,
  boundary: string,
  pieces: Buffer[],
): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${t.url}/attachments`);
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { error?: { code: string } }).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, code });
        });
      },
    );
    // The server may close early after refusing: that is an answer, not a failure of the test.
    req.on('error', reject);
    (async () => {
      for (const p of pieces) {
        if (req.destroyed) return;
        if (!req.write(p)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(reject);
  });
}

describe('POST /attachments body size', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await TestApp.start({});
    alice = await t.register('hb_alice');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a chunked body far over the limit even when the bulk is in a non-file field', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const boundary = 'xxBOUNDARYxx';
    const pieces: Buffer[] = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n`),
    ];
    // 12 MB of field data (the field is truncated at 1 KB by the parser, but still read).
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 12; i++) pieces.push(mb);
    pieces.push(
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const res = await chunkedPost(t, alice.token, boundary, pieces).catch(() => ({
      status: 0,
      code: 'CONNECTION_CLOSED',
    }));
    expect(res).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
    const [{ n }] = (await t.db.query('SELECT COUNT(*) AS n FROM attachments WHERE uploader_id = ?', [
      alice.id,
    ])) as { n: string }[];
    expect(Number(n)).toBe(0);
  });
});
