import { AppConfig, AppError, ErrorCode, Viewer, cleanText, isDuplicateKeyError, maskPersonalText } from '@app/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DisplayNamePolicy } from '../display-name.policy';
import { LoginInput, RegisterInput } from '../dto/auth.input';
import { UserEntity } from '../entities/user.entity';
import { Role } from '../models/role.enum';
import { PasswordHasher } from './password-hasher';
import { TokenRevocations } from './token-revocations';

export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/** What a signed token says; `ver` must equal the user's token_version for the token to count. */
interface TokenClaims {
  sub?: unknown;
  ver?: unknown;
  exp?: unknown;
}

export const REVOKED_TOKEN_MESSAGE =
  'This token has been revoked (signed out or account changed); sign in again';

function checkNewPassword(password: string, field: string): void {
  if (password.length < 8) throw AppError.badInput(`${field} must be at least 8 characters`, field);
  if (password.length > 256) throw AppError.badInput(`${field} must be at most 256 characters`, field);
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly displayNames: DisplayNamePolicy,
    private readonly revocations: TokenRevocations,
  ) {}

  async register(input: RegisterInput): Promise<IssuedToken> {
    const handle = input.handle.trim();
    if (!HANDLE_PATTERN.test(handle)) {
      throw AppError.badInput('handle must be 3–32 Latin letters, digits, _ or -', 'handle');
    }
    // A display name is public: personal data in it is masked like in posts.
    const displayName = maskPersonalText(
      cleanText(input.displayName, { field: 'displayName', min: 1, max: 40, singleLine: true }),
    );
    checkNewPassword(input.password, 'password');
    // Nobody registers as an official account: names that imitate one are refused.
    await this.displayNames.assertAllowed(displayName, { isOfficial: false });
    if (await this.users.existsBy({ handle })) throw AppError.conflict(`The handle ${handle} is taken`);

    const user = this.users.create({
      handle,
      displayName,
      passwordHash: await this.hasher.hash(input.password),
      role: Role.MEMBER,
      officialLabel: null,
      officialSince: null,
    });
    try {
      await this.users.insert(user);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw AppError.conflict(`The handle ${handle} is taken`);
      throw err;
    }
    return this.issue(await this.users.findOneByOrFail({ id: user.id }));
  }

  async login(input: LoginInput): Promise<IssuedToken> {
    const handle = input.handle.trim();
    const user = HANDLE_PATTERN.test(handle) ? await this.users.findOneBy({ handle }) : null;
    const ok = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.burn(input.password);
    if (!user || !ok) throw AppError.unauthenticated('Wrong handle or password');
    return this.issue(user);
  }

  /**
   * Checks a bearer token's signature, expiry and claims without touching the database: a token
   * without `exp`, or without the token version (`ver`) it was issued with, is refused. Whether that
   * version is still the user's is checked by RequestContextFactory (one indexed read per request).
   */
  verify(token: string): Viewer {
    try {
      const payload = this.jwt.verify<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || !/^\d{1,20}$/.test(payload.sub)) throw new Error('bad subject');
      // jsonwebtoken accepts tokens that never expire; this API issues none and accepts none.
      if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new Error('no exp');
      if (typeof payload.ver !== 'number' || !Number.isSafeInteger(payload.ver) || payload.ver < 0)
        throw new Error('no ver');
      return { userId: payload.sub, tokenVersion: payload.ver };
    } catch {
      throw AppError.unauthenticated('The token is invalid or has expired; sign in again');
    }
  }

  /** Signs out everywhere: every token issued so far stops working, on HTTP and WebSocket. */
  async logout(userId: string): Promise<void> {
    await this.revokeTokens(userId);
  }

  /** Checks the current password, stores the new one and revokes every earlier token. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<IssuedToken> {
    checkNewPassword(newPassword, 'newPassword');
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw AppError.unauthenticated('This account no longer exists');
    if (currentPassword.length > 256 || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'The current password is wrong', {
        field: 'currentPassword',
      });
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.users
      .createQueryBuilder()
      .update()
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id: userId })
      .execute();
    this.revocations.revoked(userId);
    return this.issue(await this.users.findOneByOrFail({ id: userId }));
  }

  /** A fresh token for a user as stored now (e.g. after an admin changed them). */
  async tokenFor(userId: string): Promise<IssuedToken> {
    return this.issue(await this.users.findOneByOrFail({ id: userId }));
  }

  private async revokeTokens(userId: string): Promise<void> {
    await this.users.increment({ id: userId }, 'tokenVersion', 1);
    this.revocations.revoked(userId);
  }

  private async issue(user: UserEntity): Promise<IssuedToken> {
    const expiresIn = this.config.get('JWT_EXPIRES_IN_SECONDS');
    const token = await this.jwt.signAsync(
      { sub: user.id, ver: user.tokenVersion },
      { expiresIn, algorithm: 'HS256' },
    );
    return { token, expiresAt: new Date(Date.now() + expiresIn * 1000), user };
  }
}
