import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_TTL_MS } from './idempotency-key';

export const NO_IDEMPOTENCY_KEY = 'crm:no-idempotency-key';
const NO_IDEMPOTENCY_EXTENSION = 'x-no-idempotency-key';

/**
 * A `POST` the shared Idempotency-Key mechanism leaves alone, with the reason: the route keeps keys of its own
 * (rewards' redemptions, stored in the deciding transaction), or its answer carries a secret shown once that
 * must not be stored (a partner API key).
 */
export const NoIdempotencyKey = (reason: string) => applyDecorators(SetMetadata(NO_IDEMPOTENCY_KEY, reason), ApiExtension(NO_IDEMPOTENCY_EXTENSION, reason));

const HOURS = IDEMPOTENCY_KEY_TTL_MS / 3_600_000;

const KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    `Makes a retry safe: the same caller's same key on this operation with the same body gets the first answer again (with Idempotency-Replayed: true) ` +
    `for ${HOURS} hours; another body is 422 IDEMPOTENCY_KEY_REUSED, a retry while the first is still running 409 IDEMPOTENCY_KEY_IN_PROGRESS. ` +
    '1 to 255 printable ASCII characters (a UUID is the usual choice), else 400 VALIDATION_FAILED.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
};

const REPLAYED_HEADER = { description: '"true" when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } };

type Operation = {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: unknown }>;
  security?: unknown[];
  [NO_IDEMPOTENCY_EXTENSION]?: string;
};

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath('ProblemView') } } } });

/**
 * Every authenticated `POST` documents the Idempotency-Key header, the Idempotency-Replayed header of its
 * success answers, and the 409 and 422 problems of a key in progress or reused (public operations have no
 * caller to keep keys for; routes marked @NoIdempotencyKey document their own).
 */
export function withIdempotencyKeys(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const op = (item as { post?: Operation }).post;
    if (!op?.responses) continue;
    const exempt = op[NO_IDEMPOTENCY_EXTENSION] !== undefined;
    delete op[NO_IDEMPOTENCY_EXTENSION];
    if (exempt || (Array.isArray(op.security) && op.security.length === 0)) continue;
    op.parameters ??= [];
    if (!op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) op.parameters.push(KEY_PARAMETER);
    for (const [status, response] of Object.entries(op.responses)) {
      if (status.startsWith('2')) response.headers = { ...response.headers, 'Idempotency-Replayed': REPLAYED_HEADER };
    }
    const conflict = 'Conflicts with the current state, or IDEMPOTENCY_KEY_IN_PROGRESS (see Retry-After) while the first request with this Idempotency-Key is still running';
    const reused = 'Well-formed but refused by a rule, or IDEMPOTENCY_KEY_REUSED for an Idempotency-Key sent before with another body';
    if (op.responses['409']) op.responses['409'].description = conflict;
    else op.responses['409'] = problem(conflict);
    if (op.responses['422']) op.responses['422'].description = reused;
    else op.responses['422'] = problem(reused);
  }
  return document;
}
