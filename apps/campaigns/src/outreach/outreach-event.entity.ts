import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An outreach event (科普, O-1): organised by one department, with the employees who took part. */
@Entity({ name: 'outreach_events' })
export class OutreachEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  departmentId: string;

  /** Business date (BUSINESS_TZ) the event took place. */
  @Column('date')
  date: string;

  /** The participants; archives collected there are divided among them (O-4, in customers). */
  @Column('uuid', { array: true })
  participantIds: string[];

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
