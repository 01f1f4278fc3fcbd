/**
 * The one ordering rule of the ownership read model: events may arrive out of order (retries, two relays,
 * a redelivery after a Redis reset), so an ownership is applied only when it was decided no earlier than the
 * one already kept. Equal times apply (idempotent redelivery of the same fact).
 */
export const NEWER_OWNERSHIP_WINS = 'customer_ownership.owned_since <= EXCLUDED.owned_since';

/** One decided ownership, as customers' events carry it. */
export interface Ownership {
  customerId: string;
  ownerId: string;
  departmentId: string;
  /** ISO instant at which customers decided it. */
  at: string;
}
