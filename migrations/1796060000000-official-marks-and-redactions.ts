import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History of official marks on answers (endorsed, withdrawn, dropped by an edit or a revoked badge),
 * and moderator redaction of old revisions (the text goes, who redacted it and why stays).
 */
export class OfficialMarksAndRedactions1796060000000 implements MigrationInterface {
  name = 'OfficialMarksAndRedactions1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`official_mark_changes\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`answer_id\` bigint NOT NULL, \`question_id\` bigint NOT NULL, \`kind\` varchar(16) NOT NULL, \`reason\` varchar(32) NOT NULL, \`actor_id\` bigint NULL, \`vouched_by_id\` bigint NULL, \`verified_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_official_mark_changes_answer\` (\`answer_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`post_revisions\` ADD \`redacted_at\` datetime(3) NULL, ADD \`redacted_by_id\` bigint NULL, ADD \`redaction_reason\` varchar(500) NULL`,
    );
    // Hidden official or accepted answers no longer solve a thread: recount existing threads under the
    // new rule (run `reindex` afterwards so the search documents follow).
    await queryRunner.query(
      `UPDATE \`questions\` q SET q.\`official_answer_count\` = (SELECT COUNT(*) FROM \`answers\` a WHERE a.\`question_id\` = q.\`id\` AND a.\`is_official\` = 1 AND a.\`hidden_at\` IS NULL)`,
    );
    await queryRunner.query(
      `UPDATE \`questions\` q SET q.\`status\` = CASE WHEN q.\`duplicate_of_id\` IS NOT NULL THEN 'CLOSED' WHEN q.\`official_answer_count\` > 0 OR EXISTS (SELECT 1 FROM \`answers\` a WHERE a.\`id\` = q.\`accepted_answer_id\` AND a.\`hidden_at\` IS NULL) THEN 'SOLVED' ELSE 'OPEN' END`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`post_revisions\` DROP COLUMN \`redaction_reason\`, DROP COLUMN \`redacted_by_id\`, DROP COLUMN \`redacted_at\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_official_mark_changes_answer\` ON \`official_mark_changes\``);
    await queryRunner.query(`DROP TABLE \`official_mark_changes\``);
  }
}
