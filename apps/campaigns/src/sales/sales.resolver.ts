import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { RecordSaleDto, RefundSaleDto } from './sales.dto';
import { Refund, Sale } from './sales.models';
import { SalesPolicy } from './sales.policy';
import { SalesService } from './sales.service';

@Resolver(() => Sale)
export class SaleResolver {
  constructor(private readonly sales: SalesService) {}

  @Mutation(() => Sale, { description: "J-10: a sale, credited to the holder of the customer's invitation" })
  @Allow(SalesPolicy.record)
  recordSale(@CurrentPrincipal() caller: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: RecordSaleDto) {
    return this.sales.record(caller, meetingId, input);
  }

  @Mutation(() => Refund, { description: 'Refund all or part of a sale' })
  @Allow(SalesPolicy.refund)
  refundSale(@CurrentPrincipal() caller: Principal, @Args('saleId', { type: () => ID }) saleId: string, @Args('input') input: RefundSaleDto) {
    return this.sales.refund(caller, saleId, input);
  }
}
