import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

export class SubmitSheetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "The department's confirmed invitations of the day" })
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  customerIds: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Planned invitations for the next day (every department but the meeting's first)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  plannedCustomerIds?: string[];
}
