import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** RFC 9457 problem details as every service answers them (`application/problem+json`), with the suite's `code`. */
export class ProblemView {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'The request is not valid' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'phone must be a mainland mobile number' })
  detail: string;

  @ApiProperty({ description: 'Stable error code, the same as GraphQL `extensions.code`', example: 'VALIDATION_FAILED' })
  code: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;
}

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemView) } } };

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid (VALIDATION_FAILED, MALFORMED_JSON, INVALID_CURSOR)',
  401: 'No valid credentials (UNAUTHENTICATED)',
  403: 'The caller may not do this (FORBIDDEN, or a rule of the capability)',
  404: 'No such record, or not one the caller may see',
  409: 'Conflicts with the current state',
  422: 'Well-formed but refused by a rule',
  429: 'Rate limit reached (RATE_LIMITED); see Retry-After',
};

/**
 * Error answers an operation documents beyond the ones every operation has (400, 401, 403, 429): e.g.
 * `@ApiProblems(404, 409)`. Each is a problem+json body; `codes` names the codes a client may see.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) => ApiResponse({ status, description: STATUS_TEXT[status] ?? 'Refused', content: PROBLEM_CONTENT })),
  );
}

/** A REST list's answer, `{items, nextCursor}` (docs/api/partners.md "Lists"), with its item view. */
export function ApiPageResponse(item: Type<unknown>, description = 'One page; pass nextCursor as cursor for the next'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true, description: 'null on the last page' },
        },
      },
    }),
  );
}

/** Marks an operation that needs no credentials in the document (the auth guard's @Public says so at run time). */
export const ApiPublic = () => ApiExtension('x-public', true);

/**
 * Operation ids are the handler's name, so a controller method reads as a verb (`registerCustomer`); a service's
 * handler names are unique (checked by the OpenAPI suite test).
 */
export const operationIdOf = (_controllerKey: string, methodKey: string): string => methodKey;

type Operation = { responses?: Record<string, unknown>; security?: unknown[]; 'x-public'?: boolean; 'x-partner-scopes'?: string[] };

/**
 * Completes the document Nest generates: every operation answers problem+json for 400, 401, 403 and 429 (the
 * validation pipe, the auth guard and the rate limit apply to all of them), public ones need no security, and only
 * those with partner scopes accept a partner's key.
 */
export function withCommonProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Operation[]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const isPublic = op['x-public'] === true;
      delete op['x-public'];
      // Partners' keys open only the operations whose policy names scopes (`x-partner-scopes`, from @Allow).
      if (isPublic) op.security = [];
      else op.security = op['x-partner-scopes']?.length ? [{ employee: [] }, { partner: [] }] : [{ employee: [] }];
      const common = isPublic ? [400] : [400, 401, 403, 429];
      for (const status of common) {
        op.responses![String(status)] ??= { description: STATUS_TEXT[status], content: PROBLEM_CONTENT };
      }
    }
  }
  return document;
}
