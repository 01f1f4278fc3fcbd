import { HttpException } from '@nestjs/common';
import { AppError, CommonErrors } from './app-error';

/** RFC 9457 problem details, with the suite's `code` member. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

type CommonCode = Exclude<keyof typeof CommonErrors, 'codes'>;

const BY_STATUS: Record<number, CommonCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function common(status: number, detail?: string): AppError {
  const code: CommonCode = BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  const factory = CommonErrors[code];
  return factory(detail);
}

interface FrameworkError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

/**
 * Turns anything thrown into an AppError: the suite's own errors as they are, framework errors (Nest's
 * HttpException, Fastify's body-parsing errors, PostgreSQL constraint errors) by their status, and the rest
 * into a 500 whose detail never leaves the process.
 */
const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? error.message);
    const text = Array.isArray(message) ? message.join('; ') : String(message);
    // The Fastify adapter hands body-parsing failures over as a plain 400; the caller deserves to know why.
    if (status === 400 && /not valid JSON|Unexpected token|JSON at position/i.test(text)) return CommonErrors.MALFORMED_JSON('The body is not valid JSON');
    return common(status, text);
  }
  const e = (error ?? {}) as FrameworkError;
  if (typeof e.code === 'string' && e.code.startsWith('FST_ERR_CTP_INVALID_JSON') || error instanceof SyntaxError) {
    return CommonErrors.MALFORMED_JSON('The body is not valid JSON');
  }
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return CommonErrors.MALFORMED_JSON('The body is empty but declared as JSON');
  const status = e.statusCode ?? (typeof e.status === 'number' ? e.status : undefined);
  if (typeof status === 'number' && status >= 400 && status < 500) return common(status, e.message);
  // PostgreSQL: a unique violation that a service did not translate is still the caller's conflict.
  if (e.code === '23505') return CommonErrors.CONFLICT('The record already exists');
  if (e.code === '22P02') return CommonErrors.VALIDATION_FAILED('A value has the wrong format');
  // pg-pool's wait for a free connection ran out: the caller may retry, nothing was written.
  if (e.message === POOL_WAIT_TIMEOUT) return CommonErrors.SERVICE_UNAVAILABLE('The database is busy; try again');
  return CommonErrors.INTERNAL('An unexpected error occurred');
}

export function toProblem(error: AppError, instance?: string, requestId?: string): ProblemDetails {
  return {
    type: `urn:crm:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...error.extra,
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
