import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { JwksView } from './identity.view';
import { SigningKeys } from './signing-keys';

/**
 * The issuer's public keys (RFC 7517), served through the gateway at the same path. Out of the OpenAPI
 * document on purpose: it is a well-known URI for JWT libraries, not an operation of the API.
 */
@ApiExcludeController()
@Public()
@Controller('.well-known/jwks.json')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get()
  // Verifiers refetch on an unknown key id anyway; a short cache keeps a rotation's new key visible soon.
  @Header('cache-control', 'public, max-age=60')
  async jwks(): Promise<JwksView> {
    return (await this.keys.publicKeys()) as JwksView;
  }
}
