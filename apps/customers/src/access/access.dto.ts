import { Field, InputType } from '@nestjs/graphql';
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

/** One class for REST (the body) and GraphQL (`CreateApiKeyInput`), so both transports check the same way. */
@InputType('CreateApiKeyInput', { description: 'A partner key to issue: its name and scopes' })
export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP sync' })
  @Field({ description: 'What the key is for' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  @Field(() => [String], { description: 'What the key may do: customers:read, customers:write, customers:pii, …' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes: string[];
}
