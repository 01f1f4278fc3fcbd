import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { encodeCursor, keysetCursor } from '@crm/database';
import { SubmitSheetDto } from './sheets.dto';
import { ReconciliationConnection, SheetConnection, SheetReceipt } from './sheets.models';
import { SheetsPolicy } from './sheets.policy';
import { SheetsService } from './sheets.service';
import { reconciliationView, sheetView } from './sheets.view';
import { toConnection, UuidFilterPipe } from '@crm/http';

const DAY_ARG = {
  nullable: true,
  description: 'The obligation day, YYYY-MM-DD; every day when absent',
} as const;

@Resolver(() => SheetReceipt)
export class SheetResolver {
  constructor(private readonly sheets: SheetsService) {}

  @Mutation(() => SheetReceipt, {
    description:
      "J-3: hand in a department's daily sheet of a joint meeting; on time it locks its customers at once (J-4)",
  })
  @Allow(SheetsPolicy.submit)
  submitSheet(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @Args('input', { description: 'The department and the customers it lists' }) input: SubmitSheetDto,
  ) {
    return this.sheets.submit(caller, meetingId, input);
  }

  /** One page: a meeting's sheets are few (as REST, which pages them neither). */
  @Query(() => SheetConnection, {
    description:
      "J-3: the sheets handed in for a day, supplementary ones included, as GET /meetings/{id}/sheets: staff see their own department's (one page, hasNextPage false)",
  })
  @Allow(SheetsPolicy.read)
  async meetingSheets(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args('day', DAY_ARG) day?: string,
    @Args(
      'departmentId',
      {
        type: () => ID,
        nullable: true,
        description: "One department's sheets (company-wide roles); staff see their own department's",
      },
      new UuidFilterPipe('departmentId'),
    )
    departmentId?: string,
  ) {
    const page = await this.sheets.list(caller, meetingId, {
      day: day ?? undefined,
      departmentId: departmentId ?? undefined,
    });
    return toConnection(page, sheetView, (s) => keysetCursor(s));
  }

  @Query(() => ReconciliationConnection, {
    description:
      "J-8: the days' reconciliations of a meeting, as GET /meetings/{id}/reconciliations: duplicates and how they were settled, late and missing sheets, fines (one page, hasNextPage false)",
  })
  @Allow(SheetsPolicy.readReconciliations)
  async meetingReconciliations(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args('day', DAY_ARG) day?: string,
  ) {
    const page = await this.sheets.reconciliations(caller, meetingId, day ?? undefined);
    return toConnection(
      page,
      (r) => ({ ...reconciliationView(r), report: JSON.stringify(r.report) }),
      (r) => encodeCursor({ day: r.day }),
    );
  }
}
