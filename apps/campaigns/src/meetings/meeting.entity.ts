import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum MeetingSlot {
  AFTERNOON = 'AFTERNOON',
  EVENING = 'EVENING',
}

/** A meeting (联谊会, J-1); with more than one department it is a joint meeting. */
@Entity({ name: 'meetings' })
@Index(['date', 'id'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('date')
  date: string;

  @Column('text')
  slot: MeetingSlot;

  @Column('text')
  venue: string;

  /** Participating departments in the meeting's department order (J-3: the first plans no invitations). */
  @Column('uuid', { array: true })
  departmentIds: string[];

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  /** When it was scheduled (the service's clock): its first obligation day follows from it (J-3, J-7). */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const isJoint = (meeting: Pick<MeetingEntity, 'departmentIds'>) => meeting.departmentIds.length > 1;
