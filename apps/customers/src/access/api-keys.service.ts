import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeyRecord, issueApiKey, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { defineErrors } from '@crm/errors';
import { OutboxWriter } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { actorOf } from '../customers/personal-data-policy';

export const ApiKeyErrors = defineErrors({
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
});

const keyView = (k: ApiKeyRecord) => ({ id: k.id, name: k.name, scopes: k.scopes, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null });

/**
 * The customers service issues partner keys and announces them (`api_key.issued` / `api_key.revoked`, with
 * the hash only) so every other service can verify keys itself.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(admin: Principal, name: string, scopes: string[]) {
    const issued = issueApiKey();
    const now = this.clock.now();
    const record = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiKeyRecord).save({ id: issued.id, name, hash: issued.hash, scopes, createdAt: now, revokedAt: null });
      await this.audit.record([{ actor: actorOf(admin), action: AuditAction.API_KEY_ISSUED, subjectType: 'api_key', subjectId: issued.id, detail: { name, scopes } }], manager);
      await this.outbox.append(manager, [{ name: 'api_key.issued', payload: { keyId: issued.id, name, scopes, hash: issued.hash, issuedAt: now.toISOString() } }]);
      return saved;
    });
    return { ...keyView(record), key: issued.key };
  }

  async list() {
    return (await this.dataSource.getRepository(ApiKeyRecord).find({ order: { createdAt: 'DESC' } })).map(keyView);
  }

  async revoke(admin: Principal, id: string) {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiKeyRecord);
      const key = await repo.findOneBy({ id });
      if (!key) throw ApiKeyErrors.API_KEY_NOT_FOUND(`No API key ${id}`);
      if (!key.revokedAt) {
        key.revokedAt = this.clock.now();
        await repo.save(key);
        await this.audit.record([{ actor: actorOf(admin), action: AuditAction.API_KEY_REVOKED, subjectType: 'api_key', subjectId: id }], manager);
        await this.outbox.append(manager, [{ name: 'api_key.revoked', payload: { keyId: id, revokedAt: key.revokedAt.toISOString() } }]);
      }
      return keyView(key);
    });
  }
}
