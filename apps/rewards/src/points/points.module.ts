import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { Loaders } from '../graphql/loaders';
import { CustomerPointsResolver, PointsAccountResolver, RedemptionResolver } from '../graphql/points.resolver';
import { LedgerModule } from '../ledger/ledger.module';
import { CorrectionsService } from './corrections.service';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';
import { RedemptionsService } from './redemptions.service';

/** Reading points and redeeming them, over REST and in the graph (Customer.points, redeemPoints). */
@Module({
  imports: [LedgerModule, CustomersModule],
  controllers: [PointsController],
  providers: [PointsService, RedemptionsService, CorrectionsService, Loaders, CustomerPointsResolver, PointsAccountResolver, RedemptionResolver],
})
export class PointsModule {}
