import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyRecord, PARTNER_SCOPES } from '@crm/auth';

/** A partner key as listed: never its secret. */
export class ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ERP sync' })
  name: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  scopes: string[];

  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Set once the key is revoked' })
  revokedAt: string | null;
}

/** A partner key just issued: the only answer that shows the key itself. */
export class IssuedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The secret for the X-Api-Key header; shown once, never stored' })
  key: string;
}

/** A development access token (not in production). */
export class DevTokenView {
  @ApiProperty({ description: 'A bearer token for the Authorization header' })
  accessToken: string;
}

export const apiKeyView = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
