import { Role } from '@app/accounts';
import { Clock } from '@app/core';
import { AttachmentsMaintenance, AttachmentsService } from '@app/forum';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import {
  boxStdev,
  chineseScreenshot,
  exifHasGps,
  jpegWithGpsAndRotation,
  noisePng,
  pngBomb,
} from '../helpers/images';
import { TestApp, TestUser, codes } from '../helpers/test-app';

// Issue 16: evidence screenshots. Real images made here with sharp, uploaded over HTTP, and what is
// stored read back from the disk (or the S3-compatible server) the API wrote it to.

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`;
const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const EDIT_Q = `mutation($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`;
const ATTACHMENTS = `query($id: ID!) { question(id: $id) {
  attachments { id width height mimeType visibility url urlExpiresAt automaticCheck redactions { kind } }
  answers { edges { node { id attachments { id visibility url } } } } } }`;
const PUBLISH = `mutation($id: ID!, $c: Boolean) { publishAttachment(id: $id, confirmWithoutCheck: $c) {
  automaticCheck notice blurred { kind x y width height } attachment { id visibility url } } }`;
const DELETE = `mutation($id: ID!) { deleteAttachment(id: $id) }`;
const HIDE = `mutation($i: ModeratePostInput!) { hidePost(input: $i) { isHidden } }`;
const REPORT = `mutation($i: ReportAttachmentInput!) { reportAttachment(input: $i) { id targetType targetId reason } }`;
const REPORTS = `query { reports(first: 50) { edges { node { id reason targetId } } } }`;

interface Uploaded {
  status: number;
  body: {
    attachment?: {
      id: string;
      width: number;
      height: number;
      mimeType: string;
      visibility: string;
      url: string;
    };
    error?: { code: string; message: string };
  };
}

async function upload(
  t: TestApp,
  bytes: Buffer,
  token?: string,
  name = 'screenshot.png',
  type = 'image/png',
): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${t.url}/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Uploaded['body'] };
}

async function get(
  t: TestApp,
  url: string,
  token?: string,
): Promise<{ status: number; bytes: Buffer; code?: string }> {
  const res = await fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status === 200) return { status: 200, bytes };
  return {
    status: res.status,
    bytes,
    code: (JSON.parse(bytes.toString('utf8')) as { error: { code: string } }).error.code,
  };
}

async function storageKey(t: TestApp, id: string): Promise<{ storage: string; public: string | null }> {
  const [row] = (await t.db.query('SELECT storage_key, public_key FROM attachments WHERE id = ?', [id])) as {
    storage_key: string;
    public_key: string | null;
  }[];
  return { storage: row.storage_key, public: row.public_key };
}

function localFile(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), key.slice(2, 4), key);
}

/** Why the OCR test cannot run here (tesseract with its Chinese model, and a CJK font to draw the text), or null. */
async function ocrMissing(): Promise<string | null> {
  const run = (cmd: string, args: string[]) =>
    new Promise<string | null>((resolve) => {
      const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', () => resolve(null));
      child.on('close', (code) => resolve(code === 0 ? out : null));
    });
  const langs = await run('tesseract', ['--list-langs']);
  if (!langs?.split(/\s+/).includes('chi_sim')) {
    return 'tesseract with its Chinese model is not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim)';
  }
  const fonts = await run('fc-list', [':lang=zh', 'family']);
  if (!fonts?.includes('Noto Sans CJK'))
    return 'the Noto CJK fonts are not installed (apt-get install -y fonts-noto-cjk)';
  return null;
}

async function ocrText(png: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', 'chi_sim+eng'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out.replace(/\s+/g, '')));
    child.stdin.end(png);
  });
}

describe('attachments on local disk', () => {
  let t: TestApp;
  let dir: string;
  let alice: TestUser;
  let bob: TestUser;
  let mod: TestUser;
  let official: TestUser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'attachments-'));
    t = await TestApp.start({
      ATTACHMENTS_DIR: dir,
      ATTACHMENTS_PURGE_INTERVAL_MS: '0',
      RATE_LIMIT: 'on',
      RATE_LIMITS: JSON.stringify({
        // 40 uploads a day for new accounts (the quota the last test exhausts); room for the rest.
        upload: {
          newMember: [
            [100, 600],
            [40, 86400],
          ],
        },
        ask: { newMember: [[40, 600]] },
        answer: { newMember: [[40, 600]] },
        edit: { newMember: [[40, 600]] },
      }),
    });
    alice = await t.register('att_alice');
    bob = await t.register('att_bob');
    mod = await t.withRole(await t.register('att_mod'), Role.MODERATOR);
    official = await t.official(await t.register('att_off'));
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => jest.restoreAllMocks());

  it('stores a re-encoded copy: orientation applied, no EXIF or GPS', async () => {
    const original = await jpegWithGpsAndRotation(60, 30);
    const meta = await sharp(original).metadata();
    expect(meta.orientation).toBe(6);
    expect(exifHasGps(meta.exif)).toBe(true);
    const res = await upload(t, original, alice.token, 'holiday.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({
      width: 30,
      height: 60,
      mimeType: 'image/jpeg',
      visibility: 'STAFF_ONLY',
    });
    const key = await storageKey(t, res.body.attachment!.id);
    const stored = await fs.readFile(localFile(dir, key.storage));
    const m = await sharp(stored).metadata();
    expect([m.width, m.height]).toEqual([30, 60]);
    expect(m.exif).toBeUndefined();
    expect(m.xmp).toBeUndefined();
    expect(m.icc).toBeUndefined();
    expect(m.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('secret-maker'))).toBe(false);
    // Rotated 90° clockwise: the red left half is now on top.
    const { data } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // top-left red
    expect(data[2]).toBeLessThan(60);
    const bottom = (59 * 30 + 0) * 3;
    expect(data[bottom + 2]).toBeGreaterThan(200); // bottom-left blue
  });

  it('drops ICC profiles and XMP (colours converted to sRGB)', async () => {
    const original = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#20a040' } })
      .png()
      .withIccProfile('p3')
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="张三 13812345678"/></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    const meta = await sharp(original).metadata();
    expect(meta.icc).toBeDefined();
    expect(meta.xmp).toBeDefined();
    const res = await upload(t, original, alice.token, 'p3.png', 'image/png');
    expect(res.status).toBe(201);
    const stored = await fs.readFile(localFile(dir, (await storageKey(t, res.body.attachment!.id)).storage));
    const m = await sharp(stored).metadata();
    expect([m.icc, m.xmp, m.exif]).toEqual([undefined, undefined, undefined]);
    expect(stored.includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('decides the type by content, not by name or Content-Type', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } })
      .png()
      .toBuffer();
    const asJpeg = await upload(t, png, alice.token, 'photo.jpg', 'image/jpeg');
    expect(asJpeg.status).toBe(201);
    expect(asJpeg.body.attachment?.mimeType).toBe('image/png');
    const lie = await upload(
      t,
      Buffer.from('<html><body>not an image</body></html>'),
      alice.token,
      'a.png',
      'image/png',
    );
    expect(lie.status).toBe(415);
    expect(lie.body.error?.code).toBe('UNSUPPORTED_TYPE');
    const exe = await upload(
      t,
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      alice.token,
      'b.png',
      'image/png',
    );
    expect(exe.body.error?.code).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses SVG, polyglots, oversized files and decompression bombs with a code', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
    );
    const s = await upload(t, svg, alice.token, 'x.png', 'image/png');
    expect([s.status, s.body.error?.code]).toEqual([415, 'SVG_REFUSED']);

    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } })
      .png()
      .toBuffer();
    const appended = await upload(
      t,
      Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]),
      alice.token,
    );
    expect([appended.status, appended.body.error?.code]).toEqual([422, 'POLYGLOT_REFUSED']);
    const zip = Buffer.concat([png, Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect((await upload(t, zip, alice.token)).body.error?.code).toBe('POLYGLOT_REFUSED');

    const big = await noisePng(1400);
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    const tooBig = await upload(t, big, alice.token);
    expect([tooBig.status, tooBig.body.error?.code]).toEqual([413, 'FILE_TOO_LARGE']);

    const bomb = pngBomb(60000, 60000); // 3.6 gigapixels declared in a few hundred bytes
    expect(bomb.length).toBeLessThan(100_000);
    const b = await upload(t, bomb, alice.token);
    expect([b.status, b.body.error?.code]).toEqual([422, 'IMAGE_TOO_LARGE']);
    const justOver = pngBomb(8000, 5001); // 40.008 megapixels
    expect((await upload(t, justOver, alice.token)).body.error?.code).toBe('IMAGE_TOO_LARGE');

    const anon = await upload(t, png);
    expect([anon.status, anon.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const notMultipart = await fetch(`${t.url}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(notMultipart.status).toBe(415);
    // Nothing refused was stored.
    const [{ n }] = (await t.db.query('SELECT COUNT(*) AS n FROM attachments WHERE uploader_id = ?', [
      alice.id,
    ])) as { n: string }[];
    expect(Number(n)).toBe(3); // the rotated JPEG, the P3 PNG and the PNG named .jpg above; nothing refused here
  });

  it('attaches only your own unattached uploads, at most 6; staff-only until published', async () => {
    const png = () =>
      sharp({
        create: {
          width: 10,
          height: 10,
          channels: 3,
          background: `#${Math.floor(Math.random() * 0xffffff)
            .toString(16)
            .padStart(6, '0')}`,
        },
      })
        .png()
        .toBuffer();
    const mine = (await upload(t, await png(), alice.token)).body.attachment!;
    const bobs = (await upload(t, await png(), bob.token)).body.attachment!;
    const input = { title: '账户冻结怎么申诉？', body: '截图见附件，申诉一直没有结果。', tags: [] };
    const other = await t.gql(ASK, { input: { ...input, attachmentIds: [bobs.id] } }, alice.token);
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    const seven = await Promise.all(
      Array.from({ length: 7 }, async () => (await upload(t, await png(), alice.token)).body.attachment!.id),
    );
    expect(codes(await t.gql(ASK, { input: { ...input, attachmentIds: seven } }, alice.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      { input: { ...input, attachmentIds: [mine.id] } },
      alice.token,
    );
    const qid = asked.askQuestion.question.id;
    // Already attached: not again elsewhere.
    expect(
      codes(
        await t.gql(
          ASK,
          { input: { ...input, title: '另一个问题：账户冻结', attachmentIds: [mine.id] } },
          alice.token,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    type Q = { question: { attachments: { id: string; visibility: string; url: string; width: number }[] } };
    const own = await t.ok<Q>(ATTACHMENTS, { id: qid }, alice.token);
    expect(own.question.attachments).toHaveLength(1);
    expect(own.question.attachments[0]).toMatchObject({ id: mine.id, visibility: 'STAFF_ONLY', width: 10 });
    expect((await t.ok<Q>(ATTACHMENTS, { id: qid })).question.attachments).toEqual([]);
    expect((await t.ok<Q>(ATTACHMENTS, { id: qid }, bob.token)).question.attachments).toEqual([]);
    const forMod = (await t.ok<Q>(ATTACHMENTS, { id: qid }, mod.token)).question.attachments;
    const forOfficial = (await t.ok<Q>(ATTACHMENTS, { id: qid }, official.token)).question.attachments;
    expect(forMod.map((a) => a.id)).toEqual([mine.id]);
    expect(forOfficial.map((a) => a.id)).toEqual([mine.id]);

    // The signed URL: the viewer it was made for only, and only until it expires.
    const url = own.question.attachments[0].url;
    const key = await storageKey(t, mine.id);
    const served = await get(t, url, alice.token);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(await fs.readFile(localFile(dir, key.storage)))).toBe(true);
    expect(await get(t, url, bob.token)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await get(t, url, mod.token)).toMatchObject({ status: 403, code: 'FORBIDDEN' }); // made for alice
    expect(await get(t, url)).toMatchObject({ status: 401 });
    expect(await get(t, url.replace(/sig=[^&]+/, 'sig=AAAA'), alice.token)).toMatchObject({
      status: 403,
      code: 'BAD_SIGNATURE',
    });
    expect(await get(t, url.replace('v=o', 'v=p'), alice.token)).toMatchObject({
      status: 403,
      code: 'BAD_SIGNATURE',
    });
    expect((await get(t, forMod[0].url, mod.token)).status).toBe(200);
    const clock = t.app.get(Clock);
    const later = new Date(Date.now() + 301_000);
    jest.spyOn(clock, 'now').mockReturnValue(later);
    expect(await get(t, url, alice.token)).toMatchObject({ status: 403, code: 'URL_EXPIRED' });
    jest.restoreAllMocks();

    // Answers and edits take attachments too; an edit replaces the list.
    const a2 = (await upload(t, await png(), bob.token)).body.attachment!;
    const answered = await t.ok<{ postAnswer: { id: string } }>(
      ANSWER,
      { input: { questionId: qid, body: '我也遇到过，看我的截图', attachmentIds: [a2.id] } },
      bob.token,
    );
    const withAnswer = await t.ok<{
      question: { answers: { edges: { node: { id: string; attachments: { id: string }[] } }[] } };
    }>(ATTACHMENTS, { id: qid }, bob.token);
    expect(withAnswer.question.answers.edges[0].node).toMatchObject({
      id: answered.postAnswer.id,
      attachments: [{ id: a2.id }],
    });
    const second = (await upload(t, await png(), alice.token)).body.attachment!;
    await t.ok(EDIT_Q, { i: { id: qid, attachmentIds: [second.id, mine.id] } }, alice.token);
    expect(
      (await t.ok<Q>(ATTACHMENTS, { id: qid }, alice.token)).question.attachments.map((a) => a.id).sort(),
    ).toEqual([mine.id, second.id].sort());
    await t.ok(EDIT_Q, { i: { id: qid, attachmentIds: [mine.id] } }, alice.token);
    expect(
      (await t.ok<Q>(ATTACHMENTS, { id: qid }, alice.token)).question.attachments.map((a) => a.id),
    ).toEqual([mine.id]);
  });

  it('publishing makes only the redacted copy public; hiding the post hides it; deleting removes the file', async () => {
    const missing = await ocrMissing();
    const shot = await chineseScreenshot(['账户冻结申诉记录', '联系电话 13812345678', '请客服尽快处理']);
    const up = (await upload(t, shot, alice.token)).body.attachment!;
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      { input: { title: '冻结申诉截图', body: '申诉页面截图如下。', tags: [], attachmentIds: [up.id] } },
      alice.token,
    );
    const qid = asked.askQuestion.question.id;
    // Bob cannot see the staff-only image: it answers like a missing one. The moderator sees it.
    expect(codes(await t.gql(PUBLISH, { id: up.id }, bob.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(PUBLISH, { id: up.id }, mod.token))).toEqual(['FORBIDDEN']);
    type P = {
      publishAttachment: {
        automaticCheck: boolean;
        notice: string;
        blurred: { kind: string; x: number; y: number; width: number; height: number }[];
        attachment: { visibility: string; url: string };
      };
    };
    if (missing) {
      console.warn(`attachments: OCR redaction not tested: ${missing}`);
      if (missing.startsWith('tesseract')) {
        // Without OCR the server refuses to publish without the uploader's confirmation.
        const refused = await t.gql(PUBLISH, { id: up.id }, alice.token);
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors?.[0].extensions?.reason).toBe('CONFIRMATION_REQUIRED');
      }
      return;
    }
    const published = (await t.ok<P>(PUBLISH, { id: up.id }, alice.token)).publishAttachment;
    expect(published.automaticCheck).toBe(true);
    expect(published.blurred.map((b) => b.kind)).toEqual(['PHONE']);
    expect(published.notice).toMatch(/PHONE/);
    expect(published.attachment.visibility).toBe('PUBLIC');
    const box = published.blurred[0];
    // The box is on the second line, where the number is.
    expect(box.y).toBeGreaterThan(70);
    expect(box.y).toBeLessThan(160);

    type Q = { question: { attachments: { visibility: string; url: string; automaticCheck: boolean }[] } };
    const anon = (await t.ok<Q>(ATTACHMENTS, { id: qid })).question.attachments;
    expect(anon).toHaveLength(1);
    expect(anon[0]).toMatchObject({ visibility: 'PUBLIC', automaticCheck: true });
    const pub = await get(t, anon[0].url);
    expect(pub.status).toBe(200);
    const keys = await storageKey(t, up.id);
    expect(keys.public).not.toBe(keys.storage);
    expect(pub.bytes.equals(await fs.readFile(localFile(dir, keys.public!)))).toBe(true);
    const original = await fs.readFile(localFile(dir, keys.storage));
    expect(await boxStdev(pub.bytes, box)).toBeLessThan((await boxStdev(original, box)) / 3);
    const text = await ocrText(pub.bytes);
    expect(text).not.toMatch(/1381234|12345678/);
    expect(text).toContain('账户冻结');
    expect(text).toContain('客服');

    // Reports cover attachments and land in the moderators' queue.
    const report = await t.ok<{ reportAttachment: { targetId: string; reason: string } }>(
      REPORT,
      { i: { attachmentId: up.id, reason: '截图里有别人的信息' } },
      bob.token,
    );
    expect(report.reportAttachment).toMatchObject({ targetId: qid });
    const queue = await t.ok<{ reports: { edges: { node: { reason: string } }[] } }>(REPORTS, {}, mod.token);
    expect(queue.reports.edges.map((e) => e.node.reason)).toContain(`[图片 #${up.id}] 截图里有别人的信息`);

    // Hidden post: the public URL stops working at once, and the attachment is staff-only.
    await t.ok(HIDE, { i: { targetType: 'QUESTION', targetId: qid, reason: '含有个人信息' } }, mod.token);
    expect((await get(t, anon[0].url)).status).toBe(404);
    const forMod = (await t.ok<Q>(ATTACHMENTS, { id: qid }, mod.token)).question.attachments;
    expect(forMod[0].visibility).toBe('STAFF_ONLY');

    // Deleting removes the files (both copies).
    expect(codes(await t.gql(DELETE, { id: up.id }, bob.token))).toEqual(['NOT_FOUND']);
    expect(
      (await t.ok<{ deleteAttachment: boolean }>(DELETE, { id: up.id }, alice.token)).deleteAttachment,
    ).toBe(true);
    expect(existsSync(localFile(dir, keys.storage))).toBe(false);
    expect(existsSync(localFile(dir, keys.public!))).toBe(false);
  });

  it('public images are revalidated on every use (no cache keeps serving one a moderator hid); private ones are never stored', async () => {
    const up = (await upload(t, await noisePng(24), alice.token)).body.attachment!;
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      {
        input: {
          title: '缓存与隐藏的图片',
          body: '图片见附件，看看能否显示。',
          tags: [],
          attachmentIds: [up.id],
        },
      },
      alice.token,
    );
    const qid = asked.askQuestion.question.id;
    // The staff-only copy, before publishing: private, never stored, no validator.
    type Q = { question: { attachments: { url: string; visibility: string }[] } };
    const own = (await t.ok<Q>(ATTACHMENTS, { id: qid }, alice.token)).question.attachments;
    const priv = await fetch(`${t.url}${own[0].url}`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(priv.status).toBe(200);
    expect(priv.headers.get('cache-control')).toBe('private, no-store');
    expect(priv.headers.get('etag')).toBeNull();
    await priv.arrayBuffer();

    await t.ok(PUBLISH, { id: up.id, c: true }, alice.token);
    const anon = (await t.ok<Q>(ATTACHMENTS, { id: qid })).question.attachments;
    expect(anon[0].visibility).toBe('PUBLIC');
    const first = await fetch(`${t.url}${anon[0].url}`);
    expect(first.status).toBe(200);
    const cacheControl = first.headers.get('cache-control') ?? '';
    expect(cacheControl).toMatch(/\bpublic\b/);
    expect(cacheControl).toMatch(/\bno-cache\b/);
    expect(cacheControl).not.toMatch(/max-age=[1-9]/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    await first.arrayBuffer();
    // A cache revalidating its copy: unchanged and still visible, 304 with no body.
    const again = await fetch(`${t.url}${anon[0].url}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);

    // Hidden: the next revalidation is refused, and the refusal is not cacheable either.
    await t.ok(HIDE, { i: { targetType: 'QUESTION', targetId: qid, reason: '含有个人信息' } }, mod.token);
    const afterHide = await fetch(`${t.url}${anon[0].url}`, { headers: { 'if-none-match': etag! } });
    expect(afterHide.status).toBe(404);
    expect(afterHide.headers.get('cache-control')).toBe('no-store');
    expect(afterHide.headers.get('etag')).not.toBe(etag);
    expect(((await afterHide.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await get(t, anon[0].url)).status).toBe(404);
  });

  it('publish and delete of an image the actor cannot see answer like a missing one (no probing by id)', async () => {
    const privateUpload = (await upload(t, await noisePng(12), alice.token)).body.attachment!;
    const [{ maxId }] = (await t.db.query('SELECT MAX(id) AS maxId FROM attachments')) as { maxId: string }[];
    const missing = String(BigInt(maxId) + 1000n);
    for (const m of [PUBLISH, DELETE]) {
      expect(codes(await t.gql(m, { id: privateUpload.id }, bob.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(m, { id: missing }, bob.token))).toEqual(['NOT_FOUND']);
      // An official account does not see an upload on no post either.
      expect(codes(await t.gql(m, { id: privateUpload.id }, official.token))).toEqual(['NOT_FOUND']);
    }
    // A published image on a visible post: everyone sees it, so the refusal may say why.
    const asked = await t.ok<{ askQuestion: { question: { id: string } } }>(
      ASK,
      {
        input: {
          title: '公开图片的删除权限',
          body: '图片见附件，别人不能删。',
          tags: [],
          attachmentIds: [privateUpload.id],
        },
      },
      alice.token,
    );
    expect(asked.askQuestion.question.id).toBeTruthy();
    await t.ok(PUBLISH, { id: privateUpload.id, c: true }, alice.token);
    expect(codes(await t.gql(DELETE, { id: privateUpload.id }, bob.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(PUBLISH, { id: privateUpload.id }, bob.token))).toEqual(['FORBIDDEN']);
    // The uploader's image is still there.
    expect(await storageKey(t, privateUpload.id)).toBeTruthy();
  });

  it('purges uploads never attached after a day', async () => {
    const png = await sharp({ create: { width: 12, height: 7, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const orphan = (await upload(t, png, bob.token)).body.attachment!;
    const key = await storageKey(t, orphan.id);
    const maintenance = t.app.get(AttachmentsMaintenance);
    await maintenance.runOnce();
    expect(existsSync(localFile(dir, key.storage))).toBe(true);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 25 * 3600_000));
    expect(await maintenance.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await t.app.get(AttachmentsService).byId(orphan.id)).toBeNull();
    expect(existsSync(localFile(dir, key.storage))).toBe(false);
  });

  it('counts uploads against a per-user limit and daily quota', async () => {
    const png = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#abcdef' } })
      .png()
      .toBuffer();
    const heavy = await t.register('att_heavy');
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await upload(t, png, heavy.token)).status);
    expect(statuses.slice(0, 40).every((s) => s === 201)).toBe(true);
    expect(statuses[40]).toBe(429);
    const refused = await upload(t, png, heavy.token);
    expect(refused.body.error?.code).toBe('RATE_LIMITED');
    expect(refused.body.error?.message).toMatch(/day/);
  });
});

describe('attachments in an S3-compatible store', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as new (o: Record<string, unknown>) => {
    run(): Promise<{ port: number }>;
    close(): Promise<void>;
  };
  let s3: InstanceType<typeof S3rver>;
  let t: TestApp;
  let dir: string;
  let client: S3Client;
  let alice: TestUser;
  const bucket = 'forum-attachments';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 's3rver-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
    const { port } = await s3.run();
    const endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    t = await TestApp.start({
      ATTACHMENTS_S3_BUCKET: bucket,
      ATTACHMENTS_S3_ENDPOINT: endpoint,
      ATTACHMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
      ATTACHMENTS_OCR: 'off',
      ATTACHMENTS_PURGE_INTERVAL_MS: '0',
    });
    alice = await t.register('att_s3');
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the clean image as an object, serves it signed, and deletes it', async () => {
    const res = await upload(t, await jpegWithGpsAndRotation(40, 20), alice.token, 'x.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    const id = res.body.attachment!.id;
    const key = await storageKey(t, id);
    const obj = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: `attachments/${key.storage}` }),
    );
    const stored = Buffer.from(await obj.Body!.transformToByteArray());
    const m = await sharp(stored).metadata();
    expect([m.width, m.height, m.exif, m.orientation]).toEqual([20, 40, undefined, undefined]);
    const served = await get(t, res.body.attachment!.url, alice.token);
    expect(served.bytes.equals(stored)).toBe(true);

    // Without OCR, publishing needs an explicit confirmation and says no check ran.
    const refused = await t.gql(PUBLISH, { id }, alice.token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].extensions?.reason).toBe('CONFIRMATION_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/No automatic check/);
    const ok = await t.ok<{ publishAttachment: { automaticCheck: boolean; notice: string } }>(
      PUBLISH,
      { id, c: true },
      alice.token,
    );
    expect(ok.publishAttachment.automaticCheck).toBe(false);
    expect(ok.publishAttachment.notice).toMatch(/without an automatic check/);

    await t.ok(DELETE, { id }, alice.token);
    await expect(
      client.send(new GetObjectCommand({ Bucket: bucket, Key: `attachments/${key.storage}` })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});
