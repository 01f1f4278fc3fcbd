import { definePolicy, Role } from '@crm/auth';

/** Who may do what with archive batches (O-2..O-4), for REST and GraphQL alike. */
export const ArchivesPolicy = definePolicy({
  /** The CRM centre enters the archives of an outreach event. */
  submit: { roles: [Role.CRM_CLERK, Role.ADMIN] },
  /** 公开: every employee may inspect a batch's report and allocation; no partner. */
  read: {},
  /** The head of the organising department (checked per batch in the service) allocates. */
  allocate: { roles: [Role.DEPARTMENT_HEAD, Role.ADMIN] },
});
