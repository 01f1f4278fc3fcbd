import { definePolicy, Role } from '@crm/auth';

/** Who may do what with invitations (J-2), over REST and GraphQL alike. */
export const InvitationsPolicy = definePolicy({
  invite: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  confirm: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  read: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
  /** `Customer.invitations` (reached through `_entities`): any employee, or a partner with campaigns:read. */
  readOfCustomer: { scopes: ['campaigns:read'] },
});
