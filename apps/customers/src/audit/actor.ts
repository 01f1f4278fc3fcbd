import { isEmployee, isPartner, Principal } from '@crm/auth';

/** The P-2 actor of a change or a read ('employee:<id>', 'partner:<key id>' or 'system'), as the audit trail names it. */
export function actorOf(principal: Principal | undefined): string {
  if (isEmployee(principal)) return `employee:${principal.employeeId}`;
  if (isPartner(principal)) return `partner:${principal.keyId}`;
  return 'system';
}
