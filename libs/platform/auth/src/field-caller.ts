import { Injectable } from '@nestjs/common';
import { CommonErrors } from '@crm/errors';
import { Authenticator, RequestHeaders } from './authenticator';
import { isPartner, Principal } from './principal';
import type { PartnerScope } from './scopes';

/**
 * Guards do not run on field resolvers, and the gateway reaches a subgraph's entity fields (`Customer.points`,
 * `Customer.invitations`, a `Customer` by reference) through `_entities`, which no operation guard covers. Such
 * fields check their caller here (zero trust behind the gateway), as the AuthGuard would: any employee, or a
 * partner key holding one of the scopes. The principal is kept on the request, so a list of entities
 * authenticates once.
 */
@Injectable()
export class FieldCaller {
  constructor(private readonly authenticator: Authenticator) {}

  async require(request: { principal?: Principal; headers: RequestHeaders }, partnerScopes: readonly PartnerScope[]): Promise<Principal> {
    request.principal ??= await this.authenticator.authenticate(request.headers);
    const caller = request.principal;
    if (isPartner(caller) && !partnerScopes.some((s) => caller.scopes.includes(s))) {
      throw CommonErrors.FORBIDDEN(`The API key needs one of the scopes ${partnerScopes.join(', ')}`);
    }
    return caller;
  }
}
