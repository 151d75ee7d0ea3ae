import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate-detection learning data: links between questions that mean the same thing (closed as a
 * duplicate, a clicked suggestion, or imported), and the term weights fitted from them. No foreign
 * keys on purpose: a link is a training example, and one whose question is gone is simply skipped by
 * the refit; imports may arrive before or without the questions they name.
 */
export class SimilarityLinks1796040000000 implements MigrationInterface {
  name = 'SimilarityLinks1796040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`similarity_links\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`question_id\` bigint NOT NULL, \`similar_question_id\` bigint NOT NULL, \`source\` varchar(32) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`UQ_similarity_links_pair\` (\`question_id\`, \`similar_question_id\`, \`source\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`similarity_models\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`last_link_id\` bigint NOT NULL, \`lists\` int NOT NULL, \`snapshot\` longtext NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`similarity_models\``);
    await queryRunner.query(`DROP INDEX \`UQ_similarity_links_pair\` ON \`similarity_links\``);
    await queryRunner.query(`DROP TABLE \`similarity_links\``);
  }
}
