import { ApiProperty } from '@nestjs/swagger';

/** What complaints holds about one customer (P-3), the complaints section of the customer's export. */
export interface ComplaintsPersonalData {
  /** Every complaint about the customer, oldest first, as GET /api/v1/complaints/{id} answers it (fines, actions). */
  complaints: unknown[];
}

/** `GET /api/v1/personal-data/{customerId}` of complaints (P-3). */
export class ComplaintsPersonalDataView {
  @ApiProperty({ enum: ['complaints'], description: 'The service whose section this is' })
  service: 'complaints';

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      '`{ complaints: [...] }`: every complaint about the customer, oldest first, each as GET /api/v1/complaints/{id} answers it (description, resolution note, reopening reason, fines with their amounts, actions with their notes); null when complaints never heard of the customer',
    example: {
      complaints: [
        {
          id: '5f0c2a8e-2b8e-4c1a-9a57-3f1c2d7b9e10',
          description: '上门服务迟到两小时',
          status: 'RESOLVED',
          fines: [{ rule: 'C-2', amountFen: 10_000 }],
          actions: [],
        },
      ],
    },
  })
  data: ComplaintsPersonalData | null;
}
