import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { CommonErrors } from '@crm/errors';
import { AllocationService } from './allocation.service';
import { ArchiveReportsService } from './archive-reports.service';
import { archiveBatchInput } from './archives.dto';
import { ArchiveAllocation, ArchiveBatch, ImportArchiveBatchInput } from './archives.models';
import { ArchivesPolicy } from './archives.policy';
import { ArchivesService } from './archives.service';

const uuid = (id: string): string => {
  if (!isUUID(id)) throw CommonErrors.VALIDATION_FAILED('id must be a UUID');
  return id;
};

/** Archive batches over GraphQL: the same service calls and policies as ArchivesController (the JSON form). */
@Resolver(() => ArchiveBatch)
export class ArchivesResolver {
  constructor(
    private readonly archives: ArchivesService,
    private readonly reports: ArchiveReportsService,
    private readonly allocation: AllocationService,
  ) {}

  @Mutation(() => ArchiveBatch, { description: 'Enter the archives of an outreach event (O-2, O-3), as POST /api/v1/archive-batches with a JSON body; every row is reported' })
  @Allow(ArchivesPolicy.submit)
  importArchiveBatch(@CurrentPrincipal() viewer: Principal, @Args('input', { description: 'The event and its records' }) input: ImportArchiveBatchInput): Promise<ArchiveBatch> {
    // A left-out optional field is absent, as in a JSON record, not null.
    const records = input.records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)));
    return this.archives.submit(viewer, archiveBatchInput({ outreachEventId: input.outreachEventId, records }, undefined));
  }

  @Query(() => ArchiveBatch, { description: 'The report of a batch and its allocation, open to inspection (O-4, 公开), as GET /api/v1/archive-batches/{id}' })
  @Allow(ArchivesPolicy.read)
  archiveBatch(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID, description: 'The batch' }) id: string): Promise<ArchiveBatch> {
    return this.reports.get(viewer, uuid(id));
  }

  @Mutation(() => ArchiveAllocation, { description: 'Allocate the new customers of a batch evenly among the event participants (O-4), as POST /api/v1/archive-batches/{id}/allocation' })
  @Allow(ArchivesPolicy.allocate)
  allocateArchiveBatch(@CurrentPrincipal() viewer: Principal, @Args('id', { type: () => ID, description: 'The batch' }) id: string): Promise<ArchiveAllocation> {
    return this.allocation.allocate(viewer, uuid(id));
  }
}
