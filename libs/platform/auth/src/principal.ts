import { Role } from './roles';

/** An employee calling with a JWT: who, in what role, in which department. */
export interface EmployeePrincipal {
  kind: 'employee';
  employeeId: string;
  role: Role;
  departmentId: string | null;
  /** The sign-in session of the token, when it came from one (not development or provider tokens). */
  sessionId?: string;
}

/** An integration partner calling with an API key, limited to the key's scopes. */
export interface PartnerPrincipal {
  kind: 'partner';
  keyId: string;
  name: string;
  scopes: string[];
}

export type Principal = EmployeePrincipal | PartnerPrincipal;

export const isEmployee = (p: Principal | undefined): p is EmployeePrincipal => p?.kind === 'employee';
export const isPartner = (p: Principal | undefined): p is PartnerPrincipal => p?.kind === 'partner';
