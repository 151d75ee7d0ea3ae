import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Runs inside the transaction that revokes a badge; `by` is the admin, null for the CLI. */
export type BadgeRevokedHook = (m: EntityManager, userId: string, by: string | null) => Promise<void>;

/**
 * Lets libs above accounts react to a revoked official badge in the same transaction (the forum
 * takes the official mark off answers that stood on it) without accounts depending on them.
 */
@Injectable()
export class OfficialBadgeHooks {
  private readonly revoked: BadgeRevokedHook[] = [];

  onRevoked(hook: BadgeRevokedHook): void {
    this.revoked.push(hook);
  }

  async runRevoked(m: EntityManager, userId: string, by: string | null): Promise<void> {
    for (const hook of this.revoked) await hook(m, userId, by);
  }
}
