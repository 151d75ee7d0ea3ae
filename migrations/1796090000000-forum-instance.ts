import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity of this database: one row holding a generated instance id, written the first time a
 * process asks for it (not here, so that a schema copied into a new database gets an id of its own).
 * Search indexes record it, and the API compares it at start-up: an index built from another database
 * is never served as if it mirrored this one (libs/search/src/identity).
 */
export class ForumInstance1796090000000 implements MigrationInterface {
  name = 'ForumInstance1796090000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`forum_instance\` (\`id\` tinyint UNSIGNED NOT NULL, \`instance_id\` char(36) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`forum_instance\``);
  }
}
