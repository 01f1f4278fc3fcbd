import { Injectable } from '@nestjs/common';
import { Role } from '@crm/auth';
import { CommonErrors } from '@crm/errors';
import { TokenIssuer } from '../identity/token-issuer';
import { OwnershipErrors } from '../ownership/ownership.errors';
import { OrganisationService } from '../organisation/organisation.service';
import { DevTokenDto } from './access.dto';
import { DevTokenView } from './access.view';

/** A working day: development tokens are for people trying the API by hand. */
const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * Outside production only: a token for a role or an employee, so a newcomer and the suite tests can call the
 * API without an identity provider.
 */
@Injectable()
export class DevTokenService {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly organisation: OrganisationService,
  ) {}

  async issue(dto: DevTokenDto): Promise<DevTokenView> {
    if (dto.employeeId) {
      const e = await this.organisation.employee(dto.employeeId);
      if (e.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${e.name} was deactivated: no token for them`);
      // The employee's session version: the token ends, as a sign-in's does, when they are moved or demoted.
      return { accessToken: await this.tokens.accessToken({ sub: e.id, role: e.role, departmentId: e.departmentId, ver: e.sessionVersion }, DEV_TOKEN_TTL_SECONDS) };
    }
    if (!dto.role) throw CommonErrors.VALIDATION_FAILED('Give a role or an employeeId', { errors: [{ field: 'role', reason: 'role or employeeId is required' }] });
    // A role-only token has a stable made-up subject so audit lines still say who acted. It names no employee:
    // whatever needs an employee (owning a customer) must be named explicitly with such a token.
    const sub = `00000000-0000-4000-8000-${(Object.values(Role).indexOf(dto.role) + 1).toString().padStart(12, '0')}`;
    return { accessToken: await this.tokens.accessToken({ sub, role: dto.role, departmentId: null }, DEV_TOKEN_TTL_SECONDS) };
  }
}
