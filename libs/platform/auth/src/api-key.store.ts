import { DataSource } from 'typeorm';
import { ApiKeyRecord } from './api-key.entity';
import { parseApiKey, secretMatches } from './api-key';
import { PartnerPrincipal } from './principal';

/** Finds the partner behind an `X-Api-Key` value, or null when the key is unknown, wrong or revoked. */
export class ApiKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(key: string): Promise<PartnerPrincipal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const record = await this.dataSource.getRepository(ApiKeyRecord).findOneBy({ id: parsed.id });
    if (!record || record.revokedAt || !secretMatches(parsed.secret, record.hash)) return null;
    return { kind: 'partner', keyId: record.id, name: record.name, scopes: record.scopes };
  }
}
