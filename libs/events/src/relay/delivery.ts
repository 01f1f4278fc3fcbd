/**
 * How BullMQ retries an event job. The producer's relay sets these on every job; the consumer's worker owns
 * the backoff curve (BullMQ looks up a custom backoff type on the worker) and stops earlier than the ceiling
 * with its own `attempts`, so each consuming service decides its own retry policy.
 */
export const EVENT_BACKOFF_TYPE = 'crm-event';

/** The most attempts any consumer may configure. */
export const MAX_DELIVERY_ATTEMPTS = 25;
