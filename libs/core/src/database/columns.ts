import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// The one shape of the row timestamps (the migrations created every `created_at`/`updated_at` this way):
// DATETIME(3), filled and bumped by MariaDB. Changing an option here changes every table: it needs a
// migration (scripts/schema-drift.ts shows whether the entities still match the migrated schema).

/** `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)`, set by the database on insert. */
export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  });
}

/** `updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`. */
export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  });
}
