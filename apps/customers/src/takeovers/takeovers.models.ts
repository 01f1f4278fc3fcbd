import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../support/connection';
import { TakeoverStatus } from './takeover-report.entity';

registerEnumType(TakeoverStatus, {
  name: 'TakeoverStatus',
  description: 'Where a takeover report stands (V-2); a report is decided once',
  valuesMap: {
    PENDING: { description: 'Waiting for the resource director' },
    APPROVED: { description: 'Approved: the customer moved to the reporting employee' },
    DECLINED: { description: 'Declined: nothing moved' },
  },
});

/** V-2: a takeover report, as REST's TakeoverReportView. */
@ObjectType({ description: 'A takeover report (V-2): an employee of another department invited an under-served customer; the resource director decides it' })
export class TakeoverReport {
  @Field(() => ID, { description: 'The report' })
  id: string;

  @Field(() => ID, { description: 'The under-served customer' })
  customerId: string;

  @Field(() => ID, { description: 'The employee who invited the customer, and takes them over if approved' })
  reportingEmployeeId: string;

  @Field(() => ID, { description: "The reporting employee's department" })
  reportingDepartmentId: string;

  @Field(() => ID, { description: 'The invitation that filed the report' })
  invitationId: string;

  @Field(() => ID, { description: 'The meeting the customer was invited to' })
  meetingId: string;

  @Field(() => ID, { description: 'The owner the customer had when invited' })
  ownerId: string;

  @Field(() => ID, { description: 'The department that was reported' })
  departmentId: string;

  @Field(() => TakeoverStatus, { description: 'Pending, approved or declined' })
  status: TakeoverStatus;

  @Field({ description: 'ISO 8601 instant the report was filed' })
  createdAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant of the decision; null while pending' })
  decidedAt: string | null;

  @Field(() => ID, { nullable: true, description: 'The resource director who decided it; null while pending' })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined; null unless declined' })
  declineReason: string | null;
}

@ObjectType({ description: 'A takeover report in a list, with the cursor that continues the list after it' })
export class TakeoverReportEdge {
  @Field(() => TakeoverReport, { description: 'The report' })
  node: TakeoverReport;

  @Field({ description: 'Pass as after to list the reports that follow this one' })
  cursor: string;
}

@ObjectType({ description: 'A page of takeover reports, oldest first (the resource director\'s queue)' })
export class TakeoverReportConnection {
  @Field(() => [TakeoverReportEdge], { description: 'The reports of this page with their cursors' })
  edges: TakeoverReportEdge[];

  @Field(() => [TakeoverReport], { description: 'The reports of this page, without cursors' })
  nodes: TakeoverReport[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
