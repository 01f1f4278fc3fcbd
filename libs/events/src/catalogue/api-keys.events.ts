import { defineEvent } from './define-event';
import type { IsoInstant, Uuid } from './domain-types';

/*
 * Partner API keys: issued by customers, verified by every service itself (zero trust behind the gateway),
 * so each keeps its own copy. Only the SHA-256 of the secret travels, never the key.
 */

export interface ApiKeyIssued {
  keyId: Uuid;
  name: string;
  scopes: string[];
  /** sha256 of the secret, lowercase hex. */
  hash: string;
  issuedAt: IsoInstant;
}

export const apiKeyIssued = defineEvent<ApiKeyIssued>()({
  name: 'api_key.issued',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'An ADMIN created a partner API key (POST /api-keys).',
});

export interface ApiKeyRevoked {
  keyId: Uuid;
  revokedAt: IsoInstant;
}

export const apiKeyRevoked = defineEvent<ApiKeyRevoked>()({
  name: 'api_key.revoked',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description:
    'A partner API key was revoked (DELETE /api-keys/{id}); every service refuses it from then on.',
});
