import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { ComplaintResolutionEntity } from './complaint-resolution.entity';

/** Every query on complaint resolutions as complaints announced them. */
@Injectable()
export class ComplaintResolutionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the latest resolution of a complaint (it may be reopened once and resolved again, C-5). */
  async record(tx: Tx, r: ComplaintResolutionEntity): Promise<void> {
    await tx.query(
      `INSERT INTO complaint_resolutions (complaint_id, customer_id, employee_id, department_id, resolved_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (complaint_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at WHERE complaint_resolutions.resolved_at < EXCLUDED.resolved_at`,
      [r.complaintId, r.customerId, r.employeeId, r.departmentId, r.resolvedAt],
    );
  }

  find(complaintId: string, tx: Tx = this.dataSource.manager): Promise<ComplaintResolutionEntity | null> {
    return tx.findOneBy(ComplaintResolutionEntity, { complaintId });
  }
}
