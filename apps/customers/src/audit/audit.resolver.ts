import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, keysetCursor } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { MAX_CONNECTION_PAGE } from '../support/connection';
import { AuditEntry, AuditEntryConnection, AuditFilterInput } from './audit.models';
import { AuditPolicy } from './audit.policy';
import { AUDIT_LIST_ORDER } from './audit-list-order';
import { AuditService } from './audit.service';
import { auditEntryView } from './audit.view';

/** P-2 audit trail over GraphQL: the same service call as REST. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail, oldest first (P-2; as GET /api/v1/audit)' })
  @Allow(AuditPolicy.list)
  async auditEntries(
    @Args('filter', { type: () => AuditFilterInput, nullable: true, description: 'Narrows the list; left out: every entry' }) filter: AuditFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: `How many entries, 1..${MAX_CONNECTION_PAGE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<AuditEntryConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    const page = await this.audit.search(
      { customerId: filter?.customerId, actorId: filter?.actorId, from: filter?.from ? new Date(filter.from) : undefined, to: filter?.to ? new Date(filter.to) : undefined },
      limit,
      after ?? undefined,
    );
    const edges = page.items.map((a) => {
      const { detail: _detail, ...node } = auditEntryView(a);
      return { node, cursor: keysetCursor(a, AUDIT_LIST_ORDER) };
    });
    return { edges, nodes: edges.map((e) => e.node), pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } };
  }
}
