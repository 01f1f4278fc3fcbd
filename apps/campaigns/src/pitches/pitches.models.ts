import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The roles of a presenting employee, as a GraphQL enum (`PitchRole`). */
export const PitchRole = { HOLDER: 'HOLDER', ASSISTANT: 'ASSISTANT' } as const;
registerEnumType(PitchRole, { name: 'PitchRole', description: "HOLDER: holds the invitation; ASSISTANT: the follow-up employee, with the holder's consent (J-10)" });

@ObjectType({ description: 'An employee presenting products to a customer at a meeting (J-10)' })
export class Pitch {
  @Field(() => ID, { description: 'The pitch' })
  id: string;

  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => ID, { description: 'The customer presented to' })
  customerId: string;

  @Field(() => ID, { description: 'The presenting employee' })
  employeeId: string;

  @Field(() => PitchRole, { description: 'Whether the presenter holds the invitation or assists with consent' })
  role: 'HOLDER' | 'ASSISTANT';

  @Field({ description: 'ISO 8601 instant it started' })
  startedAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant it ended; null while presenting' })
  endedAt: string | null;
}

@ObjectType({ description: "The holder's consent that the customer's follow-up employee may help sell (J-10, 借用帮促销售)" })
export class PitchConsent {
  @Field(() => ID, { description: 'The meeting' })
  meetingId: string;

  @Field(() => ID, { description: 'The customer' })
  customerId: string;

  @Field(() => ID, { description: "The customer's follow-up employee who may help sell" })
  assistantId: string;

  @Field(() => ID, { description: 'The holder who consented' })
  grantedBy: string;

  @Field({ description: 'ISO 8601 instant of the consent' })
  grantedAt: string;
}
