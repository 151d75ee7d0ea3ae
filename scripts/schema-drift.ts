// Schema drift check: migrates a fresh database, then prints what TypeORM would still change to match
// the entities (createSchemaBuilder().log()) and, with --metadata, every entity column and index as
// TypeORM sees it. Run before and after a refactor of entity decorators: identical output means the
// refactor changes no column name, type, precision, default or index (and needs no migration).
//   DATABASE_URL=mariadb://root@127.0.0.1:3306/x \
//     node -r ts-node/register/transpile-only -r tsconfig-paths/register scripts/schema-drift.ts [--metadata]
// (mariadb:// selects TypeORM's MariaDB dialect; with mysql:// against MariaDB it reports dozens of
// spurious differences. Only the server of DATABASE_URL is used: the database is a fresh one, dropped after.)
import 'reflect-metadata';
import { createDataSource } from '../libs/core/src/database/data-source';
import { dropDatabase, ensureDatabase } from '../libs/core/src/database/ensure-database';

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/qa_forum');
  base.pathname = `/schema_drift_${process.pid}`;
  const url = base.toString();
  process.env.DATABASE_URL = url;
  await ensureDatabase(url);
  const ds = createDataSource();
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    console.log(`migrations: ${ran.length}; entities: ${ds.entityMetadatas.length}; drift queries: ${sql.upQueries.length}`);
    for (const q of sql.upQueries) console.log(`  ${q.query}`);
    if (process.argv.includes('--metadata')) {
      for (const m of [...ds.entityMetadatas].sort((a, b) => a.tableName.localeCompare(b.tableName))) {
        console.log(`table ${m.tableName}`);
        for (const c of m.columns) {
          const def = typeof c.default === 'function' ? `fn:${String(c.default())}` : JSON.stringify(c.default);
          const kind = c.isCreateDate ? ' create-date' : c.isUpdateDate ? ' update-date' : '';
          console.log(
            `  ${c.databaseName} ${String(c.type)}(${c.length}/${String(c.precision)}/${String(c.scale)}) ` +
              `null=${c.isNullable} default=${def} onUpdate=${c.onUpdate ?? ''} prop=${c.propertyPath}${kind}`,
          );
        }
        for (const i of m.indices) {
          console.log(`  index ${i.name} (${i.columns.map((c) => c.databaseName).join(',')}) unique=${i.isUnique}`);
        }
      }
    }
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
