import { UserEntity } from './entities/user.entity';
import { BadgeKind, Role } from './models/role.enum';
import { Badge, User } from './models/user.model';

export function badgesOf(user: Pick<UserEntity, 'role' | 'officialLabel'>): Badge[] {
  const badges: Badge[] = [];
  if (user.officialLabel) badges.push({ kind: BadgeKind.OFFICIAL, label: user.officialLabel });
  if (user.role === Role.ADMIN) badges.push({ kind: BadgeKind.ADMIN, label: '管理员' });
  if (user.role === Role.MODERATOR) badges.push({ kind: BadgeKind.MODERATOR, label: '版主' });
  return badges;
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    handle: entity.handle,
    displayName: entity.displayName,
    role: entity.role,
    isOfficial: entity.officialLabel !== null,
    officialLabel: entity.officialLabel,
    badges: badgesOf(entity),
    createdAt: entity.createdAt,
  };
}
