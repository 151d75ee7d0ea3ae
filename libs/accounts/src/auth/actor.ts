import { AppError } from '@app/core';
import { UserEntity } from '../entities/user.entity';
import { Role } from '../models/role.enum';

/** The signed-in user performing an action, loaded fresh for the request (roles can change). */
export interface Actor {
  id: string;
  handle: string;
  role: Role;
  isOfficial: boolean;
  createdAt: Date;
}

export function toActor(user: UserEntity): Actor {
  return {
    id: user.id,
    handle: user.handle,
    role: user.role,
    isOfficial: user.officialLabel !== null,
    createdAt: user.createdAt,
  };
}

export function isModerator(actor: Actor): boolean {
  return actor.role === Role.MODERATOR || actor.role === Role.ADMIN;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === Role.ADMIN;
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw AppError.forbidden('Only administrators can do this');
}

/** Moderators, admins and official accounts get the staff rate limits. */
export function isStaff(actor: Actor): boolean {
  return actor.isOfficial || isModerator(actor);
}
