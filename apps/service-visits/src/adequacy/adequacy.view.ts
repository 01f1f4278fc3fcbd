import { ApiProperty } from '@nestjs/swagger';
import type { CustomerOwnership } from '@crm/service-kit';
import type { CustomerServiceStateEntity } from '../customers/customer-service-state.entity';

/** What the director sends to customers' transfer (filled in by the caller). */
export class TransferBodyView {
  @ApiProperty({ example: '<employee id>', description: 'The employee who takes the customer over' })
  toEmployeeId: string;

  @ApiProperty({ example: 'V-2: under-served' })
  reason: string;
}

/**
 * Reassigning is the customers service's transfer (RESOURCE_DIRECTOR only, audited there): the list links to it
 * rather than doing it again here.
 */
export class TransferLinkView {
  @ApiProperty({ enum: ['POST'] })
  method: 'POST';

  @ApiProperty({ example: '/api/v1/customers/5f0c2a8e-2b8e-4c1a-9a57-3f1c2d7b9e10/transfer' })
  href: string;

  @ApiProperty({ type: TransferBodyView })
  body: TransferBodyView;
}

/** An under-served customer on the resource director's list (V-2). */
export class UnderServedView {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The customer's owner" })
  ownerId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The owner's department" })
  departmentId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last meeting attended or owner-department home visit' })
  lastServedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the service-adequacy sweep flagged the customer' })
  underServedSince: string | null;

  @ApiProperty({ type: TransferLinkView, description: "Reassign through customers' transfer (RESOURCE_DIRECTOR)" })
  transfer: TransferLinkView;
}

export function underServedView(c: CustomerServiceStateEntity, owner: Pick<CustomerOwnership, 'ownerId' | 'departmentId'> | null): UnderServedView {
  return {
    customerId: c.id,
    ownerId: owner?.ownerId ?? null,
    departmentId: owner?.departmentId ?? null,
    lastServedAt: c.lastServedAt?.toISOString() ?? null,
    underServedSince: c.servedStateAt?.toISOString() ?? null,
    transfer: { method: 'POST', href: `/api/v1/customers/${c.id}/transfer`, body: { toEmployeeId: '<employee id>', reason: 'V-2: under-served' } },
  };
}
