import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token version per user: every bearer token carries the version it was issued with, and a token
 * whose version is no longer the user's is refused. Raising it (logout, password change, role or
 * badge change) revokes every earlier token of that user at once.
 */
export class TokenVersion1796080000000 implements MigrationInterface {
  name = 'TokenVersion1796080000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`token_version\` int UNSIGNED NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`token_version\``);
  }
}
