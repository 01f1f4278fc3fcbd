import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A customer checked in at a meeting (J-9)' })
export class Attendance {
  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID, { nullable: true })
  referrerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The department holding the invitation (J-10)' })
  departmentId: string | null;

  @Field({ description: "The customer's first attended meeting ever" })
  firstAttendance: boolean;

  @Field()
  checkedInAt: string;
}
