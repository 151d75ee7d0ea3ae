import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of askQuestion and postAnswer (issue 18): one row per (user, write, key), inserted
 * in the write's own transaction, so a retried or doubled request finds the post the first one
 * created. Keys are ASCII compared byte for byte; they go with their user, question or answer.
 */
export class IdempotencyKeys1796050000000 implements MigrationInterface {
  name = 'IdempotencyKeys1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`idempotency_keys\` (\`user_id\` bigint NOT NULL, \`operation\` varchar(16) NOT NULL, \`idempotency_key\` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`fingerprint\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`question_id\` bigint NULL, \`answer_id\` bigint NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`user_id\`, \`operation\`, \`idempotency_key\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` ADD CONSTRAINT \`FK_4d2181624ba2d61e76a07175198\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` ADD CONSTRAINT \`FK_1d71df17b61750fa7d910dde5c8\` FOREIGN KEY (\`question_id\`) REFERENCES \`questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` ADD CONSTRAINT \`FK_3b22393e4978e536a691a725358\` FOREIGN KEY (\`answer_id\`) REFERENCES \`answers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` DROP FOREIGN KEY \`FK_3b22393e4978e536a691a725358\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` DROP FOREIGN KEY \`FK_1d71df17b61750fa7d910dde5c8\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`idempotency_keys\` DROP FOREIGN KEY \`FK_4d2181624ba2d61e76a07175198\``,
    );
    await queryRunner.query(`DROP TABLE \`idempotency_keys\``);
  }
}
