import { definePolicy, Role } from '@crm/auth';

/**
 * Who may call the points actions (R-3), over REST and in the graph alike. Which customer exists, and whose
 * customers department staff may read or redeem for (their department's: the owner and the owning head, P-1;
 * customers/customer-access.ts), is the services' concern (404 CUSTOMER_NOT_FOUND alike), not the door's.
 */
export const PointsPolicy = definePolicy({
  /** A customer's points (REST statement, `pointsAccount`, `Customer.points`): staff (department staff their department's customers), partners with points:read. */
  read: { scopes: ['points:read'] },
  /** Reversing an R-1 bonus booked in error: admins only. */
  correct: { roles: [Role.ADMIN] },
  /** Redeeming for a customer: the CRM centre at the counter, heads (their department's customers), management, and partners with points:write. */
  redeem: { roles: [Role.CRM_CLERK, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN], scopes: ['points:write'] },
});
