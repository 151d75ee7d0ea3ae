import { AppConfig } from '@app/core';
import type { S3Client } from '@aws-sdk/client-s3';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Where attachment files live, by content key (sha256 hex of the bytes). */
export abstract class AttachmentStore {
  abstract readonly kind: 'local' | 's3';
  abstract put(key: string, bytes: Buffer, mimeType: string): Promise<void>;
  /** The bytes, or null when no such file exists. */
  abstract get(key: string): Promise<Buffer | null>;
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('attachment keys are sha256 hex digests');
  return key;
}

/** `<dir>/ab/cd/<sha256>`: written to a temporary name and renamed, so a reader never sees half a file. */
export class LocalAttachmentStore extends AttachmentStore {
  readonly kind = 'local';
  constructor(private readonly dir: string) {
    super();
  }

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.dir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes, { mode: 0o600 });
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** Any S3-compatible object store (`@aws-sdk/client-s3`), objects named `attachments/<sha256>`. */
type S3Module = typeof import('@aws-sdk/client-s3');

/** Loaded only when S3 is configured (the SDK is large, and warns about Node versions on load). */
function loadS3(): S3Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@aws-sdk/client-s3') as S3Module;
}

export class S3AttachmentStore extends AttachmentStore {
  readonly kind = 's3';
  private readonly sdk = loadS3();

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  private name(key: string): string {
    return `attachments/${checkKey(key)}`;
  }

  async put(key: string, bytes: Buffer, mimeType: string): Promise<void> {
    try {
      await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.name(key) }));
      return; // content-addressed: the same bytes are already there
    } catch {
      // not there yet (or HEAD refused): write it
    }
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.name(key),
        Body: bytes,
        ContentType: mimeType,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(
        new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.name(key) }),
      );
      if (!res.Body) return null;
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.name(key) }));
  }
}

export function createAttachmentStore(config: AppConfig): AttachmentStore {
  const bucket = config.get('ATTACHMENTS_S3_BUCKET');
  if (!bucket) return new LocalAttachmentStore(path.resolve(config.get('ATTACHMENTS_DIR')));
  const accessKeyId = config.get('ATTACHMENTS_S3_ACCESS_KEY_ID');
  const secretAccessKey = config.get('ATTACHMENTS_S3_SECRET_ACCESS_KEY');
  const client = new (loadS3().S3Client)({
    region: config.get('ATTACHMENTS_S3_REGION'),
    endpoint: config.get('ATTACHMENTS_S3_ENDPOINT'),
    forcePathStyle: config.get('ATTACHMENTS_S3_FORCE_PATH_STYLE'),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  });
  return new S3AttachmentStore(client, bucket);
}
