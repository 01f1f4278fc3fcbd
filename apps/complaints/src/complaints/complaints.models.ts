import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ComplaintCause, ComplaintChannel, ComplaintStatus, SlaState } from './rules/complaint-enums';
import { PageInfo } from '@crm/http';

registerEnumType(ComplaintCause, { name: 'ComplaintCause', description: 'Why the customer complains (C-1)' });
registerEnumType(ComplaintChannel, { name: 'ComplaintChannel', description: 'How the complaint came to light (C-1); C-2 and C-3 fine by it' });
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
registerEnumType(SlaState, { name: 'ComplaintSla', description: 'Where the complaint stands against its deadline (C-4)' });

/** Customers owns customers; complaints contributes `Customer.complaints`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id: string;

  // Lazy: Complaint is declared below (and refers back to Customer).
  @Field(() => [Complaint])
  complaints?: unknown[];
}

@ObjectType({ description: 'What someone did about a complaint (C-5); the employee it names may record one, not the resolution' })
export class ComplaintAction {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  complaintId: string;

  @Field({ description: 'What was done' })
  note: string;

  @Field(() => ID, { description: 'The employee who recorded it' })
  recordedBy: string;

  @Field({ description: 'ISO 8601 instant' })
  recordedAt: string;
}

@ObjectType({ description: 'A customer complaint (C-1..C-5)' })
export class Complaint {
  @Field(() => ID)
  id: string;

  @Field(() => ComplaintStatus)
  status: ComplaintStatus;

  @Field(() => ComplaintCause)
  cause: ComplaintCause;

  @Field(() => ComplaintChannel)
  channel: ComplaintChannel;

  @Field({ description: 'ISO 8601 instant: C-4 breaches the complaint if it is not resolved by then' })
  dueAt: string;

  @Field(() => SlaState)
  sla: SlaState;

  @Field(() => ID)
  customerId: string;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer)
  customer?: Customer;

  @Field(() => ID, { description: 'The employee concerned' })
  employeeId: string;

  @Field(() => ID, { description: "The employee's department when the complaint was filed" })
  departmentId: string;

  @Field(() => ID, { description: 'The department that owned the customer when the complaint was filed: its head is fined (C-3, C-4)' })
  customerDepartmentId: string;

  @Field()
  description: string;

  @Field({ description: 'ISO 8601 instant' })
  filedAt: string;

  @Field(() => String, { nullable: true })
  resolvedAt: string | null;

  @Field(() => String, { nullable: true, description: 'What was done (C-5)' })
  resolutionNote: string | null;

  @Field(() => String, { nullable: true })
  reopenedAt: string | null;

  @Field(() => String, { nullable: true })
  breachedAt: string | null;

  /** Resolved by ComplaintsResolver.actions, batched per request. */
  @Field(() => [ComplaintAction], { description: 'What was done about it (C-5), oldest first' })
  actions?: ComplaintAction[];
}

@ObjectType({ description: 'A complaint in a list, with the cursor that continues the list after it' })
export class ComplaintEdge {
  @Field(() => Complaint, { description: 'The complaint' })
  node: Complaint;

  @Field({ description: 'Pass as after to list the complaints that follow this one' })
  cursor: string;
}

@ObjectType({ description: 'A page of complaints, in filing order' })
export class ComplaintConnection {
  @Field(() => [ComplaintEdge], { description: 'The complaints of this page with their cursors' })
  edges: ComplaintEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
