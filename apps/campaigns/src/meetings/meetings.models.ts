import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingSlot } from './meeting.entity';

registerEnumType(MeetingSlot, { name: 'MeetingSlot' });

/** Customers owns departments; campaigns refers to them by key (Federation 2 entity reference). */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Department {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'A meeting (J-1); joint when more than one department takes part' })
export class Meeting {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Business date, YYYY-MM-DD' })
  date: string;

  @Field(() => MeetingSlot)
  slot: MeetingSlot;

  @Field()
  venue: string;

  @Field(() => [ID], { description: 'In the department order of J-3' })
  departmentIds: string[];

  @Field()
  joint: boolean;

  @Field(() => [Department])
  departments: Department[];
}
