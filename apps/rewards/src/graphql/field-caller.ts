import { Injectable } from '@nestjs/common';
import { ApiKeyStore, isPartner, Principal, TokenService } from '@crm/auth';
import { CommonErrors } from '@crm/errors';

interface FieldRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Guards do not run on field resolvers, and the gateway reaches `Customer.points` through `_entities`, which no
 * route guard covers: the field checks its caller itself (zero trust behind the gateway), the same way the
 * AuthGuard does: any employee, or a partner key with one of the scopes.
 */
@Injectable()
export class FieldCaller {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  async require(request: FieldRequest, partnerScopes: readonly string[]): Promise<Principal> {
    request.principal ??= await this.authenticate(request.headers);
    const caller = request.principal;
    if (isPartner(caller) && !partnerScopes.some((s) => caller.scopes.includes(s))) {
      throw CommonErrors.FORBIDDEN(`The API key needs one of the scopes ${partnerScopes.join(', ')}`);
    }
    return caller;
  }

  private async authenticate(headers: FieldRequest['headers']): Promise<Principal> {
    const authorization = headers['authorization'];
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) return this.tokens.verify(authorization.slice('Bearer '.length).trim());
    const key = headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const partner = await this.apiKeys.authenticate(key);
      if (partner) return partner;
      throw CommonErrors.UNAUTHENTICATED('The API key is not valid or has been revoked');
    }
    throw CommonErrors.UNAUTHENTICATED('Send an employee token (Authorization: Bearer) or a partner key (X-Api-Key)');
  }
}
