import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, FieldCaller, PartnerScopes, Principal, RequestHeaders, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, keysetCursor } from '@crm/database';
import { CommonErrors, inField } from '@crm/errors';
import { CUSTOMER_LIST_ORDER } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { HistoryService, historyView } from '../history/history.service';
import { Loaders } from './loaders';
import { Customer, CustomerConnection, CustomerFilter, Department, Employee, HistoryEntry, MAX_CONNECTION_PAGE, RegisterCustomerInput, UpdateCustomerInput } from './models';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomersService,
    private readonly historyService: HistoryService,
    private readonly loaders: Loaders,
    private readonly caller: FieldCaller,
  ) {}

  @Query(() => Customer, { nullable: true })
  @PartnerScopes('customers:read')
  async customer(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    const entity = await this.loaders.for(ctx.req).customer.load(id);
    return entity ? this.customerService.view(viewer, entity) : null;
  }

  @Query(() => CustomerConnection)
  @PartnerScopes('customers:read')
  async customers(
    @CurrentPrincipal() viewer: Principal,
    @Args('filter', { type: () => CustomerFilter, nullable: true }) filter: CustomerFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CustomerConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    const page = await this.customerService.list(viewer, { ...(filter ?? {}), cursor: after ?? undefined }, limit);
    const edges = page.items.map((node) => ({ node, cursor: keysetCursor(node, CUSTOMER_LIST_ORDER) }));
    return { edges, nodes: page.items, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }

  @Mutation(() => Customer)
  @PartnerScopes('customers:write')
  registerCustomer(@CurrentPrincipal() viewer: Principal, @Args('input') input: RegisterCustomerInput) {
    return this.customerService.register(viewer, input);
  }

  @Mutation(() => Customer)
  @PartnerScopes('customers:write')
  updateCustomer(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateCustomerInput) {
    return this.customerService.update(viewer, id, input);
  }

  @Mutation(() => Customer)
  @Roles(Role.RESOURCE_DIRECTOR)
  transferCustomer(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('toEmployeeId', { type: () => ID }) toEmployeeId: string,
    @Args('reason') reason: string,
  ) {
    return this.customerService.transferByDirector(viewer, id, { toEmployeeId, reason });
  }

  @ResolveField(() => Employee, { nullable: true })
  owner(@Parent() c: Customer, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).employee.load(c.ownerId);
  }

  @ResolveField(() => Department, { nullable: true })
  department(@Parent() c: Customer, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).department.load(c.departmentId);
  }

  @ResolveField(() => Customer, { nullable: true })
  async referrer(@CurrentPrincipal() viewer: Principal, @Parent() c: Customer, @Context() ctx: GqlContext) {
    if (!c.referrerId) return null;
    const entity = await this.loaders.for(ctx.req).customer.load(c.referrerId);
    return entity ? this.customerService.view(viewer, entity) : null;
  }

  @ResolveField(() => [HistoryEntry])
  async history(@Parent() c: Customer) {
    const rows = await this.historyService.list(c.id);
    return rows.map(historyView);
  }

  /**
   * Other subgraphs hand the gateway `Customer { id }`; this fills it in, masked for the caller (P-1). No guard
   * runs on `_entities`, so the caller is checked here.
   */
  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GqlContext) {
    return inField(async () => {
      const viewer = await this.caller.require(ctx.req, ['customers:read']);
      const entity = await this.loaders.for(ctx.req).customer.load(ref.id);
      return entity ? this.customerService.view(viewer, entity) : null;
    });
  }
}
