import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { keysetPage, Page, Tx } from '@crm/database';
import { ComplaintActionEntity, ComplaintEntity, ComplaintFineEntity } from './complaint.entities';
import { ComplaintStatus } from './rules/complaint-enums';
import type { Fine } from './rules/fines';
import type { ComplaintScope } from './rules/visibility';

export interface ComplaintFilter {
  customerId?: string;
  status?: ComplaintStatus;
  employeeId?: string;
  departmentId?: string;
}

/** A fine about to be booked: whom, under which rule, for which complaint, charged to which department. */
export interface FineToImpose extends Fine {
  complaintId: string;
}

/** Every query on complaints and their fines. */
@Injectable()
export class ComplaintsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string, tx: Tx = this.dataSource.manager): Promise<ComplaintEntity | null> {
    return tx.findOneBy(ComplaintEntity, { id });
  }

  /** The row locked for a change: a resolution, a reopening and the sweep's breach of it take turns. */
  findForUpdate(tx: Tx, id: string): Promise<ComplaintEntity | null> {
    return tx.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A new complaint (C-1), as filed. */
  async insert(tx: Tx, fields: ComplaintEntity): Promise<ComplaintEntity> {
    const complaint = tx.create(ComplaintEntity, fields);
    await tx.insert(ComplaintEntity, complaint);
    return complaint;
  }

  /** A complaint changed by a resolution or a reopening, its row locked by findForUpdate. */
  async save(tx: Tx, complaint: ComplaintEntity): Promise<void> {
    await tx.save(complaint);
  }

  /** A list in filing order, narrowed to what the caller may see (visibility.ts). */
  list(scope: ComplaintScope, filter: ComplaintFilter, page: { limit: number; cursor?: string }): Promise<Page<ComplaintEntity>> {
    const qb = this.dataSource.getRepository(ComplaintEntity).createQueryBuilder('c');
    if (scope.kind === 'none') qb.andWhere('false');
    if (scope.kind === 'some') {
      if (scope.departmentId) {
        qb.andWhere('(c.employeeId = :me OR c.departmentId = :myDepartment OR c.customerDepartmentId = :myDepartment)', { me: scope.employeeId, myDepartment: scope.departmentId });
      }
      else qb.andWhere('c.employeeId = :me', { me: scope.employeeId });
    }
    if (filter.customerId) qb.andWhere('c.customerId = :customerId', { customerId: filter.customerId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.employeeId) qb.andWhere('c.employeeId = :employeeId', { employeeId: filter.employeeId });
    if (filter.departmentId) qb.andWhere('c.departmentId = :departmentId', { departmentId: filter.departmentId });
    return keysetPage(qb, 'c.id', page, { column: 'c.filedAt', value: (c) => c.filedAt });
  }

  /** The complaints of each customer, oldest first (one query for a DataLoader batch). */
  ofCustomers(customerIds: readonly string[]): Promise<ComplaintEntity[]> {
    return this.dataSource.getRepository(ComplaintEntity).find({ where: { customerId: In([...customerIds]) }, order: { filedAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Books fines with one INSERT, each (complaint, rule, person) once: answers those newly booked, with the
   * fine id their fine.imposed event carries. A fine already booked answers nothing, so it is announced once.
   */
  async imposeFines(tx: Tx, fines: readonly FineToImpose[], now: Date): Promise<(FineToImpose & { fineId: string })[]> {
    if (fines.length === 0) return [];
    const rows: { complaint_id: string; rule: Fine['rule']; employee_id: string; fine_id: string; department_id: string; amount_fen: string }[] = await tx.query(
      `INSERT INTO complaint_fines (complaint_id, rule, employee_id, fine_id, department_id, amount_fen, imposed_at)
       SELECT f.complaint_id, f.rule, f.employee_id, f.fine_id, f.department_id, f.amount_fen, $7
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[])
         AS f(complaint_id, rule, employee_id, fine_id, department_id, amount_fen)
       ON CONFLICT DO NOTHING
       RETURNING complaint_id, rule, employee_id, fine_id, department_id, amount_fen`,
      [
        fines.map((f) => f.complaintId),
        fines.map((f) => f.rule),
        fines.map((f) => f.employeeId),
        fines.map(() => randomUUID()),
        fines.map((f) => f.departmentId),
        fines.map((f) => f.amountFen),
        now,
      ],
    );
    return rows.map((r) => ({ complaintId: r.complaint_id, rule: r.rule, employeeId: r.employee_id, fineId: r.fine_id, departmentId: r.department_id, amountFen: Number(r.amount_fen) }));
  }

  /** An action recorded on a complaint (C-5). */
  async recordAction(tx: Tx, action: ComplaintActionEntity): Promise<ComplaintActionEntity> {
    const row = tx.create(ComplaintActionEntity, action);
    await tx.insert(ComplaintActionEntity, row);
    return row;
  }

  /** The actions recorded on each complaint, oldest first (one query for a DataLoader batch). */
  actionsOf(complaintIds: readonly string[]): Promise<ComplaintActionEntity[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ComplaintActionEntity).find({ where: { complaintId: In([...complaintIds]) }, order: { recordedAt: 'ASC', id: 'ASC' } });
  }

  /** The fines of each complaint, oldest first (one query for a customer's export, P-3). */
  finesOfComplaints(complaintIds: readonly string[]): Promise<ComplaintFineEntity[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ComplaintFineEntity).find({ where: { complaintId: In([...complaintIds]) }, order: { imposedAt: 'ASC', rule: 'ASC' } });
  }

  /**
   * P-3 erasure: every text about the customer in their complaints (description, resolution note, reopening
   * reason) and in the actions recorded on them becomes `text`; ids, statuses, dates and fines stay. Rows already
   * erased are left alone, so a second run changes nothing. Answers how many rows changed.
   */
  async eraseTexts(tx: Tx, customerId: string, text: string): Promise<{ complaints: number; actions: number }> {
    const [, actions]: [unknown[], number] = await tx.query(
      `UPDATE complaint_actions a SET note = $2
         FROM complaints c
        WHERE c.id = a.complaint_id AND c.customer_id = $1 AND a.note <> $2`,
      [customerId, text],
    );
    const [, complaints]: [unknown[], number] = await tx.query(
      `UPDATE complaints SET description = $2,
              resolution_note = CASE WHEN resolution_note IS NULL THEN NULL ELSE $2 END,
              reopen_reason = CASE WHEN reopen_reason IS NULL THEN NULL ELSE $2 END
        WHERE customer_id = $1
          AND (description <> $2 OR resolution_note <> $2 OR reopen_reason <> $2)`,
      [customerId, text],
    );
    return { complaints, actions };
  }

  finesOf(complaintId: string): Promise<ComplaintFineEntity[]> {
    return this.dataSource.getRepository(ComplaintFineEntity).find({ where: { complaintId }, order: { imposedAt: 'ASC', rule: 'ASC' } });
  }
}
