import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CorrectionsService } from './corrections.service';
import { PointsController } from './points.controller';
import { PointsLoaders } from './points.loaders';
import { PointsRepository } from './points.repository';
import { CustomerPointsResolver, PointsAccountResolver, PointsCorrectionResolver, RedemptionResolver } from './points.resolver';
import { PointsService } from './points.service';
import { RedemptionsService } from './redemptions.service';

/** Reading points, redeeming and correcting them, over REST and in the graph (Customer.points, pointsAccount, redeemPoints, correctPointsEntry). */
@Module({
  imports: [LedgerModule, CustomersModule],
  controllers: [PointsController],
  providers: [PointsRepository, PointsService, RedemptionsService, CorrectionsService, PointsLoaders, CustomerPointsResolver, PointsAccountResolver, RedemptionResolver, PointsCorrectionResolver],
})
export class PointsModule {}
