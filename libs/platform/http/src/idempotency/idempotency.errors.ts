import { defineErrors } from '@crm/errors';

/** The Idempotency-Key of every REST `POST` (docs/api/partners.md "Retrying safely"). */
export const IdempotencyErrors = defineErrors({
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used for a different request' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still being handled' },
  IDEMPOTENCY_KEY_ANSWER_LOST: { status: 409, title: 'The request with this Idempotency-Key took effect, but its answer was lost' },
});
