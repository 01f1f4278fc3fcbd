import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ServiceCategory, ServiceKind, ServiceRecordEntity } from './service-record.entity';
import type { ServiceRecordView } from './service-records.view';

registerEnumType(ServiceCategory, { name: 'ServiceCategory', description: 'V-1' });
registerEnumType(ServiceKind, { name: 'ServiceKind' });

@ObjectType({ description: 'A service given to a customer (V-1); health readings are only on REST, for the owner and their head' })
export class ServiceRecord {
  @Field(() => ID)
  id: string;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field(() => ServiceKind)
  kind: ServiceKind;

  @Field(() => String, { nullable: true, description: "Personal data (P-1): for the owner, the owning department's head, the company-wide roles and partners with customers:pii; null otherwise" })
  notes: string | null;

  @Field({ description: 'There are notes this caller may not see (P-1)' })
  notesHidden: boolean;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID)
  employeeId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field({ description: 'Whether health readings were taken (their values follow P-1)' })
  hasReadings: boolean;

  @Field({ description: 'ISO 8601 instant' })
  createdAt: string;
}

/**
 * The GraphQL view of a service record: no readings values (P-1), only whether there are some. A REST view comes
 * with its notes already shown or hidden; a stored record shows them only when `notesShown` (P-1).
 */
export function serviceRecordOf(r: ServiceRecordEntity | ServiceRecordView, notesShown = false): ServiceRecord {
  const sealed = 'readingsSealed' in r ? r.readingsSealed !== null : r.readings !== null || r.readingsHidden;
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
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : r.createdAt.toISOString(),
  };
}
