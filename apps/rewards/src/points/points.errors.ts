import { defineErrors } from '@crm/errors';

/** Points accounts and redemptions. */
export const PointsErrors = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, title: 'The customer is not known' },
  POINTS_INSUFFICIENT: { status: 409, title: 'The balance does not cover the points asked for' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'A redemption needs an Idempotency-Key header' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The Idempotency-Key must be 1 to 200 visible ASCII characters' },
  ENTRY_NOT_FOUND: { status: 404, title: 'The customer has no such ledger entry' },
  ENTRY_NOT_CORRECTABLE: { status: 422, title: 'Only R-1 referral bonuses are corrected here; R-2 points follow refunds, redemptions are not undone' },
  ENTRY_ALREADY_CORRECTED: { status: 409, title: 'The entry was already corrected' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different request' },
});
