import { definePolicy } from './policy';
import { Role } from './roles';

/**
 * P-3: a customer's data request (an export of what every service holds, an erasure) is handled by the company:
 * the general manager and administrators, never another role or a partner key. Every service checks it itself
 * (zero trust behind the gateway), with this one list.
 */
export const DataRequestPolicy = definePolicy({
  exportPersonalData: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
  eraseCustomer: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
