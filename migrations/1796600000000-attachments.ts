import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded images (evidence screenshots) and what they are attached to (libs/forum/src/attachments). */
export class Attachments1796600000000 implements MigrationInterface {
  name = 'Attachments1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`attachments\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`uploader_id\` bigint NOT NULL, \`storage_key\` char(64) NOT NULL, \`public_key\` char(64) NULL, \`mime_type\` varchar(32) NOT NULL, \`byte_size\` int NOT NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`visibility\` varchar(16) NOT NULL DEFAULT 'STAFF_ONLY', \`target_type\` varchar(16) NULL, \`target_id\` bigint NULL, \`attached_at\` datetime(3) NULL, \`redactions\` json NULL, \`ocr_checked\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_attachments_uploader\` (\`uploader_id\`, \`id\`), INDEX \`IDX_attachments_target\` (\`target_type\`, \`target_id\`), INDEX \`IDX_attachments_orphans\` (\`attached_at\`, \`created_at\`), INDEX \`IDX_attachments_storage\` (\`storage_key\`), INDEX \`IDX_attachments_public\` (\`public_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`attachments\` ADD CONSTRAINT \`FK_attachments_uploader\` FOREIGN KEY (\`uploader_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`attachments\` DROP FOREIGN KEY \`FK_attachments_uploader\``);
    await queryRunner.query(`DROP TABLE \`attachments\``);
  }
}
