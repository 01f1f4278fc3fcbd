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

  /** The sign-in name (lower-case), by which a token of the company's own identity provider is mapped. */
  @Column('text', { nullable: true })
  login: string | null;

  /**
   * Bumped by customers whenever the employee's access must end (moved, demoted, deactivated): an access
   * token names the version it was issued at, and a token of an older version is refused.
   */
  @Column('int', { default: 1 })
  sessionVersion: number;

  /** Set when the employee was deactivated: none of their tokens is accepted any more. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @Column('timestamptz')
  savedAt: Date;
}
