import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, encodeCursor, keysetCursor } from '@crm/database';
import { isUUID } from 'class-validator';
import { CommonErrors, inField } from '@crm/errors';
import { CUSTOMER_LIST_ORDER } from './customer-list-order';
import { historyEntryView } from './customer.view';
import { CustomersLoaders } from './customers.loaders';
import { Customer, CustomerConnection, CustomerFilter, HistoryEntry, HistoryEntryConnection, MAX_CONNECTION_PAGE, RegisterCustomerInput, UpdateCustomerInput } from './customers.models';
import { CustomersPolicy } from './customers.policy';
import { CustomersService } from './customers.service';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

/** Customer queries and mutations; `owner` and `department` come from the organisation (organisation.fields.ts). */
@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomersService,
    private readonly loaders: CustomersLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @Query(() => Customer, { nullable: true, description: 'A customer, phone masked as P-1 requires; null when there is none with this id' })
  @Allow(CustomersPolicy.read)
  async customer(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID, description: 'The customer' }) id: string, @Context() ctx: GqlContext) {
    const entity = await this.loaders.customer(ctx.req).load(id);
    return entity ? this.customerService.view(viewer, entity) : null;
  }

  @Query(() => CustomerConnection, { description: 'Customers, oldest registration first (as GET /api/v1/customers)' })
  @Allow(CustomersPolicy.read)
  async customers(
    @CurrentPrincipal() viewer: Principal,
    @Args('filter', { type: () => CustomerFilter, nullable: true, description: 'Narrows the list; left out: every customer' }) filter: CustomerFilter | null,
    @Args('first', { type: () => Int, nullable: true, description: `How many customers, 1..${MAX_CONNECTION_PAGE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<CustomerConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    const page = await this.customerService.list(viewer, { ...(filter ?? {}), cursor: after ?? undefined }, limit);
    const edges = page.items.map((node) => ({ node, cursor: keysetCursor(node, CUSTOMER_LIST_ORDER) }));
    return { edges, nodes: page.items, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }

  /**
   * As `GET /customers/{id}/history` (one service call, CUSTOMER_NOT_FOUND alike). The history is short and REST
   * answers it whole; the connection pages it by the entry after which to go on.
   */
  @Query(() => HistoryEntryConnection, { description: "A customer's stage and ownership changes, newest first (as GET /api/v1/customers/{id}/history)" })
  @Allow(CustomersPolicy.read)
  async customerHistory(
    @Args('id', { type: () => ID, description: 'The customer' }) id: string,
    @Args('first', { type: () => Int, nullable: true, description: `How many changes, 1..${MAX_CONNECTION_PAGE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<HistoryEntryConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    if (!isUUID(id)) throw CommonErrors.VALIDATION_FAILED('id must be a UUID');
    const all = (await this.customerService.historyOf(id)).map(historyEntryView);
    const cursorOf = (e: { id: string }) => encodeCursor({ id: e.id });
    let start = 0;
    if (after) {
      start = all.findIndex((e) => cursorOf(e) === after) + 1;
      if (start === 0) throw CommonErrors.INVALID_CURSOR('The cursor is not one this list gave out');
    }
    const items = all.slice(start, start + limit);
    const edges = items.map((node) => ({ node, cursor: cursorOf(node) }));
    const hasNextPage = start + limit < all.length;
    return { edges, pageInfo: { hasNextPage, endCursor: hasNextPage ? edges[edges.length - 1].cursor : null } };
  }

  @Mutation(() => Customer, { description: 'Register a customer (O-2, O-3); a phone already registered answers CUSTOMER_PHONE_EXISTS' })
  @Allow(CustomersPolicy.register)
  registerCustomer(@CurrentPrincipal() viewer: Principal, @Args('input', { description: 'The customer to register' }) input: RegisterCustomerInput) {
    return this.customerService.register(viewer, input);
  }

  @Mutation(() => Customer, { description: "Change a customer's data; the phone stays their identity (O-3)" })
  @Allow(CustomersPolicy.update)
  updateCustomer(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: 'The customer' }) id: string,
    @Args('input', { description: 'What to change' }) input: UpdateCustomerInput,
  ) {
    return this.customerService.update(viewer, id, input);
  }

  @Mutation(() => Customer, {
    description: 'Move a customer to another owner, recorded as a transfer with history and audit; the general manager may move only an under-served customer (V-2)',
  })
  @Allow(CustomersPolicy.transfer)
  transferCustomer(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: 'The customer to move' }) id: string,
    @Args('toEmployeeId', { type: () => ID, description: 'The new owner, an active employee' }) toEmployeeId: string,
    @Args('reason', { description: 'Why, kept with the transfer' }) reason: string,
  ) {
    return this.customerService.transferByDirector(viewer, id, { toEmployeeId, reason });
  }

  @ResolveField(() => Customer, { nullable: true, description: 'The existing customer who brought this one; null when none did' })
  async referrer(@CurrentPrincipal() viewer: Principal, @Parent() c: Customer, @Context() ctx: GqlContext) {
    if (!c.referrerId) return null;
    const entity = await this.loaders.customer(ctx.req).load(c.referrerId);
    return entity ? this.customerService.view(viewer, entity) : null;
  }

  @ResolveField(() => [HistoryEntry], { description: 'Stage (S-3) and ownership changes, newest first' })
  async history(@Parent() c: Customer) {
    return (await this.customerService.listHistory(c.id)).map(historyEntryView);
  }

  /**
   * Other subgraphs hand the gateway `Customer { id }`; this fills it in, masked for the caller (P-1). No guard
   * runs on `_entities`, so the caller is checked here.
   */
  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GqlContext) {
    return inField(async () => {
      const viewer = await this.caller.require(ctx.req, CustomersPolicy.read.scopes);
      const entity = await this.loaders.customer(ctx.req).load(ref.id);
      return entity ? this.customerService.view(viewer, entity) : null;
    });
  }
}
