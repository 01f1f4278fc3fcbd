import { ApiProperty } from '@nestjs/swagger';
import type { ServiceName } from '@crm/events';

/**
 * One service's part of a customer's data export (P-3): `GET /api/v1/personal-data/{customerId}` of every service
 * but customers, which the gateway assembles into `GET /api/v1/customers/{id}/export` (`data` becomes the
 * service's section). What `data` holds is said by each service's operation.
 */
export class PersonalDataPartView<T = object> {
  @ApiProperty({ enum: ['campaigns', 'rewards', 'complaints', 'service-visits'], description: 'The service this part comes from' })
  service: ServiceName;

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f1b-9a7e-2c5d8e9f0a1b', description: 'The customer (customers owns the record)' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Everything the service holds about the customer, as plain JSON (ids, amounts in fen, ISO 8601 instants, texts); null when it never heard of them',
  })
  data: T | null;
}

/** A part from what a service holds, table by table: `data` is null when every list is empty and every row absent. */
export function personalDataPart<T extends object>(service: ServiceName, customerId: string, holdings: T): PersonalDataPartView<T> {
  const held = Object.values(holdings).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
  return { service, customerId, data: held ? { ...holdings } : null };
}
