import { defineEvent } from './define-event';
import type { IsoInstant, Uuid } from './domain-types';

/*
 * The organisation (departments, heads, staff) is kept by customers; the other services keep a copy to know
 * who heads a department (fines of J-7 and C-4 fall on the head, C-1 and R-4 visibility) and where an
 * employee works. Each event carries the whole current state, so a consumer upserts and never needs order
 * across different departments or employees.
 */

export interface DepartmentSaved {
  departmentId: Uuid;
  name: string;
  code: string;
  headId: Uuid | null;
  savedAt: IsoInstant;
}

export const departmentSaved = defineEvent<DepartmentSaved>()({
  name: 'department.saved',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'A department was created or changed (its name or head).',
});

export interface EmployeeSaved {
  employeeId: Uuid;
  name: string;
  role: string;
  departmentId: Uuid | null;
  /** The sign-in name, lower-case (null without one; absent in events sent before sign-in existed). */
  login?: string | null;
  /**
   * Raised whenever the employee's sessions must end (moved, demoted, deactivated); every service refuses an
   * access token issued at an older version. Absent in events sent before sessions existed (read as 1).
   */
  sessionVersion?: number;
  /** When the employee was deactivated; null or absent while active. */
  deactivatedAt?: IsoInstant | null;
  savedAt: IsoInstant;
}

export const employeeSaved = defineEvent<EmployeeSaved>()({
  name: 'employee.saved',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'A member of staff was added or changed (role, department, session version or deactivation).',
});
