import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1796028287384 implements MigrationInterface {
  name = 'InitialSchema1796028287384';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`outbox_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`topic\` varchar(64) NOT NULL, \`aggregate_type\` varchar(32) NOT NULL, \`aggregate_id\` bigint NOT NULL, \`payload\` text NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`available_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`processed_at\` datetime(3) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`last_error\` varchar(1000) NULL, INDEX \`IDX_outbox_pending\` (\`processed_at\`, \`available_at\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`votes\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`user_id\` bigint NOT NULL, \`target_type\` varchar(16) NOT NULL, \`target_id\` bigint NOT NULL, \`value\` tinyint NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`IDX_votes_target\` (\`target_type\`, \`target_id\`), UNIQUE INDEX \`UQ_votes_user_target\` (\`user_id\`, \`target_type\`, \`target_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`tags\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, UNIQUE INDEX \`UQ_tags_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`handle\` varchar(32) NOT NULL, \`display_name\` varchar(80) NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`role\` varchar(16) NOT NULL DEFAULT 'MEMBER', \`official_label\` varchar(64) NULL, \`official_since\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`UQ_users_handle\` (\`handle\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`answers\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`question_id\` bigint NOT NULL, \`author_id\` bigint NOT NULL, \`body\` mediumtext NOT NULL, \`is_official\` tinyint NOT NULL DEFAULT 0, \`endorsed_by_id\` bigint NULL, \`endorsed_at\` datetime(3) NULL, \`score\` int NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`IDX_answers_author\` (\`author_id\`, \`id\`), INDEX \`IDX_answers_question\` (\`question_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`questions\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`author_id\` bigint NOT NULL, \`title\` varchar(600) NOT NULL, \`body\` mediumtext NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'OPEN', \`accepted_answer_id\` bigint NULL, \`accepted_at\` datetime(3) NULL, \`duplicate_of_id\` bigint NULL, \`score\` int NOT NULL DEFAULT '0', \`answer_count\` int NOT NULL DEFAULT '0', \`official_answer_count\` int NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`IDX_questions_author_id\` (\`author_id\`, \`id\`), INDEX \`IDX_questions_status_id\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`question_tags\` (\`question_id\` bigint NOT NULL, \`tag_id\` bigint NOT NULL, \`position\` smallint NOT NULL DEFAULT '0', INDEX \`IDX_question_tags_tag\` (\`tag_id\`, \`question_id\`), PRIMARY KEY (\`question_id\`, \`tag_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`post_revisions\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`target_type\` varchar(16) NOT NULL, \`target_id\` bigint NOT NULL, \`editor_id\` bigint NOT NULL, \`title\` varchar(600) NULL, \`body\` mediumtext NOT NULL, \`tags\` varchar(400) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_post_revisions_target\` (\`target_type\`, \`target_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`answers\` ADD CONSTRAINT \`FK_677120094cf6d3f12df0b9dc5d3\` FOREIGN KEY (\`question_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`answers\` ADD CONSTRAINT \`FK_3a1ad37b311f0f3bdda728e507f\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`answers\` ADD CONSTRAINT \`FK_885505ced50f1c1a4b553ba3abb\` FOREIGN KEY (\`endorsed_by_id\`) REFERENCES \`users\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`questions\` ADD CONSTRAINT \`FK_dcaac7adf4b5af7bc980ec5250e\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`questions\` ADD CONSTRAINT \`FK_8f308c37baf355ee59b66ff3a09\` FOREIGN KEY (\`accepted_answer_id\`) REFERENCES \`answers\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`questions\` ADD CONSTRAINT \`FK_17bb142c2af2039e5d871433ced\` FOREIGN KEY (\`duplicate_of_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`question_tags\` ADD CONSTRAINT \`FK_da3d79ee83f674d9f5fc9cc88d0\` FOREIGN KEY (\`question_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`question_tags\` ADD CONSTRAINT \`FK_497e97015cc760e52aa0b8c2586\` FOREIGN KEY (\`tag_id\`) REFERENCES \`tags\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`question_tags\` DROP FOREIGN KEY \`FK_497e97015cc760e52aa0b8c2586\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`question_tags\` DROP FOREIGN KEY \`FK_da3d79ee83f674d9f5fc9cc88d0\``,
    );
    await queryRunner.query(`ALTER TABLE \`questions\` DROP FOREIGN KEY \`FK_17bb142c2af2039e5d871433ced\``);
    await queryRunner.query(`ALTER TABLE \`questions\` DROP FOREIGN KEY \`FK_8f308c37baf355ee59b66ff3a09\``);
    await queryRunner.query(`ALTER TABLE \`questions\` DROP FOREIGN KEY \`FK_dcaac7adf4b5af7bc980ec5250e\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP FOREIGN KEY \`FK_885505ced50f1c1a4b553ba3abb\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP FOREIGN KEY \`FK_3a1ad37b311f0f3bdda728e507f\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP FOREIGN KEY \`FK_677120094cf6d3f12df0b9dc5d3\``);
    await queryRunner.query(`DROP INDEX \`IDX_post_revisions_target\` ON \`post_revisions\``);
    await queryRunner.query(`DROP TABLE \`post_revisions\``);
    await queryRunner.query(`DROP INDEX \`IDX_question_tags_tag\` ON \`question_tags\``);
    await queryRunner.query(`DROP TABLE \`question_tags\``);
    await queryRunner.query(`DROP INDEX \`IDX_questions_status_id\` ON \`questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_questions_author_id\` ON \`questions\``);
    await queryRunner.query(`DROP TABLE \`questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_answers_question\` ON \`answers\``);
    await queryRunner.query(`DROP INDEX \`IDX_answers_author\` ON \`answers\``);
    await queryRunner.query(`DROP TABLE \`answers\``);
    await queryRunner.query(`DROP INDEX \`UQ_users_handle\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`UQ_tags_name\` ON \`tags\``);
    await queryRunner.query(`DROP TABLE \`tags\``);
    await queryRunner.query(`DROP INDEX \`UQ_votes_user_target\` ON \`votes\``);
    await queryRunner.query(`DROP INDEX \`IDX_votes_target\` ON \`votes\``);
    await queryRunner.query(`DROP TABLE \`votes\``);
    await queryRunner.query(`DROP INDEX \`IDX_outbox_pending\` ON \`outbox_events\``);
    await queryRunner.query(`DROP TABLE \`outbox_events\``);
  }
}
