import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class InviteCustomerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}
