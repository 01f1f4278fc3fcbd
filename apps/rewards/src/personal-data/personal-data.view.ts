import { ApiProperty } from '@nestjs/swagger';
import type { RewardsHoldings } from './personal-data.service';

/** rewards' part of a customer's data export (P-3); the gateway puts `data` in the document's `rewards` section. */
export class RewardsPersonalDataView {
  @ApiProperty({ enum: ['rewards'], example: 'rewards', description: 'The service this part comes from' })
  service: 'rewards';

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer (customers owns the record)' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Everything rewards holds about the customer, as plain JSON (ids, points, amounts in fen, ISO 8601 instants, texts): knownCustomer (registration and referrer), ownership (the read model), account (balance, lifetime and owed points), entries (the points ledger, oldest first), corrections, redemptions (each request with its stored answer), referralBonuses, referralSales, referralRefunds and referralSpends (as the referred customer or the referrer). Null when rewards never heard of the customer. Fines are staff fines and concern no customer.',
  })
  data: Record<string, unknown> | null;
}

/** The part as it leaves the service: null data when nothing at all is held. */
export function rewardsPersonalDataView(customerId: string, holdings: RewardsHoldings): RewardsPersonalDataView {
  const held = Object.values(holdings).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null));
  return { service: 'rewards', customerId, data: held ? { ...holdings } : null };
}
