/** Staff roles of docs/rules.md "People and organisation"; the GraphQL enum `Role` has the same values. */
export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  CRM_CLERK = 'CRM_CLERK',
  COORDINATOR = 'COORDINATOR',
  RESOURCE_DIRECTOR = 'RESOURCE_DIRECTOR',
  GENERAL_MANAGER = 'GENERAL_MANAGER',
  ADMIN = 'ADMIN',
}

export const ROLES = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as string[]).includes(value);
}
