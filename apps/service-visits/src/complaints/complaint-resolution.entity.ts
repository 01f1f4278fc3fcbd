import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A complaint's resolution as complaints announced it (C-5): a survey may rate it (V-4). */
@Entity({ name: 'complaint_resolutions' })
export class ComplaintResolutionEntity {
  @PrimaryColumn('uuid')
  complaintId: string;

  @Column('uuid')
  customerId: string;

  /** The employee concerned and their department (C-1): the survey rates their handling of the customer. */
  @Column('uuid')
  employeeId: string;

  @Column('uuid')
  departmentId: string;

  @Column('timestamptz')
  resolvedAt: Date;
}
