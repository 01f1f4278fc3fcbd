import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '@crm/errors';
import { Authenticator } from './authenticator';
import { PUBLIC_KEY, requestOf, ROLES_KEY, SCOPES_KEY } from './decorators';
import { RateLimiter } from './rate-limiter';
import { Role } from './roles';

/**
 * Zero trust behind the gateway: every service authenticates every call itself. Employees bring a JWT,
 * partners an API key; the route's @Roles / @PartnerScopes say who may call. What a caller may see of a
 * given record is decided in the service layer, not here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = requestOf(context);
    const principal = await this.authenticator.authenticate(request.headers);
    request.principal = principal;

    if (principal.kind === 'partner') {
      const scopes = this.reflector.getAllAndOverride<string[] | undefined>(SCOPES_KEY, targets);
      if (!scopes?.some((s) => principal.scopes.includes(s))) {
        throw CommonErrors.FORBIDDEN(scopes ? `The API key needs one of the scopes ${scopes.join(', ')}` : 'Partners may not call this operation');
      }
      const { allowed, retryAfterSeconds } = await this.limiter.allow(principal.keyId);
      if (!allowed) throw CommonErrors.RATE_LIMITED(`Rate limit reached; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw CommonErrors.FORBIDDEN(`This operation needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
