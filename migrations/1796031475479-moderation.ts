import { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1796031475479 implements MigrationInterface {
  name = 'Moderation1796031475479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`reports\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`reporter_id\` bigint NOT NULL, \`target_type\` varchar(16) NOT NULL, \`target_id\` bigint NOT NULL, \`reason\` varchar(500) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'OPEN', \`open_key\` tinyint NULL DEFAULT '1', \`resolved_by_id\` bigint NULL, \`resolved_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_reports_target\` (\`target_type\`, \`target_id\`), INDEX \`IDX_reports_status\` (\`status\`, \`id\`), UNIQUE INDEX \`UQ_reports_open\` (\`reporter_id\`, \`target_type\`, \`target_id\`, \`open_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(`ALTER TABLE \`answers\` ADD \`hidden_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`answers\` ADD \`hidden_by_id\` bigint NULL`);
    await queryRunner.query(`ALTER TABLE \`answers\` ADD \`hidden_reason\` varchar(500) NULL`);
    await queryRunner.query(`ALTER TABLE \`questions\` ADD \`hidden_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`questions\` ADD \`hidden_by_id\` bigint NULL`);
    await queryRunner.query(`ALTER TABLE \`questions\` ADD \`hidden_reason\` varchar(500) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`questions\` DROP COLUMN \`hidden_reason\``);
    await queryRunner.query(`ALTER TABLE \`questions\` DROP COLUMN \`hidden_by_id\``);
    await queryRunner.query(`ALTER TABLE \`questions\` DROP COLUMN \`hidden_at\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP COLUMN \`hidden_reason\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP COLUMN \`hidden_by_id\``);
    await queryRunner.query(`ALTER TABLE \`answers\` DROP COLUMN \`hidden_at\``);
    await queryRunner.query(`DROP INDEX \`UQ_reports_open\` ON \`reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_reports_status\` ON \`reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_reports_target\` ON \`reports\``);
    await queryRunner.query(`DROP TABLE \`reports\``);
  }
}
