import { AppConfig, AppError, Viewer, cleanText, isDuplicateKeyError, maskPersonalText } from '@app/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoginInput, RegisterInput } from '../dto/auth.input';
import { UserEntity } from '../entities/user.entity';
import { Role } from '../models/role.enum';
import { PasswordHasher } from './password-hasher';

export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

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
    if (input.password.length < 8)
      throw AppError.badInput('password must be at least 8 characters', 'password');
    if (input.password.length > 256)
      throw AppError.badInput('password must be at most 256 characters', 'password');
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

  /** Verifies a bearer token without touching the database. */
  verify(token: string): Viewer {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || !/^\d+$/.test(payload.sub)) throw new Error('bad subject');
      return { userId: payload.sub };
    } catch {
      throw AppError.unauthenticated('The token is invalid or has expired; sign in again');
    }
  }

  private async issue(user: UserEntity): Promise<IssuedToken> {
    const expiresIn = this.config.get('JWT_EXPIRES_IN_SECONDS');
    const token = await this.jwt.signAsync({ sub: user.id }, { expiresIn, algorithm: 'HS256' });
    return { token, expiresAt: new Date(Date.now() + expiresIn * 1000), user };
  }
}
