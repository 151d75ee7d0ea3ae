import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for statements that read whole tables on hot paths (found by test/e2e/query-plans.e2e-spec.ts):
 * - notifications by question and kind (the notifications relay's "me too solved" look-up, once per
 *   solved question), a full scan of every notice before;
 * - users by official label (the display-name check on every registration and rename reads the badge
 *   labels in use), a full scan of every account before.
 */
export class HotPathIndexes1796400000000 implements MigrationInterface {
  name = 'HotPathIndexes1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`IDX_notifications_question\` ON \`notifications\` (\`question_id\`, \`kind\`)`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_users_official_label\` ON \`users\` (\`official_label\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_users_official_label\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_notifications_question\` ON \`notifications\``);
  }
}
