import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';

/**
 * A token as a sign-in issues it, for the benchmarks' production-mode suite: signed with the test key (the
 * suite publishes it beside its own) and carrying session version 1, since production refuses tokens without
 * one. Every service checks it against the employee record as it checks a real sign-in's.
 */
export function signedIn(role: Role, employeeId?: string, departmentId: string | null = null): Record<string, string> {
  return bearer(role, employeeId, departmentId, { ver: 1 });
}
