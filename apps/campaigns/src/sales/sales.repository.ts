import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { RefundEntity, SaleEntity } from './sale.entities';

/** Every query on sales and refunds (J-10). */
@Injectable()
export class SalesRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(tx: Tx, sale: Omit<SaleEntity, 'id'>): Promise<SaleEntity> {
    return tx.save(tx.create(SaleEntity, sale));
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<SaleEntity | null> {
    return tx.findOneBy(SaleEntity, { id });
  }

  /** The sale row locked: concurrent refunds are counted one after another. */
  findForUpdate(tx: Tx, id: string): Promise<SaleEntity | null> {
    return tx.findOne(SaleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: Tx, sale: SaleEntity): Promise<SaleEntity> {
    return tx.save(sale);
  }

  /** The customer's sales at the meeting credited elsewhere than `to`, rows locked (J-11: a ruling moves their credit). */
  creditedElsewhere(tx: Tx, meetingId: string, customerId: string, to: { employeeId: string; departmentId: string }): Promise<SaleEntity[]> {
    return tx
      .getRepository(SaleEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.meeting_id = :meetingId AND s.customer_id = :customerId', { meetingId, customerId })
      .andWhere('(s.credited_employee_id <> :employeeId OR s.credited_department_id <> :departmentId)', to)
      .orderBy('s.sold_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  async moveCredit(tx: Tx, saleIds: string[], to: { employeeId: string; departmentId: string; invitationId: string | null }): Promise<void> {
    if (!saleIds.length) return;
    await tx.update(SaleEntity, { id: In(saleIds) }, { creditedEmployeeId: to.employeeId, creditedDepartmentId: to.departmentId, invitationId: to.invitationId });
  }

  insertRefund(tx: Tx, refund: Omit<RefundEntity, 'id'>): Promise<RefundEntity> {
    return tx.save(tx.create(RefundEntity, refund));
  }

  /** A meeting's sales in the order sold (keyset on sold_at, id). */
  pageOfMeeting(meetingId: string, filter: { departmentId?: string; customerId?: string }, page: { limit: number; cursor?: string }): Promise<Page<SaleEntity>> {
    const qb = this.dataSource.getRepository(SaleEntity).createQueryBuilder('s').where('s.meeting_id = :meetingId', { meetingId });
    if (filter.departmentId) qb.andWhere('s.credited_department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.customerId) qb.andWhere('s.customer_id = :customerId', { customerId: filter.customerId });
    return keysetPage(qb, 's.id', page, { column: 's.sold_at', value: (s) => s.soldAt });
  }
}
