import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { DisputeEntity, DisputeFineEntity } from './dispute.entities';

/** Every query on disputes and their J-11 fines. */
@Injectable()
export class DisputesRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(tx: Tx, dispute: Omit<DisputeEntity, 'id'>): Promise<DisputeEntity> {
    return tx.save(tx.create(DisputeEntity, dispute));
  }

  async insertFines(tx: Tx, fines: DisputeFineEntity[]): Promise<void> {
    if (fines.length) await tx.insert(DisputeFineEntity, fines);
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<DisputeEntity | null> {
    return tx.findOneBy(DisputeEntity, { id });
  }

  /** The dispute row locked until the transaction ends: two rulings never interleave. */
  findForUpdate(tx: Tx, id: string): Promise<DisputeEntity | null> {
    return tx.findOne(DisputeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: Tx, dispute: DisputeEntity): Promise<DisputeEntity> {
    return tx.save(dispute);
  }
}
