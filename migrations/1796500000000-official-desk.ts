import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official desk: claims (one row per thread, so one owner), first-response targets per category,
 * first responses recorded per thread, reminders sent (one per thread), hand-offs to private support,
 * canned replies and the audit trail of desk actions.
 */
export class OfficialDesk1796500000000 implements MigrationInterface {
  name = 'OfficialDesk1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const tail = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await queryRunner.query(
      `CREATE TABLE \`desk_claims\` (\`question_id\` bigint NOT NULL, \`user_id\` bigint NOT NULL, \`assigned_by_id\` bigint NULL, \`claimed_at\` datetime(3) NOT NULL, \`last_activity_at\` datetime(3) NOT NULL, INDEX \`IDX_desk_claims_user\` (\`user_id\`), PRIMARY KEY (\`question_id\`)) ${tail}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_targets\` (\`category_key\` varchar(32) NOT NULL, \`first_response_minutes\` int NOT NULL, \`remind_before_minutes\` int NOT NULL, \`updated_by_id\` bigint NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`category_key\`)) ${tail}`,
    );
    await queryRunner.query(
      `INSERT INTO \`desk_targets\` (\`category_key\`, \`first_response_minutes\`, \`remind_before_minutes\`) SELECT \`key\`, CASE \`key\` WHEN 'account' THEN 120 WHEN 'security' THEN 240 WHEN 'transaction' THEN 480 ELSE 1440 END, CASE \`key\` WHEN 'account' THEN 30 WHEN 'security' THEN 60 ELSE 120 END FROM \`categories\``,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_first_responses\` (\`question_id\` bigint NOT NULL, \`responded_at\` datetime(3) NOT NULL, \`answer_id\` bigint NOT NULL, \`responder_id\` bigint NULL, \`seconds\` int NOT NULL, \`target_minutes\` int NOT NULL, INDEX \`IDX_desk_first_responses_at\` (\`responded_at\`), PRIMARY KEY (\`question_id\`)) ${tail}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_reminders\` (\`question_id\` bigint NOT NULL, \`sent_at\` datetime(3) NOT NULL, \`recipient_count\` int NOT NULL, PRIMARY KEY (\`question_id\`)) ${tail}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_handoffs\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`question_id\` bigint NOT NULL, \`case_reference\` varchar(24) NOT NULL, \`channel\` varchar(16) NOT NULL, \`reason\` varchar(500) NOT NULL, \`opened_by_id\` bigint NOT NULL, \`opened_at\` datetime(3) NOT NULL, \`open_question_id\` bigint NULL, \`closed_by_id\` bigint NULL, \`closed_at\` datetime(3) NULL, \`outcome\` varchar(300) NULL, UNIQUE INDEX \`UQ_desk_handoffs_case\` (\`case_reference\`), UNIQUE INDEX \`UQ_desk_handoffs_open\` (\`open_question_id\`), INDEX \`IDX_desk_handoffs_question\` (\`question_id\`, \`id\`), INDEX \`IDX_desk_handoffs_opened\` (\`opened_at\`), PRIMARY KEY (\`id\`)) ${tail}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`canned_replies\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`category_key\` varchar(32) NULL, \`title\` varchar(80) NOT NULL, \`body\` text NOT NULL, \`usage_count\` int NOT NULL DEFAULT 0, \`created_by_id\` bigint NOT NULL, \`updated_by_id\` bigint NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`IDX_canned_replies_category\` (\`category_key\`, \`id\`), PRIMARY KEY (\`id\`)) ${tail}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`desk_actions\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`actor_id\` bigint NOT NULL, \`action\` varchar(32) NOT NULL, \`question_id\` bigint NULL, \`subject_user_id\` bigint NULL, \`detail\` varchar(300) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_desk_actions_question\` (\`question_id\`, \`id\`), PRIMARY KEY (\`id\`)) ${tail}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'desk_actions',
      'canned_replies',
      'desk_handoffs',
      'desk_reminders',
      'desk_first_responses',
      'desk_targets',
      'desk_claims',
    ]) {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  }
}
