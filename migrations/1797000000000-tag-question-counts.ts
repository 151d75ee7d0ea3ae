import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tags.question_count`: the number of open or solved, visible questions carrying the tag, kept by the
 * writes that change it (ask, tag edits, close as duplicate, hide and restore) in their own
 * transaction. The `tags` query read it from an aggregate over every question_tags row (and its
 * question) on each request before: a cost that grew with the forum (issue 13).
 */
export class TagQuestionCounts1797000000000 implements MigrationInterface {
  name = 'TagQuestionCounts1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tags\` ADD \`question_count\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE \`tags\` t SET t.\`question_count\` = (
         SELECT COUNT(*) FROM \`question_tags\` qt
          INNER JOIN \`questions\` q ON q.\`id\` = qt.\`question_id\`
          WHERE qt.\`tag_id\` = t.\`id\` AND q.\`status\` <> 'CLOSED' AND q.\`hidden_at\` IS NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX \`IDX_tags_question_count\` ON \`tags\` (\`question_count\`, \`name\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_tags_question_count\` ON \`tags\``);
    await queryRunner.query(`ALTER TABLE \`tags\` DROP COLUMN \`question_count\``);
  }
}
