import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

/** Every query on the issuer's signing keys. */
@Injectable()
export class SigningKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The keys still published at `now`, the newest activation first. */
  published(now: Date, manager: EntityManager = this.dataSource.manager): Promise<SigningKeyEntity[]> {
    return manager.find(SigningKeyEntity, {
      where: [{ retiresAt: IsNull() }, { retiresAt: MoreThan(now) }],
      order: { activatesAt: 'DESC', createdAt: 'DESC' },
    });
  }

  /**
   * Runs `work` in a transaction holding a lock no other instance holds at the same time, so two replicas
   * starting together do not each make a first key, and two rotations do not interleave.
   */
  exclusively<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('crm:signing-keys'))`);
      return work(manager);
    });
  }

  async insert(key: SigningKeyEntity, manager: EntityManager): Promise<void> {
    await manager.insert(SigningKeyEntity, key);
  }

  /** Every key but `kid` stops being published at `retiresAt` (a key set to retire earlier keeps its time). */
  async retireAllBut(kid: string, retiresAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE signing_keys SET retires_at = $2 WHERE kid <> $1 AND (retires_at IS NULL OR retires_at > $2)`, [kid, retiresAt]);
  }
}
