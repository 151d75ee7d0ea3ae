import { AppError, RequestContext } from '@app/core';
import { Injectable } from '@nestjs/common';
import { AuthService } from './auth.service';

type HeaderBag = Record<string, string | string[] | undefined>;

/** Builds the per-request context from the Authorization header (no database access). */
@Injectable()
export class RequestContextFactory {
  constructor(private readonly auth: AuthService) {}

  create(headers: HeaderBag, ip: string | null = null): RequestContext {
    const header = headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return new RequestContext(null, null, ip);
    const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!match) return new RequestContext(null, 'The Authorization header must be "Bearer <token>"', ip);
    try {
      return new RequestContext(this.auth.verify(match[1]), null, ip);
    } catch (err) {
      return new RequestContext(null, err instanceof AppError ? err.message : 'Invalid token', ip);
    }
  }
}
