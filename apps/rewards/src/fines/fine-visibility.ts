import { isEmployee, Principal, Role } from '@crm/auth';
import { FineErrors } from './fines.errors';

export interface FineFilter {
  employeeId?: string;
  departmentId?: string;
}

const COMPANY_WIDE: readonly Role[] = [Role.GENERAL_MANAGER, Role.ADMIN];

/**
 * R-4 visibility: an employee sees their own fines, a department head their department's (the JWT's
 * departmentId), the general manager and admins everyone's. Answers the filter to apply (a head's employee
 * query is narrowed to their department; no filter means "mine", or "my department's" for a head), or 403.
 */
export function visibleFines(caller: Principal | undefined, asked: FineFilter): FineFilter {
  if (!isEmployee(caller)) throw FineErrors.FINES_NOT_VISIBLE('Partners do not see staff fines');
  if (COMPANY_WIDE.includes(caller.role)) return asked;
  if (asked.employeeId === caller.employeeId && (!asked.departmentId || asked.departmentId === caller.departmentId)) return asked;
  const head = caller.role === Role.DEPARTMENT_HEAD && caller.departmentId ? caller.departmentId : null;
  if (head && (!asked.departmentId || asked.departmentId === head)) return { ...asked, departmentId: head };
  if (!asked.employeeId && !asked.departmentId) return { employeeId: caller.employeeId };
  throw FineErrors.FINES_NOT_VISIBLE(head ? `You see the fines of department ${head} and your own` : 'You see your own fines only');
}
