import { Args, Context, Mutation, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, FieldCaller, Principal, RequestHeaders, Roles } from '@crm/auth';
import { inField } from '@crm/errors';
import { ServiceRecordEntity } from '../service-records/service-record.entity';
import { SERVING_ROLES } from '../service-records/service-records.controller';
import { RecordServiceDto } from '../service-records/service-records.dto';
import { ServiceRecordsService, ServiceRecordView } from '../service-records/service-records.service';
import { Loaders } from './loaders';
import { Customer, ServiceRecord } from './models';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
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

@Resolver(() => ServiceRecord)
export class ServiceRecordResolver {
  constructor(private readonly records: ServiceRecordsService) {}

  @Mutation(() => ServiceRecord, { description: 'V-1: the caller records a service given to a customer' })
  @Roles(...SERVING_ROLES)
  async recordService(@CurrentPrincipal() caller: Principal, @Args('input') input: RecordServiceDto) {
    return serviceRecordOf(await this.records.record(caller, input));
  }
}

@Resolver(() => Customer)
export class CustomerServiceRecordsResolver {
  constructor(
    private readonly loaders: Loaders,
    private readonly caller: FieldCaller,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  /** Reached through `_entities`, where no guard runs: any employee, or a partner with service-visits:read. */
  @ResolveField(() => [ServiceRecord])
  serviceRecords(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, ['service-visits:read']);
      return (await this.loaders.for(ctx.req).serviceRecordsOfCustomer.load(c.id)).map(serviceRecordOf);
    });
  }
}
