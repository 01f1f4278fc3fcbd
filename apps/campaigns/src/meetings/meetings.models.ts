import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingSlot } from './meeting.entity';
import { connectionTypes } from '@crm/http';

registerEnumType(MeetingSlot, { name: 'MeetingSlot', description: 'The part of the day a meeting takes' });

/** Customers owns departments; campaigns refers to them by key (Federation 2 entity reference). */
@ObjectType({ description: 'A department (事业部 / 部门): employees and one head' })
@Directive('@key(fields: "id", resolvable: false)')
export class Department {
  @Field(() => ID, { description: 'The department' })
  id: string;
}

@ObjectType({ description: 'A meeting (J-1); joint when more than one department takes part' })
export class Meeting {
  @Field(() => ID, { description: 'The meeting' })
  id: string;

  @Field({ description: 'Business date, YYYY-MM-DD' })
  date: string;

  @Field(() => MeetingSlot, { description: 'The part of the day' })
  slot: MeetingSlot;

  @Field({ description: 'Where it takes place' })
  venue: string;

  @Field(() => [ID], { description: 'In the department order of J-3' })
  departmentIds: string[];

  @Field({ description: 'More than one department takes part (J-3..J-8 apply)' })
  joint: boolean;

  @Field(() => [Department], { description: 'The participating departments, in the department order of J-3' })
  departments: Department[];
}

export const MeetingConnection = connectionTypes(Meeting, 'Meeting', 'meeting');
