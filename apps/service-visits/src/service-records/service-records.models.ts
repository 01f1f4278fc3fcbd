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

  @Field(() => String, { nullable: true })
  notes: string | null;

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

/** The GraphQL view of a service record: no readings values (P-1), only whether there are some. */
export function serviceRecordOf(r: ServiceRecordEntity | ServiceRecordView): ServiceRecord {
  const sealed = 'readingsSealed' in r ? r.readingsSealed !== null : r.readings !== null || r.readingsHidden;
  return {
    id: r.id,
    category: r.category as ServiceRecord['category'],
    kind: r.kind as ServiceRecord['kind'],
    notes: r.notes,
    customerId: r.customerId,
    employeeId: r.employeeId,
    departmentId: r.departmentId,
    hasReadings: sealed,
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : r.createdAt.toISOString(),
  };
}
