import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, FieldCaller, Principal, RequestHeaders } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, keysetCursor, MAX_PAGE_SIZE } from '@crm/database';
import { CommonErrors, inField } from '@crm/errors';
import { ComplaintFilterInput, FileComplaintDto, RecordComplaintActionArgs, ReopenComplaintArgs, ResolveComplaintArgs } from './complaints.dto';
import { ComplaintsLoaders } from './complaints.loaders';
import { Complaint, ComplaintAction, ComplaintConnection, Customer } from './complaints.models';
import { ComplaintsPolicy } from './complaints.policy';
import { ComplaintsService } from './complaints.service';

interface GqlContext {
  req: { principal?: Principal; headers: RequestHeaders };
}

@Resolver(() => Complaint)
export class ComplaintsResolver {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly loaders: ComplaintsLoaders,
  ) {}

  @Query(() => Complaint, { description: 'A complaint the caller may see (C-1)' })
  @Allow(ComplaintsPolicy.get)
  complaint(@CurrentPrincipal() caller: Principal, @Args('id', { type: () => ID, description: 'The complaint' }) id: string) {
    return this.complaints.get(caller, id);
  }

  @Query(() => ComplaintConnection, { name: 'complaints', description: 'Complaints the caller may see, in filing order (as GET /api/v1/complaints)' })
  @Allow(ComplaintsPolicy.list)
  async listComplaints(
    @CurrentPrincipal() caller: Principal,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true, description: 'Narrows the list; left out: every complaint the caller may see' }) filter: ComplaintFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: `How many complaints, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<ComplaintConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_PAGE_SIZE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_PAGE_SIZE}`);
    const page = await this.complaints.list(caller, filter ?? {}, { limit, cursor: after ?? undefined });
    const edges = page.items.map((node) => ({ node, cursor: keysetCursor(node, { column: 'c.filedAt', value: (c) => c.filedAt }) }));
    return { edges, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }

  @Mutation(() => Complaint, { description: 'File a complaint (C-1); DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head of the department owning the customer (C-3)' })
  @Allow(ComplaintsPolicy.file)
  fileComplaint(@CurrentPrincipal() caller: Principal, @Args('input', { description: 'The complaint to file' }) input: FileComplaintDto) {
    return this.complaints.file(caller, input);
  }

  @Mutation(() => Complaint, { description: 'Resolve a complaint with a note of what was done (C-5); never by the employee it names (SELF_RESOLUTION_FORBIDDEN)' })
  @Allow(ComplaintsPolicy.resolve)
  resolveComplaint(@CurrentPrincipal() caller: Principal, @Args() args: ResolveComplaintArgs) {
    return this.complaints.resolve(caller, args.id, args.note);
  }

  @Mutation(() => ComplaintAction, { description: 'Record what was done about a complaint (C-5), the employee it names included; it resolves nothing' })
  @Allow(ComplaintsPolicy.recordAction)
  recordComplaintAction(@CurrentPrincipal() caller: Principal, @Args() args: RecordComplaintActionArgs) {
    return this.complaints.recordAction(caller, args.id, args.note);
  }

  @Mutation(() => Complaint, { description: 'Reopen a resolved complaint, once; the original due time stays (C-4)' })
  @Allow(ComplaintsPolicy.reopen)
  reopenComplaint(@CurrentPrincipal() caller: Principal, @Args() args: ReopenComplaintArgs) {
    return this.complaints.reopen(caller, args.id, args.reason);
  }

  @ResolveField(() => Customer, { description: 'The customer who complains, as the customers service holds them' })
  customer(@Parent() c: Complaint) {
    return { id: c.customerId };
  }

  /** The parent was reached through a guarded query or mutation, or `Customer.complaints` (which lists only what the caller may see). */
  @ResolveField(() => [ComplaintAction], { description: 'What was done about it (C-5), oldest first' })
  actions(@Parent() c: Complaint, @Context() ctx: GqlContext) {
    return this.loaders.for(ctx.req).actionsOfComplaint.load(c.id);
  }
}

@Resolver(() => Customer)
export class CustomerComplaintsResolver {
  constructor(
    private readonly service: ComplaintsService,
    private readonly loaders: ComplaintsLoaders,
    private readonly caller: FieldCaller,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }) {
    return { id: ref.id };
  }

  /**
   * Reached through `_entities`, where no guard runs: the caller is checked here, and the list holds only the
   * complaints they may see (the employee concerned, their head, the general manager's office; partners
   * with complaints:read).
   */
  @ResolveField(() => [Complaint], { description: 'The complaints about this customer that the caller may see (C-1)' })
  complaints(@Parent() c: { id: string }, @Context() ctx: GqlContext) {
    return inField(async () => {
      const caller = await this.caller.require(ctx.req, ComplaintsPolicy.customerComplaints.scopes);
      return this.service.visibleTo(caller, await this.loaders.for(ctx.req).complaintsOfCustomer.load(c.id));
    });
  }
}
