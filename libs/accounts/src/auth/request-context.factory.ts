import { AppError, RequestContext } from '@app/core';
import { Injectable } from '@nestjs/common';
import { UsersService } from '../users.service';
import { AuthService, REVOKED_TOKEN_MESSAGE } from './auth.service';

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Builds the per-request context from the Authorization header. A signed, unexpired token must
 * also carry the user's current token version: one read of the user by primary key per request
 * (through the request's user loader, so guards and resolvers that need the user reuse that row).
 */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async create(headers: HeaderBag, ip: string | null = null): Promise<RequestContext> {
    const header = headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return new RequestContext(null, null, ip);
    const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!match) return new RequestContext(null, 'The Authorization header must be "Bearer <token>"', ip);
    let ctx: RequestContext;
    try {
      ctx = new RequestContext(this.auth.verify(match[1]), null, ip);
    } catch (err) {
      return new RequestContext(null, err instanceof AppError ? err.message : 'Invalid token', ip);
    }
    const viewer = ctx.viewer;
    if (!viewer) return ctx;
    const user = await this.users.loader(ctx).load(viewer.userId);
    if (!user) return new RequestContext(null, 'This account no longer exists', ip);
    if (user.tokenVersion !== viewer.tokenVersion) return new RequestContext(null, REVOKED_TOKEN_MESSAGE, ip);
    return ctx;
  }
}
