import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents now carry the question's template category (a filter and a facet). No table
 * changes: every question is queued once on the outbox, so the search relay rewrites its document
 * with the category, in production too (where an index built at an earlier schema is not rebuilt
 * behind the operator's back). Questions that already have a pending row are rewritten by that one.
 */
export class SearchCategory1796200000000 implements MigrationInterface {
  name = 'SearchCategory1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO \`outbox_events\` (\`topic\`, \`aggregate_type\`, \`aggregate_id\`, \`payload\`)
       SELECT 'search.document_fields', 'question', q.\`id\`, '{}' FROM \`questions\` q
        WHERE NOT EXISTS (SELECT 1 FROM \`outbox_events\` o
                           WHERE o.\`aggregate_type\` = 'question' AND o.\`aggregate_id\` = q.\`id\`
                             AND o.\`processed_at\` IS NULL)
        ORDER BY q.\`id\``,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM \`outbox_events\` WHERE \`topic\` = 'search.document_fields' AND \`processed_at\` IS NULL`,
    );
  }
}
