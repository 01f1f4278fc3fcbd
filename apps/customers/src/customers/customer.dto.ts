import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@crm/http';
import { CustomerSource, CustomerStage, Gender } from './customer.entity';

export class RegisterCustomerDto {
  @ApiProperty({ example: '李秀英' })
  @IsString()
  @Length(1, 64)
  name: string;

  @ApiProperty({ example: '138 1234 5678', description: 'Mainland mobile in any common format; stored as E.164' })
  @IsString()
  @Length(1, 32)
  phone: string;

  @ApiPropertyOptional({ enum: Gender })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @ApiPropertyOptional({ example: '1956-04-12' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  birthDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 200)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 500)
  notes?: string;

  @ApiProperty({ enum: CustomerSource })
  @IsEnum(CustomerSource)
  source: CustomerSource;

  @ApiPropertyOptional({ description: 'Owner employee; an employee who names none becomes the owner' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ description: 'The existing customer who brought this one' })
  @IsOptional()
  @IsUUID()
  referrerId?: string;
}

/** The archive fields a PATCH may change, each optional, with the same checks as at registration. */
export class UpdateCustomerDto extends PartialType(
  PickType(RegisterCustomerDto, ['name', 'phone', 'gender', 'birthDate', 'address', 'notes'] as const),
) {}

export class TransferCustomerDto {
  @ApiProperty()
  @IsUUID()
  toEmployeeId: string;

  @ApiProperty({ example: 'under-served for 3 months (V-2)' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Any common format; matched on the normalised phone' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: CustomerStage })
  @IsOptional()
  @IsEnum(CustomerStage)
  stage?: CustomerStage;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  underServed?: boolean;

  @ApiPropertyOptional({ description: 'Name prefix' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}
