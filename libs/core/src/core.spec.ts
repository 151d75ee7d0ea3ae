import { readFileSync } from 'node:fs';
import { DEV_JWT_SECRET_FILE } from './config/dev-secret';
import { parseEnv } from './config/env.schema';
import { parseDatabaseUrl } from './database/database-url';
import { AppError } from './errors/app-error';
import { decodeIdCursor, decodeOffsetCursor, encodeCursor, pageSize } from './pagination/cursor';
import { charLength, cleanText } from './text/text';

describe('config', () => {
  it('has safe development defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/qa_forum',
    });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.DB_AUTO_CREATE).toBe(true);
  });

  it('lists every bad variable at once', () => {
    expect(() =>
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y', MEILI_URL: 'not a url' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*MEILI_URL/);
  });

  it('requires JWT_SECRET in production and does not auto-create databases there', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required/);
    const env = parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'production-test-secret-0123456789abcdef' });
    expect(env.DB_AUTO_CREATE).toBe(false);
  });

  it.each([
    ['shorter than 32 bytes', 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5', /JWT_SECRET: must be at least 32 bytes/],
    [
      'the published development secret',
      'dev-only-secret-change-me-in-production-0123456789',
      /published development secret/,
    ],
    ['a placeholder', 'x'.repeat(40), /placeholder/],
  ])('refuses a JWT_SECRET that is %s', (_, secret, message) => {
    expect(() => parseEnv({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(message);
    expect(() => parseEnv({ NODE_ENV: 'development', JWT_SECRET: secret })).toThrow(message);
  });

  it('counts bytes, so 11 Chinese characters (33 bytes) are enough and 10 (30 bytes) are not', () => {
    expect(() => parseEnv({ JWT_SECRET: '支付宝官方客服一二三四' })).not.toThrow();
    expect(() => parseEnv({ JWT_SECRET: '支付宝官方客服一二三' })).toThrow(/32 bytes/);
  });

  it('uses a random development secret kept under .data/, never a published one', () => {
    const a = parseEnv({}).JWT_SECRET;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(parseEnv({ NODE_ENV: 'test' }).JWT_SECRET).toBe(a); // one secret per checkout
    expect(readFileSync(DEV_JWT_SECRET_FILE, 'utf8').trim()).toBe(a);
  });

  it('parses database URLs and refuses odd database names', () => {
    expect(parseDatabaseUrl('mysql://app:p%40ss@db:3307/forum')).toEqual({
      host: 'db',
      port: 3307,
      username: 'app',
      password: 'p@ss',
      database: 'forum',
    });
    expect(() => parseDatabaseUrl('mysql://root@h/forum`; DROP')).toThrow();
  });
});

describe('cursors and pages', () => {
  it('round-trips and rejects foreign cursors', () => {
    expect(decodeIdCursor('q', encodeCursor('q', '42'))).toBe('42');
    expect(decodeOffsetCursor('ao', encodeCursor('ao', 7))).toBe(7);
    expect(() => decodeIdCursor('q', encodeCursor('a', '42'))).toThrow(AppError);
    expect(() => decodeIdCursor('q', encodeCursor('q', '1 OR 1=1'))).toThrow(AppError);
    expect(() => decodeIdCursor('q', '%%%')).toThrow(AppError);
    expect(decodeIdCursor('q', null)).toBeUndefined();
  });

  it('caps page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(50)).toBe(50);
    expect(() => pageSize(51)).toThrow(AppError);
    expect(() => pageSize(0)).toThrow(AppError);
    expect(() => pageSize(1.5)).toThrow(AppError);
  });
});

describe('text', () => {
  it('counts code points', () => {
    expect(charLength('风控😀')).toBe(3);
  });

  it('normalises, trims and validates', () => {
    expect(cleanText('  花呗 ', { field: 'f', min: 1, max: 5 })).toBe('花呗');
    expect(() => cleanText('a\u0000b', { field: 'f', min: 1, max: 5 })).toThrow(/control/);
    expect(() => cleanText('\uD800x', { field: 'f', min: 1, max: 5 })).toThrow(/invalid/);
    expect(() => cleanText('a\nb', { field: 'f', min: 1, max: 5, singleLine: true })).toThrow(/single line/);
  });
});
