/**
 * C-4: where a customer goes when their complaint was not resolved in time. Pure: the loads come in.
 *
 * The receiving department is the one with the fewest customers per serving employee (EMPLOYEE or
 * DEPARTMENT_HEAD), ties broken by department code; a department without serving employees cannot receive.
 * Ratios are compared by cross-multiplying integers, so 1/3 and 2/6 tie exactly. Inside it, the serving
 * employee with the fewest customers receives (ties by id), never the customer's current owner; when the
 * best department has no one else, the next department is tried.
 */

export interface DepartmentLoad {
  departmentId: string;
  code: string;
  employees: number;
  customers: number;
}

export interface EmployeeLoad {
  employeeId: string;
  customers: number;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Departments able to receive, best first. */
export function rankDepartments(departments: readonly DepartmentLoad[]): DepartmentLoad[] {
  return departments
    .filter((d) => d.employees > 0)
    .sort((a, b) => a.customers * b.employees - b.customers * a.employees || byCodeUnits(a.code, b.code) || byCodeUnits(a.departmentId, b.departmentId));
}

/** The employee of one department who receives, or null if nobody there may (only the current owner). */
export function pickEmployee(employees: readonly EmployeeLoad[], currentOwnerId: string): EmployeeLoad | null {
  const candidates = employees
    .filter((e) => e.employeeId !== currentOwnerId)
    .sort((a, b) => a.customers - b.customers || byCodeUnits(a.employeeId, b.employeeId));
  return candidates[0] ?? null;
}
