import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CategoryEntity } from './category.entity';

/** One thing an asker of a category should say (e.g. "the exact message shown"). */
@Entity('category_fields')
export class CategoryFieldEntity {
  @PrimaryColumn({ name: 'category_key', type: 'varchar', length: 32 })
  categoryKey: string;

  @PrimaryColumn({ name: 'field_key', type: 'varchar', length: 32 })
  fieldKey: string;

  @Column({ type: 'varchar', length: 80 })
  label: string;

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToOne(() => CategoryEntity, (c) => c.fields, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_key' })
  category?: CategoryEntity;
}
