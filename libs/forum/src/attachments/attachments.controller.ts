import { Actor, RequestContextFactory, UsersService, isStaff, toActor } from '@app/accounts';
import { AppConfig, AppError, Clock, ErrorCode, RateLimitService, errorStack } from '@app/core';
import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Socket } from 'node:net';
import { AttachmentsService, isStaffFor } from './attachments.service';
import { MAX_UPLOAD_BYTES, UploadRefused } from './image-pipeline';
import { UrlSigner } from './url-signer';

/** A refusal of the REST endpoints: HTTP status plus a JSON body `{ error: { code, message } }`. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const APP_ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Multipart overhead allowed on top of the file (boundaries, part headers). */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Reads the one file part of a multipart request as it streams in, never holding more than the
 * limit: over it, the parse stops and FILE_TOO_LARGE is answered.
 */
function readOneFile(req: Request, idleMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: {
          files: 1,
          fileSize: MAX_UPLOAD_BYTES,
          fields: 4,
          fieldSize: 1024,
          parts: 5,
          headerPairs: 20,
        },
      });
    } catch {
      reject(new HttpRefusal(400, 'BAD_REQUEST', 'Send the image as multipart/form-data with a "file" part'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let sawFile = false;
    let settled = false;
    // A body that stalls is cut after idleMs without a byte (not Node's 5-minute request timeout):
    // a slow client keeps going as long as bytes arrive, a stalled one holds nothing for long.
    let idle: NodeJS.Timeout | null = null;
    const stopIdle = () => {
      if (idle) clearTimeout(idle);
      idle = null;
    };
    const armIdle = () => {
      stopIdle();
      idle = setTimeout(
        () =>
          fail(
            new HttpRefusal(
              408,
              'UPLOAD_TIMEOUT',
              `The upload stalled (nothing received for ${idleMs / 1000} s); send it again`,
            ),
          ),
        idleMs,
      );
      idle.unref();
    };
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      stopIdle();
      chunks.length = 0;
      req.unpipe(bb);
      reject(err);
    };
    armIdle();
    bb.on('file', (name, stream) => {
      if (name !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk);
      });
      stream.on('limit', () => {
        chunks.length = 0;
        fail(
          new UploadRefused('FILE_TOO_LARGE', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
        );
      });
    });
    bb.on('filesLimit', () => undefined);
    bb.on('partsLimit', () =>
      fail(new HttpRefusal(400, 'BAD_REQUEST', 'Too many parts: send one "file" part')),
    );
    bb.on('error', () => fail(new HttpRefusal(400, 'BAD_REQUEST', 'The multipart body is malformed')));
    bb.on('close', () => {
      if (settled) return;
      settled = true;
      stopIdle();
      if (!sawFile) reject(new HttpRefusal(400, 'BAD_REQUEST', 'No "file" part in the request'));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', () => fail(new HttpRefusal(400, 'BAD_REQUEST', 'The upload was interrupted')));
    // The whole body is capped, not only the file part: without a Content-Length (chunked), bytes in
    // other parts, fields or the epilogue would otherwise be read without end.
    let bodySize = 0;
    req.on('data', (chunk: Buffer) => {
      if (!settled) armIdle();
      bodySize += chunk.length;
      if (bodySize > MAX_UPLOAD_BYTES + MULTIPART_SLACK) {
        chunks.length = 0;
        fail(
          new UploadRefused('FILE_TOO_LARGE', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
        );
      }
    });
    req.pipe(bb);
  });
}

/** Whether an If-None-Match header names this ETag (a list, weak or not, or `*`). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

@Controller('attachments')
export class AttachmentsController {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly service: AttachmentsService,
    private readonly contexts: RequestContextFactory,
    private readonly users: UsersService,
    private readonly rateLimits: RateLimitService,
    private readonly signer: UrlSigner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  private async actorOf(req: Request): Promise<Actor | null> {
    const ctx = await this.contexts.create(req.headers, req.ip ?? null);
    if (ctx.tokenError) throw new HttpRefusal(401, 'UNAUTHENTICATED', ctx.tokenError);
    if (!ctx.viewer) return null;
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    return user ? toActor(user) : null;
  }

  /** `POST /attachments` (multipart/form-data, one part named "file"): 201 with the new attachment. */
  @Post()
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      if (!actor) throw new HttpRefusal(401, 'UNAUTHENTICATED', 'You must be signed in to upload images');
      if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
        throw new HttpRefusal(415, 'BAD_REQUEST', 'Send the image as multipart/form-data with a "file" part');
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + MULTIPART_SLACK) {
        throw new UploadRefused(
          'FILE_TOO_LARGE',
          `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
        );
      }
      // Every upload that gets this far costs a point (the per-user limit and the daily quota):
      // checking and re-encoding an image is the expensive part, refused or not.
      await this.rateLimits.consume(
        'upload',
        actor.id,
        this.rateLimits.tierOf({ id: actor.id, createdAt: actor.createdAt, isStaff: isStaff(actor) }),
      );
      const bytes = await readOneFile(req, this.config.get('UPLOAD_IDLE_TIMEOUT_SECONDS') * 1000);
      const a = await this.service.upload(actor, bytes);
      const view = this.service.view(actor, a, false);
      res.status(201).json({ attachment: view });
    } catch (err) {
      this.refuse(req, res, err);
    }
  }

  /** `GET /attachments/:id/file?v&exp&for&sig`: the file, for a valid signed URL only. */
  @Get(':id/file')
  async file(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const params = this.signer.verify(id, req.query as Record<string, unknown>);
      if (!params) throw new HttpRefusal(403, 'BAD_SIGNATURE', 'This link is not valid');
      if (params.exp * 1000 <= this.clock.now().getTime()) {
        throw new HttpRefusal(403, 'URL_EXPIRED', 'This link has expired; reload the page for a new one');
      }
      const a = await this.service.byId(id);
      if (!a) throw new HttpRefusal(404, 'NOT_FOUND', 'No such image');
      const hidden = await this.service.postHidden(a);
      let key: string | null;
      if (params.variant === 'p') {
        if (!this.service.isPublic(a, hidden)) throw new HttpRefusal(404, 'NOT_FOUND', 'No such image');
        key = a.publicKey;
      } else {
        const actor = await this.actorOf(req);
        if (!actor) throw new HttpRefusal(401, 'UNAUTHENTICATED', 'This image is private: sign in to see it');
        if (actor.id !== params.for || !isStaffFor(actor, a, hidden)) {
          throw new HttpRefusal(403, 'FORBIDDEN', 'This link was made for someone else');
        }
        key = a.storageKey;
      }
      if (!key) throw new HttpRefusal(404, 'NOT_FOUND', 'No such image');
      // A post's image can be hidden by a moderator at any time, so no cache may reuse the public copy
      // without asking again: `no-cache` with an ETag makes every reuse a (cheap) revalidation, which
      // a hidden image fails with 404. Copies for one viewer are never stored at all.
      const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;
      res.setHeader('Cache-Control', params.variant === 'p' ? 'public, no-cache' : 'private, no-store');
      if (params.variant === 'p') {
        res.setHeader('ETag', etag);
        if (ifNoneMatch(req.headers['if-none-match'], etag)) {
          res.status(304).end();
          return;
        }
      }
      const bytes = await this.service.store.get(key);
      if (!bytes) throw new HttpRefusal(404, 'NOT_FOUND', 'No such image');
      res.setHeader('Content-Type', a.mimeType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader(
        'Content-Disposition',
        `inline; filename="attachment-${a.id}.${a.mimeType === 'image/jpeg' ? 'jpg' : 'png'}"`,
      );
      res.status(200).end(bytes);
    } catch (err) {
      this.refuse(req, res, err);
    }
  }

  private refuse(req: Request, res: Response, err: unknown): void {
    let status = 500;
    let body: Record<string, unknown> = { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong' };
    if (err instanceof HttpRefusal) {
      status = err.status;
      body = { code: err.code, message: err.message, ...err.extra };
    } else if (err instanceof UploadRefused) {
      status = err.status;
      body = { code: err.reason, message: err.message };
    } else if (err instanceof AppError) {
      status = APP_ERROR_STATUS[err.code] ?? 400;
      body = { code: err.code, message: err.message, ...err.details };
    } else {
      this.logger.error(`attachment request failed: ${errorStack(err)}`);
    }
    if (!req.readableEnded) {
      // The rest of the body is drained, not parsed, for up to 5 s after this answer, and the
      // connection is closed only then (a lingering close): closing a socket while the client is still
      // sending makes the kernel answer with a reset, which can discard the refusal before the client
      // reads it. A stalled body, whose rest is not coming, is cut at once after the answer.
      res.setHeader('Connection', 'close');
      req.unpipe();
      req.resume();
      const stalled = err instanceof HttpRefusal && err.code === 'UPLOAD_TIMEOUT';
      const socket = req.socket;
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      req.once('end', () => clearTimeout(timer));
      if (stalled) res.once('finish', () => setImmediate(() => req.destroy()));
      else lingerAfterResponse(socket);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    // A refusal is never cached (a 404 may be cached by default, and this one may not last).
    res.removeHeader('ETag');
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json({ error: body });
  }
}

/** How long a refused upload's socket lingers for the client's remaining bytes. */
const LINGER_MS = 5000;

/**
 * Keeps reading a socket after its response until the client has sent everything (or the caller's
 * timer destroys it): Node's server would otherwise destroy it as soon as a `Connection: close`
 * response is flushed, with the client's bytes still arriving.
 */
function lingerAfterResponse(socket: Socket, maxMs = LINGER_MS): void {
  const destroy = socket.destroy.bind(socket);
  // Node ends a `Connection: close` response with socket.destroySoon(): end our side (FIN), keep
  // reading, and close once the client has ended too, or after maxMs whatever it does (a client that
  // never closes its side must not hold the socket).
  (socket as Socket & { destroySoon?: () => void }).destroySoon = () => {
    if (socket.writable) socket.end();
    socket.resume();
    if (socket.readableEnded) {
      destroy();
      return;
    }
    const cap = setTimeout(destroy, maxMs);
    cap.unref();
    socket.once('end', () => {
      clearTimeout(cap);
      destroy();
    });
  };
}
