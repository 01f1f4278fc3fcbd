import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { RecordSaleDto, RefundSaleDto } from '../sales/sales.dto';
import { SalesService } from '../sales/sales.service';
import { Refund, Sale } from './models';

@Resolver(() => Sale)
export class SaleResolver {
  constructor(private readonly sales: SalesService) {}

  @Mutation(() => Sale, { description: "J-10: a sale, credited to the holder of the customer's invitation" })
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  recordSale(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: RecordSaleDto) {
    return this.sales.record(caller, meetingId, input);
  }

  @Mutation(() => Refund, { description: 'Refund all or part of a sale' })
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  refundSale(@CurrentPrincipal() caller: Principal, @Args('saleId', { type: () => ID }) saleId: string, @Args('input') input: RefundSaleDto) {
    return this.sales.refund(caller, saleId, input);
  }
}
