import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { ReferralsConsumer } from './referrals.consumer';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

/** referral points from attendance and sales. */
@Module({ imports: [LedgerModule], providers: [ReferralsRepository, ReferralsService, ReferralsConsumer] })
export class ReferralsModule {}
