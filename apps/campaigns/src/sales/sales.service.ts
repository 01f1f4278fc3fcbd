import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions, type Page, type Tx } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CheckInsService } from '../check-ins/check-ins.service';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingsService } from '../meetings/meetings.service';
import { assertDepartmentRecord, assertTakesPart, departmentScope } from '../organisation/department-scope';
import { InvitationErrors } from '../invitations/invitations.errors';
import { UnderServedService } from '../under-served/under-served.service';
import { RefundEntity, SaleEntity } from './sale.entities';
import { RecordSaleDto, RefundSaleDto, SaleQueryDto } from './sales.dto';
import { SaleErrors } from './sales.errors';
import { SalesRepository } from './sales.repository';

/** J-10: sales credited to the holder of the customer's invitation, and refunds; both announced for S and R. */
@Injectable()
export class SalesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly sales: SalesRepository,
    private readonly meetings: MeetingsService,
    private readonly checkIns: CheckInsService,
    private readonly invitations: InvitationsService,
    private readonly customers: UnderServedService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async record(caller: Principal | undefined, meetingId: string, dto: RecordSaleDto): Promise<SaleEntity> {
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    return this.transactions.run(async (tx) => {
      const attendance = await this.checkIns.attendance(meeting.id, dto.customerId, tx);
      if (!attendance) throw SaleErrors.CUSTOMER_NOT_CHECKED_IN(`Customer ${dto.customerId} is not checked in at meeting ${meeting.id}`);
      // J-10: the holder of the current invitation; a walk-in nobody invited is credited to their owner.
      const invitation = await this.invitations.holding(meeting.id, dto.customerId, tx);
      // The check-in already waited for a customer registered a moment ago (read your writes), so the owner is known.
      const owner = invitation ? null : await this.customers.find(dto.customerId, tx);
      if (!invitation && !owner) throw InvitationErrors.CUSTOMER_NOT_FOUND(`No customer ${dto.customerId}`);
      const now = this.clock.now();
      const sale = await this.sales.insert(tx, {
        meetingId: meeting.id,
        customerId: dto.customerId,
        amountFen: dto.amountFen,
        refundedFen: 0,
        creditedEmployeeId: invitation?.employeeId ?? owner!.ownerId,
        creditedDepartmentId: invitation?.departmentId ?? owner!.departmentId,
        invitationId: invitation?.id ?? null,
        referrerId: attendance.referrerId,
        soldAt: now,
        recordedBy: isEmployee(caller) ? caller.employeeId : null,
      });
      await this.outbox.append(tx, [
        {
          name: 'sale.recorded',
          payload: {
            saleId: sale.id,
            meetingId: sale.meetingId,
            customerId: sale.customerId,
            amountFen: sale.amountFen,
            creditedEmployeeId: sale.creditedEmployeeId,
            creditedDepartmentId: sale.creditedDepartmentId,
            referrerId: sale.referrerId,
            soldAt: now.toISOString(),
          },
        },
      ]);
      return sale;
    });
  }

  async refund(caller: Principal | undefined, saleId: string, dto: RefundSaleDto): Promise<RefundEntity> {
    if (!isUUID(saleId)) throw SaleErrors.SALE_NOT_FOUND(`No sale ${saleId}`);
    return this.transactions.run(async (tx) => {
      // The sale row locked: concurrent refunds are counted one after another, never past the amount.
      const sale = await this.sales.findForUpdate(tx, saleId);
      if (!sale) throw SaleErrors.SALE_NOT_FOUND(`No sale ${saleId}`);
      // A refund takes points back from the referrer: only the department credited with the sale, or a
      // company-wide role, may record one.
      assertDepartmentRecord(caller, sale.creditedDepartmentId);
      const left = sale.amountFen - sale.refundedFen;
      if (dto.amountFen > left) throw SaleErrors.REFUND_EXCEEDS_SALE(`${left} fen of the sale are left to refund`, { refundableFen: left });
      const now = this.clock.now();
      sale.refundedFen += dto.amountFen;
      await this.sales.save(tx, sale);
      const refund = await this.sales.insertRefund(tx, { saleId: sale.id, amountFen: dto.amountFen, refundedAt: now, recordedBy: isEmployee(caller) ? caller.employeeId : null });
      await this.outbox.append(tx, [
        { name: 'sale.refunded', payload: { refundId: refund.id, saleId: sale.id, meetingId: sale.meetingId, customerId: sale.customerId, amountFen: dto.amountFen, refundedAt: now.toISOString() } },
      ]);
      return refund;
    });
  }

  /**
   * J-11: a ruling awarded the customer to `to`: the credit of every sale of the customer at the meeting moves there,
   * each announced (`sale.credit_moved`) in the ruling's transaction. Answers the sales moved.
   */
  async moveCredit(
    tx: Tx,
    move: { meetingId: string; customerId: string; disputeId: string; at: Date },
    to: { employeeId: string; departmentId: string; invitationId: string | null },
  ): Promise<string[]> {
    const sales = await this.sales.creditedElsewhere(tx, move.meetingId, move.customerId, to);
    await this.sales.moveCredit(tx, sales.map((s) => s.id), to);
    await this.outbox.append(
      tx,
      sales.map((s) => ({
        name: 'sale.credit_moved' as const,
        payload: {
          saleId: s.id,
          meetingId: s.meetingId,
          customerId: s.customerId,
          amountFen: s.amountFen,
          refundedFen: s.refundedFen,
          fromEmployeeId: s.creditedEmployeeId,
          fromDepartmentId: s.creditedDepartmentId,
          toEmployeeId: to.employeeId,
          toDepartmentId: to.departmentId,
          disputeId: move.disputeId,
          movedAt: move.at.toISOString(),
        },
      })),
    );
    return sales.map((s) => s.id);
  }

  /** A sale, for the department credited with it or a company-wide role (as the meeting's list of sales). */
  async get(caller: Principal | undefined, id: string): Promise<SaleEntity> {
    const sale = isUUID(id) ? await this.sales.find(id) : null;
    if (!sale) throw SaleErrors.SALE_NOT_FOUND(`No sale ${id}`);
    assertDepartmentRecord(caller, sale.creditedDepartmentId);
    return sale;
  }

  /** A meeting's sales in the order sold: staff of a department see those credited to it, company-wide roles any. */
  async list(caller: Principal | undefined, meetingId: string, query: SaleQueryDto, limit: number): Promise<Page<SaleEntity>> {
    const departmentId = departmentScope(caller, query.departmentId);
    const meeting = await this.meetings.get(meetingId);
    assertTakesPart(caller, meeting);
    return this.sales.pageOfMeeting(meeting.id, { departmentId, customerId: query.customerId }, { limit, cursor: query.cursor });
  }
}
