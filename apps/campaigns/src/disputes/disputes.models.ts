import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DisputeStatus } from './dispute.entities';

registerEnumType(DisputeStatus, { name: 'DisputeStatus', description: 'Where a dispute stands (J-11): ESCALATED means the general manager rules' });

@ObjectType({ description: 'A dispute between departments at a meeting and its ruling (J-11)' })
export class Dispute {
  @Field(() => ID, { description: 'The dispute' })
  id: string;

  @Field(() => ID, { description: 'The meeting it arose at' })
  meetingId: string;

  @Field(() => ID, { nullable: true, description: 'The customer the conflict is about' })
  customerId: string | null;

  @Field(() => [ID], { description: 'The employees in conflict, of at least two departments' })
  partyEmployeeIds: string[];

  @Field({ description: 'What the conflict is' })
  description: string;

  @Field({ description: 'J-11: argued in front of customers (each party fined 100 yuan)' })
  arguedInFrontOfCustomers: boolean;

  @Field(() => DisputeStatus, { description: 'Where it stands' })
  status: DisputeStatus;

  @Field(() => ID, { nullable: true, description: 'The employee who recorded it' })
  recordedBy: string | null;

  @Field({ description: 'ISO 8601 instant it was recorded' })
  recordedAt: string;

  @Field(() => String, { nullable: true, description: 'The ruling, in words; null before one' })
  ruling: string | null;

  @Field(() => ID, { nullable: true, description: 'The department the ruling finds for' })
  awardedDepartmentId: string | null;

  @Field(() => ID, { nullable: true, description: "J-11: the employee credited with the customer's sales at the meeting by the award" })
  awardedEmployeeId: string | null;

  @Field(() => ID, { nullable: true, description: 'Who ruled' })
  ruledBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant of the ruling' })
  ruledAt: string | null;
}
