import { ApiProperty } from '@nestjs/swagger';
import type { CustomerServiceStateEntity } from '../customers/customer-service-state.entity';

/** The customer's service state as the export shows it: the stage (S-1, V-3) and the V-2 state. */
export interface ServiceStateData {
  stage: string | null;
  stageSince: string | null;
  lastServedAt: string | null;
  underServed: boolean;
  /** When the under-served flag was last set or cleared. */
  servedStateAt: string | null;
}

/** What service-visits holds about one customer (P-3). */
export interface ServiceVisitsPersonalData {
  /** As GET /api/v1/service-records answers them to the owner, notes shown and readings decrypted. */
  serviceRecords: unknown[];
  visitPlans: unknown[];
  surveys: unknown[];
  serviceState: ServiceStateData | null;
}

/** `GET /api/v1/personal-data/{customerId}` of service-visits (P-3). */
export class ServiceVisitsPersonalDataView {
  @ApiProperty({ enum: ['service-visits'], description: 'The service whose section this is' })
  service: 'service-visits';

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      '`{ serviceRecords, visitPlans, surveys, serviceState }`: every service record of the customer, oldest first, with its notes and its health readings DECRYPTED (each opening recorded in readings_reads and published as personal_data.read, P-2), every visit plan (V-3) by due time, every survey (V-4) with its comment, and the stage and V-2 state (null when none is kept); null when service-visits never heard of the customer',
    example: {
      serviceRecords: [
        {
          id: '5f0c2a8e-2b8e-4c1a-9a57-3f1c2d7b9e10',
          kind: 'HOME_VISIT',
          notes: '免费量血压',
          readings: [{ systolic: 152, diastolic: 97 }],
        },
      ],
      visitPlans: [{ reason: 'CADENCE', status: 'DUE', dueAt: '2031-01-08T02:00:00.000Z' }],
      surveys: [{ score: 5, comment: '很满意' }],
      serviceState: {
        stage: 'NEW',
        stageSince: '2031-01-01T02:00:00.000Z',
        lastServedAt: null,
        underServed: false,
        servedStateAt: null,
      },
    },
  })
  data: ServiceVisitsPersonalData | null;
}

export function serviceStateData(s: CustomerServiceStateEntity): ServiceStateData {
  return {
    stage: s.stage,
    stageSince: s.stageSince?.toISOString() ?? null,
    lastServedAt: s.lastServedAt?.toISOString() ?? null,
    underServed: s.underServed,
    servedStateAt: s.servedStateAt?.toISOString() ?? null,
  };
}
