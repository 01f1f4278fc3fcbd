import { Injectable } from '@nestjs/common';
import { issueApiKey, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { defineErrors } from '@crm/errors';
import { OutboxWriter } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { actorOf } from '../audit/actor';
import { apiKeyView, ApiKeyView, IssuedApiKeyView } from './access.view';
import { ApiKeysRepository } from './api-keys.repository';

export const ApiKeyErrors = defineErrors({
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
});

/**
 * The customers service issues partner keys and announces them (`api_key.issued` / `api_key.revoked`, with
 * the hash only) so every other service can verify keys itself.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: ApiKeysRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(admin: Principal, name: string, scopes: string[]): Promise<IssuedApiKeyView> {
    const issued = issueApiKey();
    const now = this.clock.now();
    const record = await this.transactions.run(async (tx) => {
      const saved = await this.keys.insert(tx, { id: issued.id, name, hash: issued.hash, scopes, createdAt: now, revokedAt: null });
      await this.audit.record([{ actor: actorOf(admin), action: AuditAction.API_KEY_ISSUED, subjectType: 'api_key', subjectId: issued.id, detail: { name, scopes } }], tx);
      await this.outbox.append(tx, [{ name: 'api_key.issued', payload: { keyId: issued.id, name, scopes, hash: issued.hash, issuedAt: now.toISOString() } }]);
      return saved;
    });
    return { ...apiKeyView(record), key: issued.key };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(apiKeyView);
  }

  async revoke(admin: Principal, id: string): Promise<ApiKeyView> {
    return this.transactions.run(async (tx) => {
      const key = await this.keys.find(tx, id);
      if (!key) throw ApiKeyErrors.API_KEY_NOT_FOUND(`No API key ${id}`);
      if (!key.revokedAt) {
        key.revokedAt = this.clock.now();
        await this.keys.save(tx, key);
        await this.audit.record([{ actor: actorOf(admin), action: AuditAction.API_KEY_REVOKED, subjectType: 'api_key', subjectId: id }], tx);
        await this.outbox.append(tx, [{ name: 'api_key.revoked', payload: { keyId: id, revokedAt: key.revokedAt.toISOString() } }]);
      }
      return apiKeyView(key);
    });
  }
}
