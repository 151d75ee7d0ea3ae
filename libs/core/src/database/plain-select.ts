import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Plan {
  head: string;
  columns: ColumnMetadata[];
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan>>();

function planOf(meta: EntityMetadata, property: string): Plan {
  let byProperty = plans.get(meta);
  if (!byProperty) {
    byProperty = new Map();
    plans.set(meta, byProperty);
  }
  let plan = byProperty.get(property);
  if (!plan) {
    const key = meta.findColumnWithPropertyName(property);
    if (!key) throw new Error(`${meta.name} has no column ${property}`);
    // What find() selects: the entity's own columns, relation columns declared as properties included
    // (a relation-only join column is virtual), not those marked select: false.
    const seen = new Set<string>();
    const columns = meta.columns.filter((c) => {
      if (c.isVirtual || !c.isSelect || seen.has(c.databaseName)) return false;
      seen.add(c.databaseName);
      return true;
    });
    const list = columns.map((c) => `\`${c.databaseName}\``).join(', ');
    plan = { head: `SELECT ${list} FROM \`${meta.tableName}\` WHERE \`${key.databaseName}\` IN `, columns };
    byProperty.set(property, plan);
  }
  return plan;
}

/**
 * `repository.findBy({ [property]: In(values) })` for hot read paths (the loaders of every thread,
 * list and search page): the same single statement and the same hydrated entities (the driver's
 * conversions and column transformers), without TypeORM's query builder, whose SQL building and
 * row transformation were a visible share of a page's CPU profile (bench:api --profile). The SQL
 * text is built once per entity and column; only the placeholders vary.
 */
export async function selectWhereIn<T extends ObjectLiteral>(
  db: DataSource,
  target: EntityTarget<T>,
  property: keyof T & string,
  values: readonly string[],
): Promise<T[]> {
  if (values.length === 0) return [];
  const meta = db.getMetadata(target);
  const plan = planOf(meta, property);
  const rows = (await db.query(`${plan.head}(${values.map(() => '?').join(', ')})`, [...values])) as Record<
    string,
    unknown
  >[];
  return rows.map((row) => {
    const entity = meta.create(undefined, { fromDeserializer: true }) as T;
    for (const c of plan.columns) {
      const value = row[c.databaseName];
      if (value !== undefined) c.setEntityValue(entity, db.driver.prepareHydratedValue(value, c));
    }
    return entity;
  });
}
