import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, keysetCursor } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { MAX_CONNECTION_PAGE } from '../support/connection';
import { TakeoverStatus } from './takeover-report.entity';
import { TakeoverReport, TakeoverReportConnection } from './takeovers.models';
import { TakeoversPolicy } from './takeovers.policy';
import { TAKEOVER_LIST_ORDER } from './takeover-list-order';
import { TakeoversService } from './takeovers.service';
import { takeoverReportView } from './takeovers.view';

/** V-2 takeover reports over GraphQL: the same service calls as REST. */
@Resolver(() => TakeoverReport)
export class TakeoversResolver {
  constructor(private readonly takeovers: TakeoversService) {}

  @Query(() => TakeoverReportConnection, { description: 'Takeover reports, oldest first (V-2; as GET /api/v1/takeover-reports)' })
  @Allow(TakeoversPolicy.list)
  async takeoverReports(
    @Args('status', { type: () => TakeoverStatus, nullable: true, description: 'Only reports in this state; left out: every report' }) status: TakeoverStatus | null,
    @Args('first', { type: () => Int, nullable: true, description: `How many reports, 1..${MAX_CONNECTION_PAGE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<TakeoverReportConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    const page = await this.takeovers.list(status ?? undefined, limit, after ?? undefined);
    const edges = page.items.map((r) => ({ node: takeoverReportView(r), cursor: keysetCursor(r, TAKEOVER_LIST_ORDER) }));
    return { edges, nodes: edges.map((e) => e.node), pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }

  @Mutation(() => TakeoverReport, {
    description: 'Approve a takeover report (V-2): the customer moves to the reporting employee; TAKEOVER_CUSTOMER_MOVED when the reported department no longer owns them',
  })
  @Allow(TakeoversPolicy.decide)
  async approveTakeover(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID, description: 'The pending report' }) id: string): Promise<TakeoverReport> {
    return takeoverReportView(await this.takeovers.approve(viewer, id));
  }

  @Mutation(() => TakeoverReport, { description: 'Decline a takeover report (V-2): nothing moves' })
  @Allow(TakeoversPolicy.decide)
  async declineTakeover(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: 'The pending report' }) id: string,
    @Args('reason', { description: 'Why it is declined' }) reason: string,
  ): Promise<TakeoverReport> {
    return takeoverReportView(await this.takeovers.decline(viewer, id, reason));
  }
}
