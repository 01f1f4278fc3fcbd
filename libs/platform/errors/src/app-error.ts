/**
 * Every error a caller may see carries a stable code. A context declares its codes once (with their HTTP
 * status and title); REST turns them into application/problem+json and GraphQL into `extensions.code`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }

  get detail(): string {
    return this.message;
  }
}

export interface ErrorDefinition {
  status: number;
  title: string;
}

export type ErrorFactories<T extends Record<string, ErrorDefinition>> = {
  readonly [K in keyof T]: (detail?: string, extra?: Record<string, unknown>) => AppError;
};

/** Declares a context's error codes: `const E = defineErrors({ CUSTOMER_NOT_FOUND: { status: 404, title } })`. */
export function defineErrors<T extends Record<string, ErrorDefinition>>(definitions: T): ErrorFactories<T> & { codes: (keyof T)[] } {
  const factories: Record<string, unknown> = {};
  for (const [code, def] of Object.entries(definitions)) {
    factories[code] = (detail?: string, extra?: Record<string, unknown>) => new AppError(code, def.status, def.title, detail ?? def.title, extra);
  }
  factories.codes = Object.keys(definitions);
  return factories as ErrorFactories<T> & { codes: (keyof T)[] };
}

/** Codes of the platform itself, shared by every service. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  INVALID_CURSOR: { status: 400, title: 'The cursor is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  // The token was good, but its session is over (logout, a moved, demoted or deactivated employee): sign in again.
  SESSION_ENDED: { status: 401, title: 'The session has ended' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'A service is unavailable' },
});
