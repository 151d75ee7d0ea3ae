import { OcrWord, parseTesseractTsv, regionsToBlur } from './ocr-redaction';
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import { Slots, UploadRefused, assertNotPolyglot, cleanImage, trailingBytes } from './image-pipeline';
import { UrlSigner } from './url-signer';

const word = (line: string, text: string, left: number, top = 10, width = 20, height = 20): OcrWord => ({
  line,
  text,
  left,
  top,
  width,
  height,
});

describe('regionsToBlur', () => {
  it('covers the words of a phone number split by OCR, and nothing else on the line', () => {
    const words = [
      word('1.1.1.1', '联系', 0),
      word('1.1.1.1', '电话', 30),
      word('1.1.1.1', '138', 60),
      word('1.1.1.1', '1234', 90),
      word('1.1.1.1', '5678', 130),
    ];
    const regions = regionsToBlur(words, 400, 100);
    expect(regions).toHaveLength(1);
    expect(regions[0].kind).toBe('PHONE');
    expect(regions[0].x).toBeLessThanOrEqual(60);
    expect(regions[0].x).toBeGreaterThan(45); // 电话 ends at 50
    expect(regions[0].x + regions[0].width).toBeGreaterThanOrEqual(150);
  });

  it('reads lines separately and keeps boxes inside the image', () => {
    const words = [
      word('1.1.1.1', '13812345678', 0, 0, 120, 20),
      word('1.1.1.2', '订单号', 0, 40),
      word('1.1.1.2', '20240101123456789', 30, 40, 160),
    ];
    const regions = regionsToBlur(words, 100, 80);
    expect(regions.map((r) => r.kind)).toEqual(['PHONE']);
    expect(regions[0].x).toBe(0);
    expect(regions[0].y).toBe(0);
    expect(regions[0].x + regions[0].width).toBeLessThanOrEqual(100);
  });

  it('finds e-mail addresses and nothing in plain text', () => {
    expect(regionsToBlur([word('1.1.1.1', 'zhang.san@example.com', 5)], 200, 50).map((r) => r.kind)).toEqual([
      'EMAIL',
    ]);
    expect(regionsToBlur([word('1.1.1.1', '账户冻结', 5), word('1.1.1.1', '申诉', 40)], 200, 50)).toEqual([]);
  });
});

describe('parseTesseractTsv', () => {
  it('keeps level-5 rows with text and their boxes', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t10\t300\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t12\t40\t28\t96.1\t电话',
      '5\t1\t1\t1\t1\t2\t60\t12\t120\t28\t91.0\t13812345678',
      '5\t1\t1\t1\t1\t3\t200\t12\t10\t28\t10.0\t ',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual([
      { line: '1.1.1.1', text: '电话', left: 10, top: 12, width: 40, height: 28 },
      { line: '1.1.1.1', text: '13812345678', left: 60, top: 12, width: 120, height: 28 },
    ]);
  });
});

describe('polyglot checks', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    Buffer.alloc(20),
    Buffer.from('IEND'),
    Buffer.alloc(4),
  ]);

  it('measures data after the end of a PNG or JPEG', () => {
    expect(trailingBytes(png, 'image/png')).toBe(0);
    expect(trailingBytes(Buffer.concat([png, Buffer.alloc(100)]), 'image/png')).toBe(100);
    expect(trailingBytes(Buffer.from([0xff, 0xd8, 1, 2, 0xff, 0xd9]), 'image/jpeg')).toBe(0);
    expect(trailingBytes(Buffer.from([0xff, 0xd8, 1, 2, 0xff, 0xd9, 1, 2, 3]), 'image/jpeg')).toBe(3);
  });

  it('refuses markup, scripts and archives inside or after an image', () => {
    expect(() => assertNotPolyglot(png, 'image/png')).not.toThrow();
    for (const extra of ['<SCRIPT>x', '<html>', '<?php echo 1;', 'PK\u0003\u0004']) {
      const inside = Buffer.concat([png.subarray(0, 10), Buffer.from(extra, 'latin1'), png.subarray(10)]);
      expect(() => assertNotPolyglot(inside, 'image/png')).toThrow(UploadRefused);
    }
  });
});

describe('UrlSigner', () => {
  const signer = new UrlSigner('a-secret-of-at-least-thirty-two-characters');
  const params = { id: '42', variant: 'o' as const, exp: 2000000000, for: '7' };

  it('verifies its own URLs and nothing changed', () => {
    const url = new URL(`http://x${signer.path(params)}`);
    const query = Object.fromEntries(url.searchParams);
    expect(signer.verify('42', query)).toEqual(params);
    expect(signer.verify('43', query)).toBeNull();
    expect(signer.verify('42', { ...query, for: '8' })).toBeNull();
    expect(signer.verify('42', { ...query, v: 'p' })).toBeNull();
    expect(signer.verify('42', { ...query, exp: '2000000001' })).toBeNull();
    expect(signer.verify('42', { ...query, sig: ['a'] })).toBeNull();
    expect(new UrlSigner('another-secret-of-thirty-two-characters!').verify('42', query)).toBeNull();
  });
});

describe('decode slots', () => {
  it('runs at most the limit at once, the rest in order, and frees a slot when a task fails', async () => {
    const slots = new Slots(2);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    let maxRunning = 0;
    const task = (i: number) =>
      slots.run(
        () =>
          new Promise<number>((resolve, reject) => {
            started.push(i);
            maxRunning = Math.max(maxRunning, slots.running);
            releases[i] = () => (i === 1 ? reject(new Error('broken image')) : resolve(i));
          }),
      );
    const all = [0, 1, 2, 3, 4].map((i) => task(i).catch((e: Error) => e.message));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.queued).toBe(3);
    releases[1](); // a failure frees its slot too
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    releases[0]();
    releases[2]();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    releases[3]();
    releases[4]();
    expect(await Promise.all(all)).toEqual([0, 'broken image', 2, 3, 4]);
    expect(maxRunning).toBe(2);
    expect(slots.running).toBe(0);
  });
});

describe('cleanImage drops metadata a photo or screenshot may carry', () => {
  const secret = 'GPS 31.2304,121.4737 13812345678';
  const crc32 = (buf: Buffer): number => {
    let crc = 0xffffffff;
    for (const byte of buf) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const base = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } });

  it('PNG text chunks (tEXt, zTXt, iTXt)', async () => {
    const png = await base().png().toBuffer();
    const iend = png.lastIndexOf(Buffer.from('IEND', 'latin1')) - 4;
    const tagged = Buffer.concat([
      png.subarray(0, iend),
      chunk('tEXt', Buffer.from(`Comment\0${secret}`, 'latin1')),
      chunk('zTXt', Buffer.concat([Buffer.from('Location\0\0', 'latin1'), deflateSync(Buffer.from(secret))])),
      chunk('iTXt', Buffer.from(`Description\0\0\0\0\0${secret}`, 'latin1')),
      png.subarray(iend),
    ]);
    expect(tagged.includes(Buffer.from('13812345678'))).toBe(true);
    expect((await sharp(tagged).metadata()).width).toBe(16); // still a valid PNG
    const out = await cleanImage(tagged);
    expect(out.bytes.includes(Buffer.from('13812345678'))).toBe(false);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.exif, meta.xmp]).toEqual([undefined, undefined]);
  });

  it('JPEG comments and EXIF, and WebP EXIF (re-encoded as PNG)', async () => {
    const jpeg = await base()
      .jpeg()
      .withExif({ IFD0: { ImageDescription: secret } })
      .toBuffer();
    const com = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, secret.length + 2]),
      Buffer.from(secret, 'latin1'),
    ]);
    const commented = Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
    const webp = await base()
      .webp()
      .withExif({ IFD0: { ImageDescription: secret } })
      .toBuffer();
    for (const input of [commented, webp]) {
      expect(input.includes(Buffer.from('13812345678'))).toBe(true);
      const out = await cleanImage(input);
      expect(out.bytes.includes(Buffer.from('13812345678'))).toBe(false);
      expect((await sharp(out.bytes).metadata()).exif).toBeUndefined();
    }
  });
});
