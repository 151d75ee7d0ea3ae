import { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunityExtras1796033435684 implements MigrationInterface {
  name = 'CommunityExtras1796033435684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`outbox_cursors\` (\`consumer\` varchar(64) NOT NULL, \`last_event_id\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`consumer\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`suggestion_drafts\` (\`draft_id\` varchar(64) NOT NULL, \`user_id\` bigint NULL, \`first_shown_at\` datetime(3) NULL, \`shown_count\` int NOT NULL DEFAULT '0', \`shown_question_ids\` varchar(420) NULL, \`clicked_at\` datetime(3) NULL, \`clicked_question_id\` bigint NULL, \`posted_question_id\` bigint NULL, \`posted_at\` datetime(3) NULL, \`last_event_at\` datetime(3) NOT NULL, INDEX \`IDX_suggestion_drafts_first_shown\` (\`first_shown_at\`), PRIMARY KEY (\`draft_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notifications\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`user_id\` bigint NOT NULL, \`kind\` varchar(32) NOT NULL, \`event_id\` bigint NOT NULL, \`question_id\` bigint NOT NULL, \`answer_id\` bigint NULL, \`actor_id\` bigint NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`read_at\` datetime(3) NULL, INDEX \`IDX_notifications_user_unread\` (\`user_id\`, \`read_at\`), INDEX \`IDX_notifications_user\` (\`user_id\`, \`id\`), UNIQUE INDEX \`UQ_notifications_event\` (\`user_id\`, \`event_id\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`category_fields\` (\`category_key\` varchar(32) NOT NULL, \`field_key\` varchar(32) NOT NULL, \`label\` varchar(80) NOT NULL, \`required\` tinyint NOT NULL DEFAULT 0, \`position\` smallint NOT NULL DEFAULT '0', PRIMARY KEY (\`category_key\`, \`field_key\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`categories\` (\`key\` varchar(32) NOT NULL, \`name\` varchar(40) NOT NULL, \`position\` smallint NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`key\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`accept_reminders\` (\`question_id\` bigint NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`question_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(`ALTER TABLE \`answers\` ADD \`source_question_id\` bigint NULL`);
    await queryRunner.query(`ALTER TABLE \`questions\` ADD \`category_key\` varchar(32) NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_questions_category\` ON \`questions\` (\`category_key\`, \`id\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`category_fields\` ADD CONSTRAINT \`FK_979eb6ac274e13062b4343d244b\` FOREIGN KEY (\`category_key\`) REFERENCES \`categories\`(\`key\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Seed: the four categories with what an asker should have ready. Admins edit them later
    // with upsertCategory, no deploy needed.
    await queryRunner.query(
      `INSERT INTO \`categories\` (\`key\`, \`name\`, \`position\`) VALUES ('account', '账户类', 1), ('transaction', '交易纠纷', 2), ('security', '安全咨询', 3), ('other', '其他', 4)`,
    );
    await queryRunner.query(
      `INSERT INTO \`category_fields\` (\`category_key\`, \`field_key\`, \`label\`, \`required\`, \`position\`) VALUES ('account', 'restriction', '被冻结或限制的功能', 1, 1), ('account', 'message', '提示的原文', 1, 2), ('account', 'verification_tried', '已经尝试过的验证', 0, 3), ('transaction', 'order_number', '订单号', 1, 1), ('transaction', 'merchant', '商家', 1, 2), ('transaction', 'amount', '金额', 1, 3), ('transaction', 'date', '交易日期', 1, 4), ('security', 'device_or_city_changed', '手机或城市是否变更', 1, 1), ('security', 'message', '提示的原文', 1, 2), ('security', 'happened_at', '发生时间', 1, 3), ('other', 'tried', '已经尝试过的办法', 0, 1)`,
    );
    // Notifications start from the events written after this migration, not from history.
    await queryRunner.query(
      `INSERT INTO \`outbox_cursors\` (\`consumer\`, \`last_event_id\`) SELECT 'notifications', COALESCE(MAX(\`id\`), 0) FROM \`outbox_events\``,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`category_fields\` DROP FOREIGN KEY \`FK_979eb6ac274e13062b4343d244b\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_questions_category\` ON \`questions\``);
    await queryRunner.query(`ALTER TABLE \`questions\` DROP COLUMN \`category_key\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP COLUMN \`source_question_id\``);
    await queryRunner.query(`DROP TABLE \`accept_reminders\``);
    await queryRunner.query(`DROP TABLE \`categories\``);
    await queryRunner.query(`DROP TABLE \`category_fields\``);
    await queryRunner.query(`DROP INDEX \`UQ_notifications_event\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_notifications_user\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_notifications_user_unread\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_suggestion_drafts_first_shown\` ON \`suggestion_drafts\``);
    await queryRunner.query(`DROP TABLE \`suggestion_drafts\``);
    await queryRunner.query(`DROP TABLE \`outbox_cursors\``);
  }
}
