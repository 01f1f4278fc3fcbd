import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * J-12: a customer a department lined up to speak or to lead others at a joint meeting (发言、带动顾客), reserved
 * to that department for the meeting from the handed-in sheet that listed them as such. The primary key is the
 * rule: one department holds a speaker, the first whose sheet named them.
 */
@Entity({ name: 'speaker_reservations' })
export class SpeakerReservationEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @Column('uuid')
  departmentId: string;

  /** The sheet that named the customer a speaker. */
  @Column('uuid')
  sheetId: string;

  @Column('timestamptz')
  reservedAt: Date;
}
