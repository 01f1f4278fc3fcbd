import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { SubmitSheetDto } from '../daily-sheets/sheets.dto';
import { SheetsService } from '../daily-sheets/sheets.service';
import { SheetReceipt } from './models';

@Resolver(() => SheetReceipt)
export class SheetResolver {
  constructor(private readonly sheets: SheetsService) {}

  @Mutation(() => SheetReceipt, { description: "J-3: hand in a department's daily sheet of a joint meeting" })
  @Roles(Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  submitSheet(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: SubmitSheetDto) {
    return this.sheets.submit(caller, meetingId, input);
  }
}
