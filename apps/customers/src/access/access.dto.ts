import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PARTNER_SCOPES, Role } from '@crm/auth';

export class DevTokenDto {
  @ApiPropertyOptional({ enum: Role, description: 'A token for a role with no employee behind it' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'A token for this employee: role and department taken from the employee' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP sync' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes: string[];
}
