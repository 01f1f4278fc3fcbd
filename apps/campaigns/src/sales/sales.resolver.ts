import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { keysetCursor } from '@crm/database';
import { RecordSaleDto, RefundSaleDto } from './sales.dto';
import { Refund, Sale, SaleConnection } from './sales.models';
import { SalesPolicy } from './sales.policy';
import { SalesService } from './sales.service';
import { saleView } from './sales.view';
import { AFTER_ARG, FIRST_ARG, pageSize, toConnection, UuidFilterPipe } from '@crm/http';

@Resolver(() => Sale)
export class SaleResolver {
  constructor(private readonly sales: SalesService) {}

  @Mutation(() => Sale, { description: "J-10: a sale, credited to the holder of the customer's invitation" })
  @Allow(SalesPolicy.record)
  async recordSale(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting it is sold at' }) meetingId: string,
    @Args('input', { description: 'The buyer and the amount' }) input: RecordSaleDto,
  ) {
    return saleView(await this.sales.record(caller, meetingId, input));
  }

  @Mutation(() => Refund, { description: 'Refund all or part of a sale' })
  @Allow(SalesPolicy.refund)
  refundSale(
    @CurrentPrincipal() caller: Principal,
    @Args('saleId', { type: () => ID, description: 'The sale refunded' }) saleId: string,
    @Args('input', { description: 'The amount refunded' }) input: RefundSaleDto,
  ) {
    return this.sales.refund(caller, saleId, input);
  }

  @Query(() => Sale, {
    description:
      'A sale and what was refunded of it (J-10); staff of a department see those credited to it, NOT_FOUND otherwise',
  })
  @Allow(SalesPolicy.read)
  async sale(
    @CurrentPrincipal() caller: Principal,
    @Args('id', { type: () => ID, description: 'The sale' }, new ParseUUIDPipe()) id: string,
  ) {
    return saleView(await this.sales.get(caller, id));
  }

  @Query(() => SaleConnection, {
    description:
      "A meeting's sales in the order sold (J-10), as GET /meetings/{id}/sales; staff of a department see those credited to it",
  })
  @Allow(SalesPolicy.read)
  async meetingSales(
    @CurrentPrincipal() caller: Principal,
    @Args('meetingId', { type: () => ID, description: 'The meeting' }, new ParseUUIDPipe()) meetingId: string,
    @Args(
      'departmentId',
      {
        type: () => ID,
        nullable: true,
        description: 'The credited department; staff of a department always see their own',
      },
      new UuidFilterPipe('departmentId'),
    )
    departmentId?: string,
    @Args(
      'customerId',
      { type: () => ID, nullable: true, description: 'The buyer' },
      new UuidFilterPipe('customerId'),
    )
    customerId?: string,
    @Args('first', FIRST_ARG) first?: number,
    @Args('after', AFTER_ARG) after?: string,
  ) {
    const limit = pageSize(first);
    const page = await this.sales.list(
      caller,
      meetingId,
      {
        departmentId: departmentId ?? undefined,
        customerId: customerId ?? undefined,
        cursor: after ?? undefined,
        limit,
      },
      limit,
    );
    return toConnection(page, saleView, (s) =>
      keysetCursor(s, { column: 's.sold_at', value: (x) => x.soldAt }),
    );
  }
}
