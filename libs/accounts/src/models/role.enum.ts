import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

export enum BadgeKind {
  OFFICIAL = 'OFFICIAL',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(BadgeKind, { name: 'BadgeKind' });
