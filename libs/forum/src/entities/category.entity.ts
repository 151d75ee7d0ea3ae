import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
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

  @CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  createdAt: Date;

  @UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
