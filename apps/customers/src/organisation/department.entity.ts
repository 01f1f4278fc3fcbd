import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { unique: true })
  code: string;

  @Column('uuid', { nullable: true })
  headId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
