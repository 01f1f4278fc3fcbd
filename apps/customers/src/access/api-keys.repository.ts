import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeyRecord } from '@crm/auth';
import type { Tx } from '@crm/database';

/** Every query of the partner keys this service issues. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(tx: Tx, key: ApiKeyRecord): Promise<ApiKeyRecord> {
    return tx.getRepository(ApiKeyRecord).save(key);
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.dataSource.getRepository(ApiKeyRecord).find({ order: { createdAt: 'DESC' } });
  }

  find(tx: Tx, id: string): Promise<ApiKeyRecord | null> {
    return tx.getRepository(ApiKeyRecord).findOneBy({ id });
  }

  save(tx: Tx, key: ApiKeyRecord): Promise<ApiKeyRecord> {
    return tx.getRepository(ApiKeyRecord).save(key);
  }
}
