import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of campaigns' outreach events (O-1), kept from `outreach.recorded`. */
@Entity({ name: 'outreach_events' })
export class OutreachEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  departmentId: string;

  @Column('date')
  date: string;

  @Column('uuid', { array: true })
  participantIds: string[];

  @Column('timestamptz')
  recordedAt: Date;
}
