import { ApiProperty } from '@nestjs/swagger';
import { RefundEntity, SaleEntity } from './sale.entities';

/** A sale at a meeting (J-10), as the API answers it; amounts in fen. */
export class SaleView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ example: 128000, description: 'Amount in fen (1 yuan = 100 fen)' })
  amountFen: number;

  @ApiProperty({ example: 0, description: 'What refunds have taken back so far, in fen' })
  refundedFen: number;

  @ApiProperty({ format: 'uuid', description: "The employee credited: the holder of the customer's invitation, else the owner (J-10)" })
  creditedEmployeeId: string;

  @ApiProperty({ format: 'uuid', description: 'The department credited' })
  creditedDepartmentId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The invitation the customer came on; null for a walk-in' })
  invitationId: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The customer who brought this one to the meeting (J-9), for R-2 points' })
  referrerId: string | null;

  @ApiProperty({ example: '2026-03-08T07:00:00.000Z', description: 'ISO 8601 instant' })
  soldAt: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The employee who recorded it' })
  recordedBy: string | null;
}

/** A refund of all or part of a sale; amount in fen. */
export class RefundView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  saleId: string;

  @ApiProperty({ example: 50000, description: 'Amount in fen' })
  amountFen: number;

  @ApiProperty({ example: '2026-03-09T07:00:00.000Z', description: 'ISO 8601 instant' })
  refundedAt: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'The employee who recorded it' })
  recordedBy: string | null;
}

export function saleView(s: SaleEntity): SaleView {
  return {
    id: s.id,
    meetingId: s.meetingId,
    customerId: s.customerId,
    amountFen: s.amountFen,
    refundedFen: s.refundedFen,
    creditedEmployeeId: s.creditedEmployeeId,
    creditedDepartmentId: s.creditedDepartmentId,
    invitationId: s.invitationId,
    referrerId: s.referrerId,
    soldAt: s.soldAt.toISOString(),
    recordedBy: s.recordedBy,
  };
}

export function refundView(r: RefundEntity): RefundView {
  return { id: r.id, saleId: r.saleId, amountFen: r.amountFen, refundedAt: r.refundedAt.toISOString(), recordedBy: r.recordedBy };
}
