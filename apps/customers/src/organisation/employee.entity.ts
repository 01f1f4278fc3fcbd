import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@crm/auth';

@Entity({ name: 'employees' })
export class EmployeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  /** Null for company-wide roles (general manager, resource director, admin) that belong to no department. */
  @Index()
  @Column('uuid', { nullable: true })
  departmentId: string | null;

  /** What the employee signs in with (stored lower-case); null for staff who have no sign-in yet. */
  @Index({ unique: true })
  @Column('text', { nullable: true })
  login: string | null;

  /**
   * Raised whenever the employee's sessions must end (moved to another department, role changed,
   * deactivated): access tokens carry the version they were issued at, and every service refuses an older
   * one once `employee.saved` has brought the new version to its replica.
   */
  @Column('int', { default: 1 })
  sessionVersion: number;

  /** Set when the employee leaves: they can no longer sign in, and own no customer. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
