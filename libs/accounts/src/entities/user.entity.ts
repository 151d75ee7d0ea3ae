import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@app/core';
import { Role } from '../models/role.enum';

@Entity('users')
@Index('IDX_users_official_label', ['officialLabel'])
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  // utf8mb4_unicode_ci makes this unique index case-insensitive, as handles are.
  @Index('UQ_users_handle', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  handle: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: Role.MEMBER })
  role: Role;

  @Column({ name: 'official_label', type: 'varchar', length: 64, nullable: true })
  officialLabel: string | null;

  @Column({ name: 'official_since', type: 'datetime', precision: 3, nullable: true })
  officialSince: Date | null;

  /** Raised to revoke every token issued before (tokens carry it as their `ver` claim). */
  @Column({ name: 'token_version', type: 'int', unsigned: true, default: 0 })
  tokenVersion: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
