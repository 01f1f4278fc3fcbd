import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** One class for REST and GraphQL (`StartPitchInput`). */
@InputType('StartPitchInput', { description: 'Whom to start presenting to (J-10)' })
export class StartPitchDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer presented to' })
  @IsUUID()
  customerId: string;
}

/** One class for REST and GraphQL (`GrantPitchConsentInput`). */
@InputType('GrantPitchConsentInput', { description: "The holder's consent that the customer's follow-up employee may help sell (J-10)" })
export class GrantConsentDto {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The customer' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ format: 'uuid', description: "The customer's follow-up employee (owner) who may help sell" })
  @Field(() => ID, { description: "The customer's follow-up employee (owner) who may help sell" })
  @IsUUID()
  employeeId: string;
}
