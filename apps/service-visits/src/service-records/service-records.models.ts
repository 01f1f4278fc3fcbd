import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ServiceCategory, ServiceKind, ServiceRecordEntity } from './service-record.entity';
import type { ServiceRecordView } from './service-records.view';
import { PageInfo } from '@crm/http';

registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: 'When in the sale a service is given (V-1)',
  valuesMap: {
    PRE_SALE: { description: 'Before a sale: a free home visit, a blood-pressure check, materials' },
    IN_SALE: { description: 'During a sale: reception at a meeting' },
    AFTER_SALE: { description: 'After a sale: delivery and instructions for use at home' },
    REGULAR: { description: 'A routine home visit or phone call' },
  },
});
registerEnumType(ServiceKind, {
  name: 'ServiceKind',
  description: 'What was done (V-1); a HOME_VISIT by the owning department counts for V-2, a HOME_VISIT or PHONE_CALL is a return visit (V-3)',
  valuesMap: {
    HOME_VISIT: { description: "A visit at the customer's home (V-2, V-3)" },
    PHONE_CALL: { description: 'A phone call (V-3)' },
    BLOOD_PRESSURE_CHECK: { description: 'A blood-pressure check; its readings are personal data (P-1)' },
    MATERIALS: { description: 'Materials handed over' },
    RECEPTION: { description: 'Reception at a meeting' },
    DELIVERY: { description: 'Delivery and instructions for use' },
  },
});

@ObjectType({ description: 'A blood-pressure reading (V-1), shown only to the owner and their head (P-1)' })
export class BloodPressureReading {
  @Field(() => Int, { description: 'Systolic pressure, mmHg' })
  systolic: number;

  @Field(() => Int, { description: 'Diastolic pressure, mmHg' })
  diastolic: number;

  @Field(() => Int, { nullable: true, description: 'Beats per minute' })
  pulse?: number | null;
}

@ObjectType({ description: 'A service given to a customer (V-1); health readings are shown by serviceRecords (as REST) to the owner and their head only, every showing audited' })
export class ServiceRecord {
  @Field(() => ID, { description: 'The record' })
  id: string;

  @Field(() => ServiceCategory, { description: 'When in the sale the service was given (V-1)' })
  category: ServiceCategory;

  @Field(() => ServiceKind, { description: 'What was done (V-1); a HOME_VISIT by the owning department counts for V-2' })
  kind: ServiceKind;

  @Field(() => String, { nullable: true, description: "Personal data (P-1): for the owner, the owning department's head, the company-wide roles and partners with customers:pii; null otherwise" })
  notes: string | null;

  @Field({ description: 'There are notes this caller may not see (P-1)' })
  notesHidden: boolean;

  @Field(() => ID, { description: 'The customer served' })
  customerId: string;

  @Field(() => ID, { description: 'The employee who gave the service and recorded it' })
  employeeId: string;

  @Field(() => ID, { nullable: true, description: "The employee's department when the service was recorded; null when not known" })
  departmentId: string | null;

  @Field({ description: 'Whether health readings were taken (their values follow P-1)' })
  hasReadings: boolean;

  @Field(() => [BloodPressureReading], {
    nullable: true,
    description: 'The health readings: shown by serviceRecords and recordService to the owner and their head (P-1, every showing audited); null otherwise, when none were taken, and in Customer.serviceRecords',
  })
  readings: BloodPressureReading[] | null;

  @Field({ description: 'There are readings this answer does not show (P-1; Customer.serviceRecords never shows them)' })
  readingsHidden: boolean;

  @Field({ description: 'ISO 8601 instant' })
  createdAt: string;
}

/**
 * The GraphQL view of a service record: no readings values (P-1), only whether there are some. A REST view comes
 * with its notes already shown or hidden; a stored record shows them only when `notesShown` (P-1).
 */
export function serviceRecordOf(r: ServiceRecordEntity | ServiceRecordView, notesShown = false): ServiceRecord {
  const sealed = 'readingsSealed' in r ? r.readingsSealed !== null : r.readings !== null || r.readingsHidden || r.readingsUnreadable === true;
  const readings = 'readingsSealed' in r ? { readings: null, readingsHidden: sealed } : { readings: r.readings, readingsHidden: r.readingsHidden || r.readingsUnreadable === true };
  const notes = 'notesHidden' in r ? { notes: r.notes, notesHidden: r.notesHidden } : { notes: notesShown ? r.notes : null, notesHidden: !notesShown && r.notes !== null };
  return {
    id: r.id,
    category: r.category as ServiceRecord['category'],
    kind: r.kind as ServiceRecord['kind'],
    ...notes,
    customerId: r.customerId,
    employeeId: r.employeeId,
    departmentId: r.departmentId,
    hasReadings: sealed,
    ...readings,
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : r.createdAt.toISOString(),
  };
}

@ObjectType({ description: 'A service record in a list, with the cursor that continues the list after it' })
export class ServiceRecordEdge {
  @Field(() => ServiceRecord, { description: 'The record' })
  node: ServiceRecord;

  @Field({ description: 'Pass as after to list the records that follow this one' })
  cursor: string;
}

@ObjectType({ description: "A page of a customer's service records, oldest first" })
export class ServiceRecordConnection {
  @Field(() => [ServiceRecordEdge], { description: 'The records of this page with their cursors' })
  edges: ServiceRecordEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
