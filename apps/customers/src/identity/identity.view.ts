import { ApiProperty } from '@nestjs/swagger';

/** What a sign-in or a refresh answers (the names of RFC 6749 §5.1, in the API's camelCase). */
export class TokensView {
  @ApiProperty({ description: 'Send as `Authorization: Bearer …`; an ES256 JWT valid for `expiresIn` seconds' })
  accessToken: string;

  @ApiProperty({ description: 'Exchange at POST /api/v1/auth/refresh before the access token expires; works once' })
  refreshToken: string;

  @ApiProperty({ example: 300, description: 'Seconds the access token is valid for' })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
}

/** A JSON Web Key Set (RFC 7517 §5): the public keys access tokens are verified with. */
export class JwksView {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Public keys (EC P-256, ES256)' })
  keys: object[];
}
