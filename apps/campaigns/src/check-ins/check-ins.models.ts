import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A customer checked in at a meeting (J-9)' })
export class Attendance {
  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => ID, { description: 'The customer checked in' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The existing customer who brought them (J-9)' })
  referrerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The department holding the invitation (J-10)' })
  departmentId: string | null;

  @Field({ description: "The customer's first attended meeting ever" })
  firstAttendance: boolean;

  @Field({ description: 'ISO 8601 instant of the check-in' })
  checkedInAt: string;
}
