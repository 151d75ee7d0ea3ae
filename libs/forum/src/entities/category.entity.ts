import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@app/core';
import { CategoryFieldEntity } from './category-field.entity';

/** A question category (账户类, 交易纠纷 …) with its template; edited by admins, seeded by a migration. */
@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  // Display order of the category list.
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @OneToMany(() => CategoryFieldEntity, (f) => f.category)
  fields?: CategoryFieldEntity[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
