import { createHash } from 'node:crypto';
import { PointsErrors } from './points.errors';

/** Keys are opaque to the service: any 1..200 visible ASCII characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key of a redemption, from a header or a GraphQL argument; 400 when missing or malformed. */
export function idempotencyKeyOf(raw: string | string[] | undefined | null): string {
  if (raw === undefined || raw === null || raw === '') throw PointsErrors.IDEMPOTENCY_KEY_REQUIRED();
  if (Array.isArray(raw) || !KEY_PATTERN.test(raw)) throw PointsErrors.IDEMPOTENCY_KEY_INVALID();
  return raw;
}

/** What a request asked, so a replay (same) can be told from a reuse of the key (different). */
export function fingerprintOf(request: { customerId: string; points: number; gift: string }): string {
  return createHash('sha256').update(JSON.stringify([request.customerId.toLowerCase(), request.points, request.gift])).digest('hex');
}
