import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An outreach event (O-1): archives collected there are divided among its participants (O-4)' })
export class OutreachEvent {
  @Field(() => ID, { description: 'The outreach event' })
  id: string;

  @Field(() => ID, { description: 'The organising department' })
  departmentId: string;

  @Field({ description: 'Business date the event took place, YYYY-MM-DD' })
  date: string;

  @Field(() => [ID], { description: 'The employees who took part; archives collected there are divided among them (O-4)' })
  participantIds: string[];

  @Field(() => ID, { nullable: true, description: 'The employee who recorded it' })
  recordedBy: string | null;

  @Field({ description: 'ISO 8601 instant it was recorded' })
  createdAt: string;
}
