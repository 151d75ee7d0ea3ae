import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tags')
export class TagEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index('UQ_tags_name', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  name: string;
}
