import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { SubmitSheetDto } from './sheets.dto';
import { SheetReceipt } from './sheets.models';
import { SheetsPolicy } from './sheets.policy';
import { SheetsService } from './sheets.service';

@Resolver(() => SheetReceipt)
export class SheetResolver {
  constructor(private readonly sheets: SheetsService) {}

  @Mutation(() => SheetReceipt, { description: "J-3: hand in a department's daily sheet of a joint meeting" })
  @Allow(SheetsPolicy.submit)
  submitSheet(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: SubmitSheetDto) {
    return this.sheets.submit(caller, meetingId, input);
  }
}
