import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../support/connection';
import { TakeoverStatus } from './takeover-report.entity';

registerEnumType(TakeoverStatus, { name: 'TakeoverStatus' });

/** V-2: a takeover report, as REST's TakeoverReportView. */
@ObjectType()
export class TakeoverReport {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID)
  reportingEmployeeId: string;

  @Field(() => ID)
  reportingDepartmentId: string;

  @Field(() => ID)
  invitationId: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => ID, { description: 'The owner the customer had when invited' })
  ownerId: string;

  @Field(() => ID, { description: 'The department that was reported' })
  departmentId: string;

  @Field(() => TakeoverStatus)
  status: TakeoverStatus;

  @Field()
  createdAt: string;

  @Field(() => String, { nullable: true })
  decidedAt: string | null;

  @Field(() => ID, { nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;
}

@ObjectType()
export class TakeoverReportEdge {
  @Field(() => TakeoverReport)
  node: TakeoverReport;

  @Field()
  cursor: string;
}

@ObjectType()
export class TakeoverReportConnection {
  @Field(() => [TakeoverReportEdge])
  edges: TakeoverReportEdge[];

  @Field(() => [TakeoverReport])
  nodes: TakeoverReport[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
