import { isEmployee, type Principal } from '@crm/auth';
import { CommonErrors } from '@crm/errors';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';

/** How long a key and its answer are kept. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a claimed key counts as running. Past it, a claim whose handler committed nothing was abandoned (the
 * process died) and a retry runs the request. Longer than the slowest request: an on-demand sweep waits up to
 * 120 s for its lock.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 150;

/** Opaque to the service: 1 to 255 printable ASCII characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The header's key; undefined when the request has none (it is then handled as usual); 400 when malformed. */
export function idempotencyKeyFrom(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw) || !KEY_PATTERN.test(raw)) {
    throw CommonErrors.VALIDATION_FAILED('The Idempotency-Key header must be 1 to 255 printable ASCII characters, sent once', {
      errors: [{ field: 'Idempotency-Key', reason: 'must be 1 to 255 printable ASCII characters' }],
    });
  }
  return raw;
}

/** Whose key it is: keys are per caller, so nobody replays another's answer by sending its key. */
export function idempotencyCallerOf(principal: Principal): string {
  return isEmployee(principal) ? `employee:${principal.employeeId}` : `partner:${principal.keyId}`;
}

/** JSON with object keys sorted at every depth, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
