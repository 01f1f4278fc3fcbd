import type { Role } from '../roles';

/**
 * Access tokens are ES256 JWTs issued by the customers service's identity capability (docs/identity.md).
 * ES256 rather than EdDSA: every JWT library and API gateway a partner or ops might put in front verifies it.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
/** The audience every access token of the suite names; a token minted for another API is refused. */
export const ACCESS_TOKEN_AUDIENCE = 'crm-suite';
/** The built-in issuer's default name (AUTH_ISSUER). */
export const DEFAULT_ISSUER = 'crm-suite';

/** The claims of docs/api/frontend.md "Calling it": who, in what role and department, in which session. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  departmentId: string | null;
  /** The session the token belongs to (absent in development tokens). */
  sid?: string;
  /** The employee's session version when the token was issued: an older version than the record's is refused. */
  ver?: number;
}

/** What a verified token says, before the employee record is consulted. */
export interface VerifiedAccessToken {
  employeeId: string;
  role: Role;
  departmentId: string | null;
  sessionId?: string;
  sessionVersion?: number;
}
