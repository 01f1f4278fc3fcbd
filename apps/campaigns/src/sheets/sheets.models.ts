import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Another department held the customer first (J-4)' })
export class HeldByOther {
  @Field(() => ID)
  customerId: string;

  @Field(() => ID)
  holderDepartmentId: string;
}

@ObjectType({ description: "A department's daily sheet as received (J-3): when it counts and what it locked" })
export class SheetReceipt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => ID)
  departmentId: string;

  @Field()
  submittedAt: string;

  @Field({ description: 'The obligation day it fulfils (J-7)' })
  forDay: string;

  @Field({ description: 'The day its customers count for (J-4)' })
  effectiveDay: string;

  @Field()
  late: boolean;

  @Field(() => [ID])
  locked: string[];

  @Field(() => [HeldByOther])
  heldByOthers: HeldByOther[];

  @Field(() => [ID])
  pending: string[];

  @Field(() => [ID], { description: 'J-12: the speakers this sheet reserved to the department for the meeting' })
  speakers: string[];
}
