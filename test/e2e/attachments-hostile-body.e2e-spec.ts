import { envSchema } from '@app/core';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { Role } from '@app/accounts';
import { uploadPng } from '../helpers/attachments';
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

  it("keeps a hidden post's images from official accounts, who cannot see the post either", async () => {
    const mod = await t.withRole(await t.register('hb_mod'), Role.MODERATOR);
    const official = await t.official(await t.register('hb_off'));
    const id = await uploadPng(t, alice.token);
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
      {
        input: {
          title: '账户冻结了怎么办',
          body: '截图见附件，申诉没有结果。',
          tags: [],
          attachmentIds: [id],
        },
      },
      alice.token,
    );
    const qid = asked.askQuestion.question.id;
    const ONE = `query($id: ID!) { attachment(id: $id) { id url } }`;
    const before = await t.ok<{ attachment: { url: string } | null }>(ONE, { id }, official.token);
    expect(before.attachment).not.toBeNull();
    await t.ok(
      `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`,
      { i: { targetType: 'QUESTION', targetId: qid, reason: '含有个人信息' } },
      mod.token,
    );
    // The official cannot see the hidden question ...
    const q = await t.gql(`query($id: ID!) { question(id: $id) { id } }`, { id: qid }, official.token);
    expect((q as { data?: { question: unknown } }).data?.question ?? null).toBeNull();
    // ... nor its image: no URL, and the URL made before the hide no longer serves the file.
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, official.token)).attachment).toBeNull();
    const old = await fetch(`${t.url}${before.attachment!.url}`, {
      headers: { authorization: `Bearer ${official.token}` },
    });
    expect(old.status).not.toBe(200);
    // Its author and moderators still do.
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, mod.token)).attachment).not.toBeNull();
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, alice.token)).attachment).not.toBeNull();
  });

  it('shows an upload not on any post to its uploader (and moderators), not to every official account', async () => {
    const mod = await t.withRole(await t.register('hb_mod2'), Role.MODERATOR);
    const official = await t.official(await t.register('hb_off2'));
    const bob = await t.register('hb_bob');
    const id = await uploadPng(t, bob.token); // uploaded, never attached: a private preview
    const ONE = `query($id: ID!) { attachment(id: $id) { id url } }`;
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, official.token)).attachment).toBeNull();
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, bob.token)).attachment).not.toBeNull();
    expect((await t.ok<{ attachment: unknown }>(ONE, { id }, mod.token)).attachment).not.toBeNull();
  });
});

describe('POST /attachments stalled body', () => {
  let t: TestApp;
  let dir: string;
  let alice: TestUser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'attachments-stall-'));
    t = await TestApp.start({ ATTACHMENTS_DIR: dir, UPLOAD_IDLE_TIMEOUT_SECONDS: '1' });
    alice = await t.register('st_alice');
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends the headers and the first half of a valid upload, then nothing: resolves with the answer. */
  function stalledUpload(png: Buffer): Promise<{ status: number; code?: string; socketClosed: boolean }> {
    const boundary = 'xxSTALLxx';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return new Promise((resolve, reject) => {
      const url = new URL(`${t.url}/attachments`);
      const req = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            authorization: `Bearer ${alice.token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + png.length + tail.length,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            const code = (JSON.parse(text) as { error?: { code: string } }).error?.code;
            // The server hangs up: the rest of this body is not waited for.
            const done = () => resolve({ status: res.statusCode ?? 0, code, socketClosed: true });
            if (req.socket?.destroyed) done();
            else req.socket?.once('close', done);
          });
        },
      );
      req.on('error', reject);
      req.write(head);
      req.write(png.subarray(0, Math.floor(png.length / 2)));
      // ... and never the rest: the request stays open until the server gives up on it.
    });
  }

  it('cuts an upload whose body stalls, with 408 UPLOAD_TIMEOUT, keeping no file and no row', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const res = await stalledUpload(png);
    expect(res).toEqual({ status: 408, code: 'UPLOAD_TIMEOUT', socketClosed: true });
    const [{ n }] = (await t.db.query('SELECT COUNT(*) AS n FROM attachments WHERE uploader_id = ?', [
      alice.id,
    ])) as { n: string }[];
    expect(Number(n)).toBe(0);
    expect(readdirSync(dir, { recursive: true }).filter((f) => !String(f).startsWith('.'))).toEqual([]);
    // The next, complete upload goes through.
    await uploadPng(t, alice.token);
    const [{ m }] = (await t.db.query('SELECT COUNT(*) AS m FROM attachments WHERE uploader_id = ?', [
      alice.id,
    ])) as { m: string }[];
    expect(Number(m)).toBe(1);
  });

  it('refuses an idle timeout outside 1–300 s at start', () => {
    const parse = (v: string) =>
      envSchema.safeParse({ ...process.env, UPLOAD_IDLE_TIMEOUT_SECONDS: v }).success;
    expect(parse('0')).toBe(false);
    expect(parse('301')).toBe(false);
    expect(parse('soon')).toBe(false);
    expect(parse('15')).toBe(true);
  });
});
