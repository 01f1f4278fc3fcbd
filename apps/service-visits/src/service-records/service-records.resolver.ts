import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { keysetCursor } from '@crm/database';
import { inField } from '@crm/errors';
import { pageSize } from '../page-size';
import { CustomerReference } from '../customers/customer.reference';
import { RecordServiceDto, ServiceRecordsArgs } from './service-records.dto';
import { ServiceRecordsLoaders } from './service-records.loaders';
import { ServiceRecord, ServiceRecordConnection, serviceRecordOf } from './service-records.models';
import { ServiceRecordsPolicy } from './service-records.policy';
import { ServiceRecordsService } from './service-records.service';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

@Resolver(() => ServiceRecord)
export class ServiceRecordsResolver {
  constructor(private readonly records: ServiceRecordsService) {}

  @Mutation(() => ServiceRecord, { description: 'V-1: the caller records a service given to a customer' })
  @Allow(ServiceRecordsPolicy.record)
  async recordService(@CurrentPrincipal() caller: Principal, @Args('input', { description: 'The service given' }) input: RecordServiceDto) {
    return serviceRecordOf(await this.records.record(caller, input));
  }

  @Query(() => ServiceRecordConnection, {
    description: "V-1: a customer's service records, oldest first (as GET /api/v1/service-records); readings only for the owner and their head, every showing audited (P-1, P-2); notes hidden from other departments",
  })
  @Allow(ServiceRecordsPolicy.list)
  async serviceRecords(@CurrentPrincipal() caller: Principal, @Args() args: ServiceRecordsArgs): Promise<ServiceRecordConnection> {
    const page = await this.records.list(caller, args.customerId, { limit: pageSize(args.first), cursor: args.after }, 'query serviceRecords');
    const edges = page.items.map((view) => ({ node: serviceRecordOf(view), cursor: keysetCursor(view, { column: 'r.created_at', value: (r) => r.createdAt }) }));
    return { edges, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }
}

/** Customers owns customers; service-visits contributes `Customer.serviceRecords`. */
@Resolver(() => CustomerReference)
export class CustomerServiceRecordsResolver {
  constructor(
    private readonly loaders: ServiceRecordsLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  /** Reached through `_entities`, where no guard runs: any employee, or a partner with service-visits:read; notes as P-1 allows. */
  @ResolveField(() => [ServiceRecord], { description: "The customer's service records (V-1), notes as P-1 allows and never the health readings' values" })
  serviceRecords(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      await this.caller.require(ctx.req, ServiceRecordsPolicy.customerServiceRecords.scopes);
      return this.loaders.for(ctx.req).serviceRecordsOfCustomer.load(c.id);
    });
  }
}
