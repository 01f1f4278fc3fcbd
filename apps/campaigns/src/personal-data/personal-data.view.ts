import { ApiProperty } from '@nestjs/swagger';
import type { CampaignsHoldings } from './personal-data.service';

/** campaigns' part of a customer's data export (P-3); the gateway puts `data` in the document's `campaigns` section. */
export class CampaignsPersonalDataView {
  @ApiProperty({ enum: ['campaigns'], example: 'campaigns', description: 'The service this part comes from' })
  service: 'campaigns';

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer (customers owns the record)' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Everything campaigns holds about the customer, as plain JSON (ids, amounts in fen, ISO 8601 instants, texts): ownership (the read model), underServed (the V-2 verdict), invitations, takeoverReports (V-2 reports filed for them), sheetMentions, sheetClaims, meetingLocks, speakerReservations, checkIns, sales, refunds, pitches, pitchConsents, disputes (naming them). Null when campaigns never heard of the customer.',
  })
  data: Record<string, unknown> | null;
}

/** The part as it leaves the service: null data when nothing at all is held. */
export function campaignsPersonalDataView(customerId: string, holdings: CampaignsHoldings): CampaignsPersonalDataView {
  const held = Object.values(holdings).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null));
  return { service: 'campaigns', customerId, data: held ? { ...holdings } : null };
}
