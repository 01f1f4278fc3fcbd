import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chunks } from '../support/chunks';
import { ArchiveBatchEntity } from './archive-batch.entity';
import { OutreachEventEntity } from './outreach-event.entity';

/** A new customer from an archive row, ready to insert. */
export interface NewArchiveCustomer {
  id: string;
  name: string;
  phone: string;
  gender: string | null;
  birthDate: string | null;
  address: string | null;
  notes: string | null;
}

export interface BatchCustomerRow {
  row: number;
  customerId: string;
  employeeId: string | null;
}

/** A batch customer as allocation needs it: row order and the owner it has now. */
export interface AllocatableCustomer {
  row: number;
  customerId: string;
  ownerId: string;
  departmentId: string;
}

/** Every query of archives (outreach read model, batches, their customers, allocation). */
@Injectable()
export class ArchivesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** `outreach.recorded`: the latest facts of the event win (a corrected event is published again). */
  async upsertOutreachEvent(manager: EntityManager, event: OutreachEventEntity): Promise<void> {
    await manager.query(
      `INSERT INTO outreach_events (id, department_id, date, participant_ids, recorded_at)
       VALUES ($1, $2, $3, $4::uuid[], $5)
       ON CONFLICT (id) DO UPDATE SET department_id = EXCLUDED.department_id, date = EXCLUDED.date,
         participant_ids = EXCLUDED.participant_ids, recorded_at = EXCLUDED.recorded_at`,
      [event.id, event.departmentId, event.date, event.participantIds, event.recordedAt],
    );
  }

  findOutreachEvent(id: string, manager?: EntityManager): Promise<OutreachEventEntity | null> {
    return this.m(manager).getRepository(OutreachEventEntity).findOneBy({ id });
  }

  /**
   * Inserts new customers, one statement per chunk, and answers the phones it stored with their ids. A phone
   * another transaction stored meanwhile is skipped (the unique index decides) and is absent from the answer.
   * Rows go in phone order so two batches sharing phones wait on each other instead of deadlocking.
   */
  async insertCustomers(
    manager: EntityManager,
    rows: readonly NewArchiveCustomer[],
    owner: { ownerId: string; departmentId: string; source: string; stage: string; at: Date },
  ): Promise<Map<string, string>> {
    const stored = new Map<string, string>();
    const ordered = [...rows].sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0));
    for (const chunk of chunks(ordered)) {
      const inserted: { id: string; phone: string }[] = await manager.query(
        `INSERT INTO customers (id, name, phone, gender, birth_date, address, notes, source, stage, value_tier,
           owner_id, department_id, referrer_id, under_served, assigned_at, created_at, updated_at)
         SELECT r.id, r.name, r.phone, r.gender, r.birth_date, r.address, r.notes, $8, $9, NULL,
           $10, $11, NULL, false, $12, $12, $12
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[])
           WITH ORDINALITY AS r(id, name, phone, gender, birth_date, address, notes, n)
         ORDER BY r.n
         ON CONFLICT (phone) DO NOTHING
         RETURNING id, phone`,
        [
          chunk.map((r) => r.id),
          chunk.map((r) => r.name),
          chunk.map((r) => r.phone),
          chunk.map((r) => r.gender),
          chunk.map((r) => r.birthDate),
          chunk.map((r) => r.address),
          chunk.map((r) => r.notes),
          owner.source,
          owner.stage,
          owner.ownerId,
          owner.departmentId,
          owner.at,
        ],
      );
      for (const r of inserted) stored.set(r.phone, r.id);
    }
    return stored;
  }

  async insertBatch(manager: EntityManager, batch: ArchiveBatchEntity): Promise<void> {
    await manager.getRepository(ArchiveBatchEntity).insert(batch);
  }

  async insertBatchCustomers(manager: EntityManager, batchId: string, rows: readonly { row: number; customerId: string }[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await manager.query(
        `INSERT INTO archive_batch_customers (batch_id, "row", customer_id, employee_id)
         SELECT $1, r."row", r.customer_id, NULL FROM unnest($2::int[], $3::uuid[]) AS r("row", customer_id)`,
        [batchId, chunk.map((r) => r.row), chunk.map((r) => r.customerId)],
      );
    }
  }

  findBatch(id: string, manager?: EntityManager): Promise<ArchiveBatchEntity | null> {
    return this.m(manager).getRepository(ArchiveBatchEntity).findOneBy({ id });
  }

  /** Locks the batch so two allocations of it run one after the other (the second sees it allocated). */
  findBatchForUpdate(id: string, manager: EntityManager): Promise<ArchiveBatchEntity | null> {
    return manager.getRepository(ArchiveBatchEntity).createQueryBuilder('b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
  }

  async batchCustomers(batchId: string, manager?: EntityManager): Promise<BatchCustomerRow[]> {
    const rows: { row: number; customer_id: string; employee_id: string | null }[] = await this.m(manager).query(
      'SELECT "row", customer_id, employee_id FROM archive_batch_customers WHERE batch_id = $1 ORDER BY "row"',
      [batchId],
    );
    return rows.map((r) => ({ row: r.row, customerId: r.customer_id, employeeId: r.employee_id }));
  }

  /** The batch's customers in row order with their current owners, locked for the ownership change. */
  async allocatableCustomers(manager: EntityManager, batchId: string): Promise<AllocatableCustomer[]> {
    const rows: { row: number; customer_id: string; owner_id: string; department_id: string }[] = await manager.query(
      `SELECT bc."row", bc.customer_id, c.owner_id, c.department_id
       FROM archive_batch_customers bc JOIN customers c ON c.id = bc.customer_id
       WHERE bc.batch_id = $1 ORDER BY bc."row" FOR UPDATE OF c`,
      [batchId],
    );
    return rows.map((r) => ({ row: r.row, customerId: r.customer_id, ownerId: r.owner_id, departmentId: r.department_id }));
  }

  /** O-4's record in two statements: who got each row of the batch, and the batch itself (the owners are the ownership's). */
  async recordAllocation(
    manager: EntityManager,
    batchId: string,
    assignments: readonly { customerId: string; employeeId: string }[],
    by: string | null,
    at: Date,
  ): Promise<void> {
    if (assignments.length) {
      await manager.query(
        `UPDATE archive_batch_customers bc SET employee_id = v.employee_id
         FROM unnest($2::uuid[], $3::uuid[]) AS v(customer_id, employee_id)
         WHERE bc.batch_id = $1 AND bc.customer_id = v.customer_id`,
        [batchId, assignments.map((a) => a.customerId), assignments.map((a) => a.employeeId)],
      );
    }
    await manager.query('UPDATE archive_batches SET allocated_at = $2, allocated_by = $3 WHERE id = $1', [batchId, at, by]);
  }
}
