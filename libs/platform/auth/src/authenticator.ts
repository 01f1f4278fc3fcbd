import { Injectable } from '@nestjs/common';
import { CommonErrors } from '@crm/errors';
import { ApiKeyStore } from './api-key.store';
import { Principal } from './principal';
import { EmployeeAuthentication } from './sessions/employee-authentication';

export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Who is calling: an employee by JWT (`Authorization: Bearer`) or a partner by API key (`X-Api-Key`); 401 otherwise. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly employees: EmployeeAuthentication,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  async authenticate(headers: RequestHeaders): Promise<Principal> {
    const authorization = headers['authorization'];
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
      return this.employees.authenticate(authorization.slice('Bearer '.length).trim());
    }
    const key = headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const partner = await this.apiKeys.authenticate(key);
      if (!partner) throw CommonErrors.UNAUTHENTICATED('The API key is not valid or has been revoked');
      return partner;
    }
    throw CommonErrors.UNAUTHENTICATED('Send an employee token (Authorization: Bearer) or a partner key (X-Api-Key)');
  }
}
