import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service's copy of a department, kept from `department.saved` (customers owns the original). */
@Entity({ name: 'departments' })
export class DepartmentReplica {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  code: string;

  @Column('uuid', { nullable: true })
  headId: string | null;

  /** When customers saved this state: an older event never overwrites a newer one. */
  @Column('timestamptz')
  savedAt: Date;
}

/** A service's copy of a member of staff, kept from `employee.saved`. */
@Entity({ name: 'employees' })
export class EmployeeReplica {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  role: string;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  @Column('timestamptz')
  savedAt: Date;
}
