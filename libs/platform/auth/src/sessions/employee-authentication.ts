import { decodeJwt } from 'jose';
import { CommonErrors } from '@crm/errors';
import { EmployeePrincipal } from '../principal';
import { isRole } from '../roles';
import { AccessTokenVerifier } from '../tokens/access-token.verifier';
import { OidcVerifier } from '../tokens/oidc.verifier';
import { EmployeeRecords, EmployeeStanding } from './employee-records';

/**
 * Turns a bearer token into the calling employee, in every service alike:
 * - a token of the built-in issuer is verified with its public keys; when it names a session version (every
 *   token of a sign-in does), the employee's record must still be active and at that version, so a move,
 *   demotion or deactivation ends it everywhere as soon as `employee.saved` arrives;
 * - a token without a version (development tokens, outside production only) stands on its claims;
 * - a token of the company's OpenID provider (OIDC_ISSUER) names a login; role and department are the record's.
 */
export class EmployeeAuthentication {
  constructor(
    private readonly builtIn: AccessTokenVerifier,
    private readonly records: EmployeeRecords,
    private readonly options: { production: boolean; oidc?: OidcVerifier },
  ) {}

  async authenticate(token: string): Promise<EmployeePrincipal> {
    const oidc = this.options.oidc;
    if (oidc && this.issuerOf(token) === oidc.options.issuer) return this.fromProvider(oidc, token);
    const claims = await this.builtIn.verify(token);
    if (claims.sessionVersion === undefined) {
      if (this.options.production) throw CommonErrors.UNAUTHENTICATED('Development tokens are not accepted in production');
      return { kind: 'employee', employeeId: claims.employeeId, role: claims.role, departmentId: claims.departmentId };
    }
    const record = await this.records.byEmployeeId(claims.employeeId);
    // No record yet: this service's replica has not heard of an employee the issuer just vouched for (seconds).
    if (record) this.assertStanding(record, claims.sessionVersion);
    return {
      kind: 'employee',
      employeeId: claims.employeeId,
      role: claims.role,
      departmentId: claims.departmentId,
      ...(claims.sessionId ? { sessionId: claims.sessionId } : {}),
    };
  }

  private async fromProvider(oidc: OidcVerifier, token: string): Promise<EmployeePrincipal> {
    const login = await oidc.loginOf(token);
    const record = await this.records.byLoginName(login);
    if (!record || !isRole(record.role)) throw CommonErrors.UNAUTHENTICATED('No employee of the suite has the login this token names');
    this.assertStanding(record);
    return { kind: 'employee', employeeId: record.id, role: record.role, departmentId: record.departmentId };
  }

  private assertStanding(record: EmployeeStanding, version?: number): void {
    if (record.deactivated) throw CommonErrors.SESSION_ENDED('The employee has been deactivated');
    if (version !== undefined && version < record.sessionVersion) {
      throw CommonErrors.SESSION_ENDED('The employee was moved or their role changed since this token was issued: sign in again');
    }
  }

  private issuerOf(token: string): string | undefined {
    try {
      return decodeJwt(token).iss;
    } catch {
      return undefined;
    }
  }
}
