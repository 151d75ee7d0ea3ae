import { AppError, Clock, RequestContext, inTransaction, keyedLoader, selectWhereIn } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { EntityManager, In, Repository } from 'typeorm';
import { Actor, requireAdmin } from './auth/actor';
import { UserEntity } from './entities/user.entity';
import { OfficialBadgeHooks } from './official-badge.hooks';
import { Role } from './models/role.enum';
import { cleanText, maskPersonalText, rateLimitCheckpoint } from '@app/core';
import { DisplayNamePolicy } from './display-name.policy';
import { TokenRevocations } from './auth/token-revocations';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly displayNames: DisplayNamePolicy,
    private readonly revocations: TokenRevocations,
    private readonly badgeHooks: OfficialBadgeHooks,
    private readonly clock: Clock,
  ) {}

  /** Saves a user; when the change raised the token version, earlier tokens are revoked. */
  private async saveUser(user: UserEntity, versionBefore: number): Promise<UserEntity> {
    const saved = await this.users.save(user);
    if (saved.tokenVersion !== versionBefore) this.revocations.revoked(saved.id);
    return saved;
  }

  /** The request's user loader: every author, endorser and actor in one request shares one batch. */
  loader(ctx: RequestContext): DataLoader<string, UserEntity | null> {
    return ctx.loader('users.byId', () =>
      keyedLoader<string, UserEntity>(
        (ids) => selectWhereIn(this.users.manager.connection, UserEntity, 'id', ids),
        (u) => u.id,
      ),
    );
  }

  /** Current token versions of these users (missing users are absent): one indexed read. */
  async tokenVersions(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({
      select: { id: true, tokenVersion: true },
      where: { id: In([...ids]) },
    });
    return new Map(rows.map((u) => [u.id, u.tokenVersion]));
  }

  /** Roles of these users (missing users are absent); `m` reads inside the caller's transaction. */
  async rolesOf(ids: readonly string[], m: EntityManager = this.users.manager): Promise<Map<string, Role>> {
    if (ids.length === 0) return new Map();
    const rows = await m.find(UserEntity, { select: { id: true, role: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((u) => [String(u.id), u.role]));
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

  /** A role change revokes the user's earlier tokens (they sign in again with the new role). */
  async setRole(actor: Actor | 'system', userId: string, role: Role): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const user = await this.getById(userId);
    if (!Object.values(Role).includes(role)) throw AppError.badInput('Unknown role', 'role');
    const version = user.tokenVersion;
    if (user.role !== role) user.tokenVersion += 1;
    user.role = role;
    return this.saveUser(user, version);
  }

  /**
   * Grants (or relabels) an official badge and revokes the user's earlier tokens. `displayName`
   * optionally renames the account at the same time: the only way to a name such as 支付宝官方客服,
   * which members cannot choose (DisplayNamePolicy).
   */
  async grantOfficialBadge(
    actor: Actor | 'system',
    userId: string,
    label: string,
    options: { displayName?: string | null } = {},
  ): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const cleanLabel = cleanText(label, { field: 'label', min: 2, max: 32, singleLine: true });
    const displayName =
      options.displayName == null
        ? null
        : maskPersonalText(
            cleanText(options.displayName, { field: 'displayName', min: 1, max: 40, singleLine: true }),
          );
    const user = await this.getById(userId);
    const version = user.tokenVersion;
    if (user.officialLabel !== cleanLabel) user.tokenVersion += 1;
    user.officialSince = user.officialLabel ? user.officialSince : this.clock.now();
    user.officialLabel = cleanLabel;
    if (displayName !== null) user.displayName = displayName;
    await rateLimitCheckpoint();
    return this.saveUser(user, version);
  }

  /**
   * Revokes the badge and every token issued while the account was official; a display name only
   * an official account may carry (支付宝官方客服) goes back to the handle.
   */
  async revokeOfficialBadge(actor: Actor | 'system', userId: string): Promise<UserEntity> {
    if (actor !== 'system') requireAdmin(actor);
    const user = await this.getById(userId);
    const version = user.tokenVersion;
    if (user.officialLabel !== null) user.tokenVersion += 1;
    if ((await this.displayNames.imitated(user.displayName)) !== null) {
      // Handles are not checked (alipay_support may be a real official handle): fall back to a neutral name.
      user.displayName =
        (await this.displayNames.imitated(user.handle)) === null ? user.handle : `用户${user.id}`;
    }
    user.officialLabel = null;
    user.officialSince = null;
    // One transaction: the badge and every official mark that stood on it go together.
    const saved = await inTransaction(this.users.manager.connection, async (m) => {
      const row = await m.save(UserEntity, user);
      await this.badgeHooks.runRevoked(m, userId, actor === 'system' ? null : actor.id);
      return row;
    });
    if (saved.tokenVersion !== version) this.revocations.revoked(saved.id);
    return saved;
  }
}
