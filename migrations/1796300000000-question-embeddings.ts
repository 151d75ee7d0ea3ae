import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sentence embeddings of question texts for duplicate detection, keyed by the model and the sha256 of
 * the embedded text (not by question): a reindex, a Meilisearch rebuild or an edit that leaves the
 * text alone never embeds again, and a new model simply keys new rows. `vector` is float32
 * little-endian (512 × 4 bytes for bge-small-zh-v1.5).
 */
export class QuestionEmbeddings1796300000000 implements MigrationInterface {
  name = 'QuestionEmbeddings1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`question_embeddings\` (\`model_id\` varchar(64) NOT NULL, \`content_hash\` binary(32) NOT NULL, \`vector\` blob NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`model_id\`, \`content_hash\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`question_embeddings\``);
  }
}
