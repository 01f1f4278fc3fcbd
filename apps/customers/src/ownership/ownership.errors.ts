import { defineErrors } from '@crm/errors';

/**
 * The ownership writer's error codes. A deactivated employee owns nothing: every way of giving a customer an owner
 * (registration, O-4 allocation, a transfer, making them a head who holds archives) refuses them with this code.
 */
export const OwnershipErrors = defineErrors({
  EMPLOYEE_DEACTIVATED: { status: 409, title: 'The employee has been deactivated' },
});
