/**
 * The one ordering rule of the V-2 flag: service-visits' verdicts may arrive out of order, so a verdict is
 * kept only when it was reached no earlier than the one already kept (equal times apply: a redelivery).
 */
export const NEWER_VERDICT_WINS = 'under_served_customers.verdict_at <= EXCLUDED.verdict_at';

/** One V-2 verdict on a customer, as service-visits' events carry it. */
export interface ServedVerdict {
  customerId: string;
  ownerId: string;
  departmentId: string;
  underServed: boolean;
  /** ISO instant of the verdict. */
  at: string;
}

/** A customer as campaigns' rules read them: the owner (J-2, J-10) and the V-2 flag (J-2). */
export interface KnownCustomer {
  customerId: string;
  ownerId: string;
  departmentId: string;
  underServed: boolean;
}
