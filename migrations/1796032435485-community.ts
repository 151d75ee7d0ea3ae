import { MigrationInterface, QueryRunner } from 'typeorm';

export class Community1796032435485 implements MigrationInterface {
  name = 'Community1796032435485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`me_toos\` (\`user_id\` bigint NOT NULL, \`question_id\` bigint NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_me_toos_question\` (\`question_id\`), PRIMARY KEY (\`user_id\`, \`question_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`question_follows\` (\`user_id\` bigint NOT NULL, \`question_id\` bigint NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_question_follows_question\` (\`question_id\`), PRIMARY KEY (\`user_id\`, \`question_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(`ALTER TABLE \`answers\` ADD \`verified_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`questions\` ADD \`me_too_count\` int NOT NULL DEFAULT '0'`);
    // Back-fill: existing official answers count as verified when written or endorsed, and
    // askers follow their own questions.
    await queryRunner.query(
      `UPDATE \`answers\` SET \`verified_at\` = COALESCE(\`endorsed_at\`, \`created_at\`) WHERE \`is_official\` = 1`,
    );
    await queryRunner.query(
      `INSERT INTO \`question_follows\` (\`user_id\`, \`question_id\`, \`created_at\`) SELECT \`author_id\`, \`id\`, \`created_at\` FROM \`questions\``,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`questions\` DROP COLUMN \`me_too_count\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP COLUMN \`verified_at\``);
    await queryRunner.query(`DROP INDEX \`IDX_question_follows_question\` ON \`question_follows\``);
    await queryRunner.query(`DROP TABLE \`question_follows\``);
    await queryRunner.query(`DROP INDEX \`IDX_me_toos_question\` ON \`me_toos\``);
    await queryRunner.query(`DROP TABLE \`me_toos\``);
  }
}
