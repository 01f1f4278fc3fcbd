import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ComplaintCause, ComplaintChannel, ComplaintStatus, SlaState } from './rules/complaint-enums';
import { PageInfo } from '@crm/http';

registerEnumType(ComplaintCause, {
  name: 'ComplaintCause',
  description: 'Why the customer complains (C-1)',
  valuesMap: {
    SERVICE_NOT_IN_PLACE: { description: 'Service not in place (服务不到位)' },
    EMPLOYEE_SELFISHNESS: { description: 'The employee put themselves first (员工自私自利)' },
    WORK_ATTITUDE: { description: "The employee's attitude to work (员工工作态度)" },
    INTER_DEPARTMENT_DISPUTE: { description: 'A dispute between departments (部门之间的争执)' },
    OTHER: { description: 'Any other cause' },
  },
});
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'How the complaint came to light (C-1); C-2 and C-3 fine by it',
  valuesMap: {
    DISCOVERED: { description: 'Staff found a grievance; the customer did not complain. Fines the employee 100 yuan (C-2)' },
    TO_GENERAL_MANAGER: { description: 'The customer complained to the general manager. Fines the employee and the head 100 yuan each (C-3)' },
    HOTLINE: { description: 'By the hotline' },
    VISIT: { description: 'In person' },
    PARTNER: { description: 'Through an integration partner' },
    OTHER: { description: 'Any other channel' },
  },
});
registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'Whether a complaint is still open or resolved (C-5); a resolved complaint may be reopened once',
  valuesMap: { OPEN: { description: 'Not resolved (yet, or again after a reopening)' }, RESOLVED: { description: 'Resolved with a note of what was done (C-5)' } },
});
registerEnumType(SlaState, {
  name: 'ComplaintSla',
  description: 'Where the complaint stands against its deadline (C-4)',
  valuesMap: {
    PENDING: { description: 'The clock runs: open, or resolved after the due time and not yet breached' },
    MET: { description: 'Resolved by the due time; a reopening sets it back to PENDING (the due time stays)' },
    BREACHED: { description: 'Past due unresolved: fined and transferred, once (C-4)' },
  },
});

/** Customers owns customers; complaints contributes `Customer.complaints`. */
@ObjectType({ description: 'A customer of the company, owned by one employee and through them one department' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID, { description: 'The customer' })
  id: string;

  // Lazy: Complaint is declared below (and refers back to Customer).
  @Field(() => [Complaint], { description: 'The complaints about this customer that the caller may see (C-1)' })
  complaints?: unknown[];
}

@ObjectType({ description: 'What someone did about a complaint (C-5); the employee it names may record one, not the resolution' })
export class ComplaintAction {
  @Field(() => ID, { description: 'The action' })
  id: string;

  @Field(() => ID, { description: 'The complaint it is about' })
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
  @Field(() => ID, { description: 'The complaint' })
  id: string;

  @Field(() => ComplaintStatus, { description: 'Open or resolved (C-5)' })
  status: ComplaintStatus;

  @Field(() => ComplaintCause, { description: 'Why the customer complains (C-1)' })
  cause: ComplaintCause;

  @Field(() => ComplaintChannel, { description: 'How the complaint came to light (C-1): DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head (C-3)' })
  channel: ComplaintChannel;

  @Field({ description: 'ISO 8601 instant: C-4 breaches the complaint if it is not resolved by then' })
  dueAt: string;

  @Field(() => SlaState, { description: 'Where the complaint stands against its 3-day deadline (C-4)' })
  sla: SlaState;

  @Field(() => ID, { description: 'The customer who complains' })
  customerId: string;

  /** The customer, resolved by the customers subgraph. */
  @Field(() => Customer, { description: 'The customer who complains, as the customers service holds them' })
  customer?: Customer;

  @Field(() => ID, { description: 'The employee concerned' })
  employeeId: string;

  @Field(() => ID, { description: "The employee's department when the complaint was filed" })
  departmentId: string;

  @Field(() => ID, { description: 'The department that owned the customer when the complaint was filed: its head is fined (C-3, C-4)' })
  customerDepartmentId: string;

  @Field({ description: 'What the customer complains about, in their words or the filer\'s' })
  description: string;

  @Field({ description: 'ISO 8601 instant' })
  filedAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant of the resolution (C-5); null while open' })
  resolvedAt: string | null;

  @Field(() => String, { nullable: true, description: 'What was done (C-5)' })
  resolutionNote: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant of the reopening; null when never reopened' })
  reopenedAt: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant the deadline was breached, fined and the customer transferred (C-4); null when not breached' })
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
