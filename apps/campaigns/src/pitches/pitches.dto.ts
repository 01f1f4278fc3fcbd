import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class StartPitchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}

export class GrantConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ format: 'uuid', description: "The customer's follow-up employee (owner) who may help sell" })
  @IsUUID()
  employeeId: string;
}
