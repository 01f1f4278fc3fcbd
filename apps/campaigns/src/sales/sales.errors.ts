import { defineErrors } from '@crm/errors';

export const SaleErrors = defineErrors({
  SALE_NOT_FOUND: { status: 404, title: 'Sale not found' },
  CUSTOMER_NOT_CHECKED_IN: { status: 422, title: 'A sale is made to a customer checked in at the meeting (J-9, J-10)' },
  REFUND_EXCEEDS_SALE: { status: 422, title: 'Refunds cannot exceed what was sold' },
});
