import { AppError, RequestContext, inTransaction, keyedLoader } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Actor, requireAdmin } from './auth/actor';
import { UserEntity } from './entities/user.entity';
import { OfficialBadgeHooks } from './official-badge.hooks';
import { Role } from './models/role.enum';
import { cleanText } from '@app/core';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly badgeHooks: OfficialBadgeHooks,
  ) {}

  /** The request's user loader: every author, endorser and actor in one request shares one batch. */
  loader(ctx: RequestContext): DataLoader<string, UserEntity | null> {
    return ctx.loader('users.byId', () =>
      keyedLoader<string, UserEntity>(
        (ids) => this.users.findBy({ id: In([...ids]) }),
        (u) => u.id,
      ),
    );
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    if (!/^[A-Za-z0-9_-]{3,32}$/.test(handle)) return Promise.resolve(null);
    return this.users.findOneBy({ handle });
  }

  async getByHandle(handle: string): Promise<UserEntity> {
    const user = await this.findByHandle(handle);
    if (!user) throw AppError.notFound('User', handle);
    return user;
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('User', id);
    return user;
  }

  async setRole(actor: Actor | 'system', userId: string, role: Role): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const user = await this.getById(userId);
    if (!Object.values(Role).includes(role)) throw AppError.badInput('Unknown role', 'role');
    user.role = role;
    return this.users.save(user);
  }

  async grantOfficialBadge(actor: Actor | 'system', userId: string, label: string): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const cleanLabel = cleanText(label, { field: 'label', min: 2, max: 32, singleLine: true });
    const user = await this.getById(userId);
    user.officialSince = user.officialLabel ? user.officialSince : new Date();
    user.officialLabel = cleanLabel;
    return this.users.save(user);
  }

  async revokeOfficialBadge(actor: Actor | 'system', userId: string): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const user = await this.getById(userId);
    user.officialLabel = null;
    user.officialSince = null;
    // One transaction: the badge and every official mark that stood on it go together.
    return inTransaction(this.users.manager.connection, async (m) => {
      const saved = await m.save(UserEntity, user);
      await this.badgeHooks.runRevoked(m, userId, actor === 'system' ? null : actor.id);
      return saved;
    });
  }
}
